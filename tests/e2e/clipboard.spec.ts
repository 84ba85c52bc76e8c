/**
 * Text copied from the app leaves the clipboard when the vault locks, in the browser host
 * (the renderer's navigator.clipboard path; Electron's main-process path is tested through the
 * router in tests/main/core/clipboard): copied with Ctrl+C, gone after Ctrl+L; text put on the
 * clipboard from elsewhere after the copy is left alone. The 30-second hold is tested with fake
 * timers in tests/main/core/clipboard/clipboard-guard.test.ts.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { goToArea } from './helpers/reflow';
import { createVaultAndSignIn } from './helpers/sign-in';

const readClipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

/** Select the vault folder's text on the Settings screen and copy it with the keyboard. */
async function copyVaultFolder(page: Page, vaultDir: string): Promise<void> {
  await goToArea(page, 'Settings');
  const value = page.getByRole('region', { name: 'About this vault' }).getByText(vaultDir);
  await value.evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    window.getSelection()?.removeAllRanges();
    window.getSelection()?.addRange(range);
  });
  await page.keyboard.press('Control+c');
  await expect.poll(() => readClipboard(page)).toBe(vaultDir);
}

async function lock(page: Page): Promise<void> {
  await page.keyboard.press('Control+l');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
}

test.beforeEach(async ({ app }) => {
  test.skip(!app.host, 'The browser host path (navigator.clipboard); Electron’s is tested through the router.');
  await app.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.host?.origin });
});

test('text copied from the app is cleared from the clipboard on lock', async ({ app }) => {
  const { page } = app;
  await createVaultAndSignIn(page);
  await copyVaultFolder(page, app.vaultDir);
  await lock(page);
  await expect.poll(() => readClipboard(page)).toBe('');
});

test('text copied from elsewhere after the app’s copy is left on the clipboard', async ({ app }) => {
  const { page } = app;
  await createVaultAndSignIn(page);
  await copyVaultFolder(page, app.vaultDir);
  await page.evaluate(() => navigator.clipboard.writeText('a shopping list'));
  await lock(page);
  // Give the lock's clearing the time it would take, then check it left the other text.
  await page.waitForTimeout(500);
  expect(await readClipboard(page)).toBe('a shopping list');
});
