/**
 * The Administration screen's Backups section in the browser host: "No backup has been taken of
 * this vault." on a new vault, then, after `ncats backup` has backed the vault up from another
 * process while the app kept it open, "Last backup: dd/mm/yyyy hh:mm" with the file's name.
 * axe-core on the section at 1280x800 and 320 CSS px; screenshots of both.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { expectNoSeriousViolations } from './helpers/cases';
import { goToArea } from './helpers/reflow';
import { ADMIN_USERNAME, PASSWORD, createVaultAndSignIn } from './helpers/sign-in';

const ARTIFACTS = 'tests/e2e/artifacts';
const REPO = resolve(import.meta.dirname, '../..');

/** `ncats backup` in its own process, as an administrator would run it beside the open app. */
function ncatsBackup(vaultDir: string, out: string): Promise<{ code: number | null; output: string }> {
  return new Promise((done, fail) => {
    const args = ['--import', 'tsx', 'main/cli/ncats.ts', 'backup', '--vault', vaultDir];
    args.push('--user', ADMIN_USERNAME, '--password-stdin', '--out', out);
    const child = spawn(process.execPath, args, { cwd: REPO });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, output }));
    child.stdin.end(`${PASSWORD}\n`);
  });
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { level: 2, name: 'Backups' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${ARTIFACTS}/${name}.png` });
  await page.setViewportSize({ width: 320, height: 800 });
  await expectNoSeriousViolations(page, `${name} at 320 px`);
  await page.getByRole('heading', { level: 2, name: 'Backups' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${ARTIFACTS}/${name}-320.png` });
  await page.setViewportSize({ width: 1280, height: 800 });
}

test('the Administration screen says when the vault was last backed up', async ({ app }) => {
  test.setTimeout(120_000);
  const { page } = app;
  const outDir = mkdtempSync(join(tmpdir(), 'ncats-e2e-backups-'));
  try {
    await createVaultAndSignIn(page);
    await goToArea(page, 'Administration');
    const status = page.getByTestId('backup-status');
    await expect(status).toHaveText('No backup has been taken of this vault.');
    await expectNoSeriousViolations(page, 'administration, no backup');
    await shoot(page, 'backup-status-none');

    const out = join(outDir, 'monday.ncatsbackup');
    const run = await ncatsBackup(app.vaultDir, out);
    expect(run.code, run.output).toBe(0);

    // The area reads the status when it opens: leave and come back, as an administrator would.
    await goToArea(page, 'Cases');
    await goToArea(page, 'Administration');
    await expect(status.getByTestId('backup-last')).toHaveText(/^Last backup: \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    await expect(status).toContainText(`monday.ncatsbackup`);
    await expect(status).toContainText(`taken by ${ADMIN_USERNAME}`);
    await expectNoSeriousViolations(page, 'administration, last backup');
    await shoot(page, 'backup-status-last');
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
});
