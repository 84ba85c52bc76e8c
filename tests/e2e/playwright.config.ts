import { defineConfig } from '@playwright/test';
import type { DriverName } from './fixtures';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Two workers by default: the suite was a third of `npm test` on one. Each test already has its
 * own browser-host server (port 0), vault folder and browser context (fixtures.ts), so workers
 * share nothing but the CPU. Files stay whole on one worker (`fullyParallel: false`): a file's
 * tests run in their written order. E2E_WORKERS=1 gives the old serial run, e.g. to time it.
 */
function workerCount(): number {
  const asked = process.env.E2E_WORKERS;
  if (asked === undefined || asked === '') return 2;
  const n = Number(asked);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`E2E_WORKERS must be a whole number of at least 1, not "${asked}"`);
  return n;
}

/**
 * One suite, two drivers. `browser-host` always runs, in Debian's Chromium; `electron` runs
 * the same specs in the real shell when an Electron binary is installed, and otherwise reports
 * each test as skipped with the reason.
 */
export default defineConfig<{ driver: DriverName }>({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: '../../test-results',
  // Logs of the run go to known files; afterwards they are checked for secrets (log-capture/).
  globalSetup: './global-setup.ts',
  globalTeardown: './global-teardown.ts',
  // Per test, for those that set none of their own. Two workers share the two cores, so a test
  // gets about half the CPU it had alone: twice the old 60 s (a test over 60 s on a loaded machine
  // was timing out mid-click, not hanging). A hung test still fails.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: workerCount(),
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    trace: 'off',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        '--no-first-run',
      ],
    },
  },
  projects: [
    { name: 'browser-host', use: { driver: 'browser-host' } },
    { name: 'electron', use: { driver: 'electron' } },
  ],
});
