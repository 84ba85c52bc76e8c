/**
 * Scheduled backups in the browser host, whose core runs the same schedule as the app
 * (NCATS_BACKUP_FOLDER points the app's own folder at a temporary one). The schedule takes the
 * first backup by itself once the vault is unlocked; "Back up now" (keyboard) shows its progress
 * and then its time, and Settings names the folder in use; a policy folder that is not there is a
 * failure in words under role="alert".
 * axe-core at 1280 px and 320 px; screenshots of each state.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { expectNoSeriousViolations } from './helpers/cases';
import { goToArea } from './helpers/reflow';
import { createVaultAndSignIn } from './helpers/sign-in';

const ARTIFACTS = 'tests/e2e/artifacts';
let ownFolder = '';

// Set before each test's host starts (beforeAll runs before the test's fixtures), and removed
// after, so no other spec's host takes scheduled backups.
test.beforeAll(() => {
  ownFolder = mkdtempSync(join(tmpdir(), 'ncats-e2e-own-backups-'));
  process.env.NCATS_BACKUP_FOLDER = ownFolder;
  process.env.NCATS_BACKUP_CHECK_MS = '1000';
});
test.afterAll(() => {
  delete process.env.NCATS_BACKUP_FOLDER;
  delete process.env.NCATS_BACKUP_CHECK_MS;
  rmSync(ownFolder, { recursive: true, force: true });
});

async function shoot(page: Page, name: string): Promise<void> {
  await expectNoSeriousViolations(page, name);
  await page.getByRole('heading', { level: 2, name: 'Backups' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${ARTIFACTS}/${name}.png` });
  await page.setViewportSize({ width: 320, height: 800 });
  await expectNoSeriousViolations(page, `${name} at 320 px`);
  await page.getByRole('heading', { level: 2, name: 'Backups' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${ARTIFACTS}/${name}-320.png` });
  await page.setViewportSize({ width: 1280, height: 800 });
}

const backupsIn = (folder: string) => readdirSync(folder).filter((n) => n.endsWith('.ncatsbackup'));

test('the schedule backs the vault up by itself, and "Back up now" takes another', async ({ app }) => {
  test.setTimeout(120_000);
  const { page } = app;
  await createVaultAndSignIn(page);
  // The schedule looks every second in this test: the first backup is due at once.
  await expect.poll(() => backupsIn(ownFolder).length, { timeout: 60_000 }).toBeGreaterThanOrEqual(1);
  await goToArea(page, 'Administration');
  const status = page.getByTestId('backup-status');
  await expect(status.getByTestId('backup-last')).toHaveText(/^Last backup: \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
  await expect(status).toContainText(`in ${ownFolder}`);
  await expect(status.getByTestId('backup-schedule')).toContainText(
    /^Next backup due: \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}\. Backups go to .+ \(the app's own folder\); the newest 7 are kept\.$/,
  );
  await expect(page.getByTestId('backup-warning')).toHaveText('');

  const button = page.getByRole('button', { name: 'Back up now' });
  await button.focus();
  await expect(button).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(status.getByTestId('backup-done')).toHaveText(/^Backup finished at \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}\.$/, {
    timeout: 60_000,
  });
  expect(backupsIn(ownFolder).length).toBeGreaterThanOrEqual(2);
  await shoot(page, 'backup-schedule-done');

  // Settings names the folder the schedule really uses, beside the policy's backup rules.
  await goToArea(page, 'Settings');
  const policy = page.getByRole('region', { name: 'Policy set by your trust’s IT' });
  const row = (label: string) => policy.locator('div').filter({ has: page.getByText(label, { exact: true }) });
  await expect(row('Backup folder')).toContainText(`The app’s own folder on this laptop: ${ownFolder}`);
  await expect(row('Backup schedule')).toContainText('a backup is taken once a day');
  await page.screenshot({ path: `${ARTIFACTS}/settings-backups-in-force.png`, fullPage: true });
});

test.describe('with a policy folder that is not there', () => {
  test.use({ policyFileText: JSON.stringify({ backupFolder: '/nonexistent-ncats-e2e/backups', backupMaxAgeDays: 2 }) });

  test('the failure is shown in words under an alert, and nothing is written', async ({ app }) => {
    test.setTimeout(120_000);
    const { page } = app;
    await createVaultAndSignIn(page);
    await goToArea(page, 'Administration');
    const warning = page.getByTestId('backup-warning');
    await expect(warning).toHaveAttribute('role', 'alert');
    const button = page.getByRole('button', { name: 'Back up now' });
    await button.focus();
    await page.keyboard.press('Enter');
    await expect(warning).toContainText(
      /^The last backup attempt, at \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}, failed: The backup folder \/nonexistent-ncats-e2e\/backups is not there/,
      {
        timeout: 60_000,
      },
    );
    await expect(page.getByTestId('backup-schedule')).toContainText("(set by your trust's IT); the newest 7 are kept.");
    await shoot(page, 'backup-schedule-failed');
  });
});
