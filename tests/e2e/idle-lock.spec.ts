import { test, expect } from './fixtures';

// Short enough for a quick test, long enough that creating the vault and acknowledging the
// recovery key (a few clicks) finish first on a slow, shared machine.
test.use({ idleLockMs: 4000 });

test('the vault locks after a period without activity and says so', async ({ app }) => {
  const { page } = app;
  await page.getByLabel('Your full name').fill('Sam Patel');
  await page.getByLabel('User name').fill('spatel');
  await page.getByLabel('Password', { exact: true }).fill('correct horse battery');
  await page.getByLabel('Confirm password').fill('correct horse battery');
  await page.getByRole('button', { name: 'Create vault' }).click();
  await page.getByLabel('I have written down the recovery key and stored it safely').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cases' })).toBeVisible();

  // No input: the main process locks the vault and tells the renderer, which drops its state.
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('status').filter({ hasText: 'without activity' })).toHaveText(
    'The vault locked after 4 seconds without activity.',
  );
  await expect(page.locator('body')).not.toContainText('Sam Patel');

  await page.getByLabel('User name').fill('spatel');
  await page.getByLabel('Password').fill('correct horse battery');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cases' })).toBeVisible();
});
