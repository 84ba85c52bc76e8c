/**
 * Users and keys in the browser host, from the keyboard: change your own password in Settings
 * (a wrong current password refused, nothing changed), an administrator resets a colleague's
 * password and removes another (who then cannot sign in), and makes a new recovery key (the old
 * one refused on the recovery screen, the new one accepted). axe-core on each screen;
 * screenshots at 1280x800 and 320 CSS px.
 */
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { expectNoSeriousViolations } from './helpers/cases';
import { ADMIN_USERNAME, PASSWORD, createVaultAndSignIn, signIn } from './helpers/sign-in';

const ARTIFACTS = 'tests/e2e/artifacts';

async function typeInto(page: Page, field: Locator, text: string): Promise<void> {
  await field.focus();
  await page.keyboard.type(text);
}

async function press(page: Page, control: Locator): Promise<void> {
  await control.focus();
  await expect(control).toBeFocused();
  await page.keyboard.press('Enter');
}

async function openArea(page: Page, name: string): Promise<void> {
  await press(page, page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }));
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `${ARTIFACTS}/${name}.png`, fullPage: true });
  await page.setViewportSize({ width: 320, height: 800 });
  await expectNoSeriousViolations(page, `${name} at 320 px`);
  await page.screenshot({ path: `${ARTIFACTS}/${name}-320.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
}

async function addUser(page: Page, name: string, username: string, password: string): Promise<void> {
  await typeInto(page, page.getByLabel('Full name'), name);
  await typeInto(page, page.getByLabel('User name'), username);
  await typeInto(page, page.getByLabel('Initial password'), password);
  await press(page, page.getByRole('button', { name: 'Add user' }));
  await expect(page.getByRole('status').filter({ hasText: `${name} was added` })).toBeVisible();
}

async function lock(page: Page): Promise<void> {
  await press(page, page.getByRole('button', { name: 'Lock', exact: true }));
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
}

test('change your password, reset a colleague’s and remove another, from the keyboard', async ({ app }) => {
  const { page } = app;
  await createVaultAndSignIn(page);

  // Your password, in Settings: the minimum is said before anything is typed.
  await openArea(page, 'Settings');
  const section = page.getByRole('region', { name: 'Your password' });
  await expect(section.getByLabel('New password', { exact: true })).toHaveAccessibleDescription(
    /at least 12 characters/i,
  );
  await expectNoSeriousViolations(page, 'Settings, Your password');
  await typeInto(page, section.getByLabel('Current password'), 'not my password at all');
  await typeInto(page, section.getByLabel('New password', { exact: true }), 'my second long password');
  await typeInto(page, section.getByLabel('Confirm new password'), 'my second long password');
  await press(page, section.getByRole('button', { name: 'Change password' }));
  await expect(page.locator('#change-password-error')).toContainText('current password is not right');
  await expect(section.getByLabel('Current password')).toBeFocused();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(PASSWORD);
  await press(page, section.getByRole('button', { name: 'Change password' }));
  const changed = section.getByRole('status').filter({ hasText: 'Your password has been changed' });
  await expect(changed).toBeFocused();
  await shoot(page, 'users-keys-your-password');
  await lock(page);
  await signIn(page, { password: PASSWORD });
  await expect(page.getByRole('alert').filter({ hasText: 'password is not right' })).toBeVisible();
  await signIn(page, { password: 'my second long password' });
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();

  // Two colleagues, one to reset and one to remove.
  await openArea(page, 'Administration');
  await addUser(page, 'Jo Smith', 'jsmith', 'jo smith first password');
  await addUser(page, 'Lee Brown', 'lbrown', 'lee brown first password');
  const users = page.getByRole('table', { name: 'Users of this vault' });
  // Your own row has no actions: you change your password in Settings and cannot remove yourself.
  await expect(users.getByRole('row', { name: /Sam Patel/ }).getByRole('button')).toHaveCount(0);

  await press(page, users.getByRole('button', { name: 'Reset password: Jo Smith' }));
  const resetDialog = page.getByRole('dialog', { name: 'Reset Jo Smith’s password' });
  await expect(resetDialog).toBeVisible();
  await typeInto(page, resetDialog.getByLabel('Temporary password'), 'short');
  await press(page, resetDialog.getByRole('button', { name: 'Reset password' }));
  await expect(resetDialog.getByLabel('Temporary password')).toHaveAttribute('aria-invalid', 'true');
  await expectNoSeriousViolations(page, 'reset password dialog');
  await page.screenshot({ path: `${ARTIFACTS}/users-keys-reset-dialog.png` });
  await resetDialog.getByLabel('Temporary password').focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('jo smith temporary one');
  await press(page, resetDialog.getByRole('button', { name: 'Reset password' }));
  await expect(page.getByRole('status').filter({ hasText: 'Jo Smith’s password has been reset' })).toBeFocused();

  await press(page, users.getByRole('button', { name: 'Remove Lee Brown' }));
  const removeDialog = page.getByRole('dialog', { name: 'Remove Lee Brown?' });
  await expect(removeDialog).toContainText('Everything they recorded stays, under their name');
  await expectNoSeriousViolations(page, 'remove user dialog');
  await page.screenshot({ path: `${ARTIFACTS}/users-keys-remove-dialog.png` });
  await press(page, removeDialog.getByRole('button', { name: 'Remove user' }));
  await expect(page.getByRole('status').filter({ hasText: 'Lee Brown has been removed' })).toBeFocused();
  await expect(users.getByRole('row', { name: /Lee Brown/ })).toContainText('Disabled');
  await expect(users.getByRole('row', { name: /Lee Brown/ }).getByRole('button')).toHaveCount(0);
  await shoot(page, 'users-keys-users-table');

  await lock(page);
  await signIn(page, { username: 'lbrown', password: 'lee brown first password' });
  await expect(page.getByRole('alert').filter({ hasText: 'password is not right' })).toBeVisible();
  await signIn(page, { username: 'jsmith', password: 'jo smith first password' });
  await expect(page.getByRole('alert').filter({ hasText: 'password is not right' })).toBeVisible();
  // The temporary password opens only the form to choose one's own: the administrator knows it.
  await signIn(page, { username: 'jsmith', password: 'jo smith temporary one' });
  await expect(page.getByRole('heading', { level: 1, name: 'Choose a new password' })).toBeFocused();
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await expectNoSeriousViolations(page, 'choose a new password');
  await page.screenshot({ path: `${ARTIFACTS}/users-keys-choose-password.png` });
  await typeInto(page, page.getByLabel('Password your administrator gave you'), 'jo smith temporary one');
  await typeInto(page, page.getByLabel('New password', { exact: true }), 'jo smith own password');
  await typeInto(page, page.getByLabel('Confirm new password'), 'jo smith own password');
  await press(page, page.getByRole('button', { name: 'Change password' }));
  await expect(page.getByRole('banner')).toContainText('Jo Smith');
  await lock(page);
  await signIn(page, { username: 'jsmith', password: 'jo smith own password' });
  await expect(page.getByRole('banner')).toContainText('Jo Smith');
  await expect(page.getByRole('heading', { level: 1, name: 'Choose a new password' })).toHaveCount(0);
});

test('a new recovery key: the old one is refused, the new one works', async ({ app }) => {
  const { page } = app;
  const oldKey = await createVaultAndSignIn(page);
  await openArea(page, 'Administration');
  const section = page.getByRole('region', { name: 'Recovery key' });
  await expect(section).toContainText('Backups taken before today keep their own keys');
  await press(page, section.getByRole('button', { name: 'Make a new recovery key' }));
  const dialog = page.getByRole('dialog', { name: 'Make a new recovery key?' });
  await expect(dialog).toBeVisible();
  await press(page, dialog.getByRole('button', { name: 'Make a new recovery key' }));
  await expect(page.getByRole('heading', { level: 2, name: 'Recovery key', exact: true })).toBeFocused();
  const newKey = (await page.getByTestId('new-recovery-key').innerText()).replace(/\s+/g, '-');
  expect(newKey).toMatch(/^([0-9A-F]{8}-){7}[0-9A-F]{8}$/);
  expect(newKey).not.toBe(oldKey);
  await expectNoSeriousViolations(page, 'new recovery key');
  await shoot(page, 'users-keys-new-recovery-key');
  // Done is refused until the key is said to be written down.
  await press(page, section.getByRole('button', { name: 'Done' }));
  await expect(section.getByLabel('I have written down the new recovery key and stored it safely')).toBeFocused();
  await page.keyboard.press('Space');
  await press(page, section.getByRole('button', { name: 'Done' }));
  await expect(section.getByRole('status')).toContainText('The old one no longer opens this vault');
  await expect(page.getByTestId('new-recovery-key')).toHaveCount(0);

  await lock(page);
  await press(page, page.getByRole('button', { name: 'Forgotten password? Use the recovery key' }));
  await expect(page.getByRole('textbox', { name: 'Recovery key' })).toBeFocused();
  await typeInto(page, page.getByRole('textbox', { name: 'Recovery key' }), oldKey);
  await typeInto(page, page.getByLabel('User name'), ADMIN_USERNAME);
  await typeInto(page, page.getByLabel('New password', { exact: true }), 'a brand new passphrase');
  await typeInto(page, page.getByLabel('Confirm new password'), 'a brand new passphrase');
  await press(page, page.getByRole('button', { name: 'Reset password and sign in' }));
  await expect(page.getByRole('alert').filter({ hasText: 'does not belong to this vault' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Recovery key' }).focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(newKey);
  await press(page, page.getByRole('button', { name: 'Reset password and sign in' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
});
