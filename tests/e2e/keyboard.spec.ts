import { test, expect } from './fixtures';

const PASSWORD = 'correct horse battery';

test('create the vault, sign in and move around with the keyboard alone', async ({ app }) => {
  const { page } = app;
  const kb = page.keyboard;

  // First run: focus starts in the first field; Tab moves field to field; Enter submits.
  await expect(page.getByLabel('Your full name')).toBeFocused();
  await kb.type('Sam Patel');
  await kb.press('Tab');
  await expect(page.getByLabel('User name')).toBeFocused();
  await kb.type('spatel');
  await kb.press('Tab');
  await kb.type(PASSWORD);
  await kb.press('Tab');
  await expect(page.getByLabel('Confirm password')).toBeFocused();
  await kb.type(PASSWORD);
  await kb.press('Enter');

  // Recovery key: focus moves to the heading; Tab reaches the checkbox, Space ticks it.
  const heading = page.getByRole('heading', { level: 1, name: 'Write down your recovery key' });
  await expect(heading).toBeFocused();
  await kb.press('Tab');
  await expect(page.getByLabel('I have written down the recovery key and stored it safely')).toBeFocused();
  await kb.press('Space');
  await kb.press('Tab');
  await expect(page.getByRole('button', { name: 'Continue' })).toBeFocused();
  await kb.press('Enter');

  // The shell: focus on the area's heading; the navigation is reachable backwards.
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeFocused();
  await kb.press('Shift+Tab');
  await expect(page.getByRole('link', { name: 'Settings' })).toBeFocused();
  await kb.press('Shift+Tab');
  await expect(page.getByRole('link', { name: 'Records retention' })).toBeFocused();
  await kb.press('Shift+Tab');
  await expect(page.getByRole('link', { name: 'Administration' })).toBeFocused();
  await kb.press('Shift+Tab');
  await expect(page.getByRole('link', { name: 'Dashboard' })).toBeFocused();
  await kb.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeFocused();
  await expect(page.getByRole('link', { name: 'Dashboard' })).toHaveAttribute('aria-current', 'page');

  // Ctrl+L locks from wherever focus is.
  await kb.press('Control+l');

  // Sign in with the keyboard.
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expect(page.getByLabel('User name')).toBeFocused();
  await kb.type('spatel');
  await kb.press('Tab');
  await kb.type('wrong password here');
  await kb.press('Enter');
  await expect(page.getByRole('alert')).toContainText('not right');
  await expect(page.getByLabel('Password')).toBeFocused();
  await kb.type(PASSWORD);
  await kb.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeFocused();
});

test('the skip link comes before everything else and moves focus to the main content', async ({ app }) => {
  const { page } = app;
  await expect(page.getByLabel('Your full name')).toBeFocused();
  // The only Tab stop before the first field is the skip link, and it shows when focused.
  await page.keyboard.press('Shift+Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
});
