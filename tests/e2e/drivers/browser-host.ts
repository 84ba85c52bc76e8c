import type { Browser, Page } from '@playwright/test';
import { startBrowserHost, type BrowserHost } from '../../host/server';
import { captureConsole, collectSecretsFromIpc } from '../log-capture/attach';

export interface DriverSession {
  page: Page;
  close(): Promise<void>;
  /** The browser host, when that is the driver (null under Electron). */
  host: BrowserHost | null;
}

/** Serve the built renderer on a fresh vault folder and open it in a new browser context. */
export async function launchBrowserHost(
  browser: Browser,
  vaultDir: string,
  idleLockMs?: number,
  policyFile?: string,
): Promise<DriverSession> {
  const host = await startBrowserHost({
    vaultDir,
    ...(idleLockMs ? { idleLockMs } : {}),
    ...(policyFile ? { policyFile } : {}),
  });
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
  });
  const page = await context.newPage();
  // Before the first load, so the run's logs (log-capture/) miss nothing the page says or sends.
  captureConsole(page);
  collectSecretsFromIpc(page);
  await page.goto(host.url);
  return {
    page,
    host,
    close: async () => {
      await context.close();
      await host.close();
    },
  };
}
