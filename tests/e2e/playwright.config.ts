import { defineConfig } from '@playwright/test';
import type { DriverName } from './fixtures';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

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
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
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
