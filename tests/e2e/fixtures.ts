import { test as base, expect, type ElectronApplication } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowserHost, type DriverSession } from './drivers/browser-host';
import { electronAvailable, launchElectron } from './drivers/electron';
import { captureConsole, captureElectronOutput, teeWorkerOutput } from './log-capture/attach';

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
  /**
   * The text of a machine policy file for this test (written beside its vault and named by
   * NCATS_POLICY_FILE); none when absent, so the app's defaults apply.
   */
  policyFileText: string | undefined;
}

interface WorkerFixtures {
  /**
   * This worker's own temporary folder (`ncats-e2e-w<parallel index>-…`): every test's vault and
   * policy folders are made inside it, so two workers never share a path, and whatever a test
   * left behind (a crash mid-teardown) goes when the worker ends.
   */
  workerTempDir: string;
  /** Everything the worker prints goes to the run's logs (checked for secrets after the run). */
  runLogs: undefined;
}

/**
 * `app`: the renderer open on a brand-new temporary vault, through the browser host (always)
 * or Electron (when its binary exists; otherwise the test is reported as skipped, with why).
 * Each test gets its own browser-host server on a port the OS picks (port 0), its own vault
 * folder and its own browser context: nothing is shared between tests, or between workers
 * (playwright.config.ts runs two), except the worker's Chromium.
 */
export const test = base.extend<{ app: AppHandle } & Options, WorkerFixtures>({
  // Everything the worker prints goes to the run's logs, checked for secrets after the run.
  runLogs: [
    // Playwright reads the fixtures a function needs from its first parameter, so it must be a pattern.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      teeWorkerOutput();
      await use(undefined);
    },
    { scope: 'worker', auto: true },
  ],
  driver: ['browser-host', { option: true }],
  idleLockMs: [undefined, { option: true }],
  policyFileText: [undefined, { option: true }],
  workerTempDir: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern.
    async ({}, use, workerInfo) => {
      const dir = mkdtempSync(join(tmpdir(), `ncats-e2e-w${workerInfo.parallelIndex}-`));
      try {
        await use(dir);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    { scope: 'worker' },
  ],
  app: async ({ browser, driver, idleLockMs, policyFileText, workerTempDir }, use, testInfo) => {
    if (driver === 'electron') {
      const { available, reason } = electronAvailable();
      testInfo.skip(!available, reason);
    }
    const vaultDir = mkdtempSync(join(workerTempDir, 'vault-'));
    // Not inside the vault folder: the app must find that folder empty on first run.
    const policyDir = policyFileText === undefined ? null : mkdtempSync(join(workerTempDir, 'policy-'));
    const policyFile = policyDir ? join(policyDir, 'policy.json') : undefined;
    if (policyFile) writeFileSync(policyFile, policyFileText ?? '');
    const session =
      driver === 'electron'
        ? await launchElectron(vaultDir, idleLockMs, policyFile)
        : await launchBrowserHost(browser, vaultDir, idleLockMs, policyFile);
    // Under Electron, its window's console and its main process's output go to the run's logs
    // (the browser host driver hooks its page up before the first load).
    if ('electronApp' in session) {
      captureConsole(session.page);
      captureElectronOutput(session.electronApp as ElectronApplication);
    }
    try {
      await use({ ...session, vaultDir });
    } finally {
      await session.close();
      rmSync(vaultDir, { recursive: true, force: true });
      if (policyDir) rmSync(policyDir, { recursive: true, force: true });
    }
  },
});

export { expect };
