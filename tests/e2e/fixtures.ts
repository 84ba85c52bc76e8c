import { test as base, expect } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowserHost, type DriverSession } from './drivers/browser-host';
import { electronAvailable, launchElectron } from './drivers/electron';

export type DriverName = 'browser-host' | 'electron';

export interface AppHandle extends DriverSession {
  /** The fresh, empty vault folder this test runs on. */
  vaultDir: string;
}

interface Options {
  /** Which shell runs the renderer; set per Playwright project. */
  driver: DriverName;
  /** Idle lock for this test's vault (default: the app's own, 10 minutes). */
  idleLockMs: number | undefined;
}

/**
 * `app`: the renderer open on a brand-new temporary vault, through the browser host (always)
 * or Electron (when its binary exists; otherwise the test is reported as skipped, with why).
 */
export const test = base.extend<{ app: AppHandle } & Options>({
  driver: ['browser-host', { option: true }],
  idleLockMs: [undefined, { option: true }],
  app: async ({ browser, driver, idleLockMs }, use, testInfo) => {
    if (driver === 'electron') {
      const { available, reason } = electronAvailable();
      testInfo.skip(!available, reason);
    }
    const vaultDir = mkdtempSync(join(tmpdir(), 'ncats-e2e-'));
    const session =
      driver === 'electron'
        ? await launchElectron(vaultDir, idleLockMs)
        : await launchBrowserHost(browser, vaultDir, idleLockMs);
    try {
      await use({ ...session, vaultDir });
    } finally {
      await session.close();
      rmSync(vaultDir, { recursive: true, force: true });
    }
  },
});

export { expect };
