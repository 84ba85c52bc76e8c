import { test, expect } from './fixtures';
import { createVaultAndSignIn, signIn } from './helpers/sign-in';

// Short enough for a quick test, long enough that creating the vault and acknowledging the
// recovery key (a few clicks) finish first on a slow, shared machine.
test.use({ idleLockMs: 4000 });

test('the vault locks after a period without activity and says so', async ({ app }) => {
  const { page } = app;
  await createVaultAndSignIn(page);

  // No input: the main process locks the vault and tells the renderer, which drops its state.
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('status').filter({ hasText: 'without activity' })).toHaveText(
    'The vault locked after 4 seconds without activity.',
  );
  await expect(page.locator('body')).not.toContainText('Sam Patel');

  await signIn(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
});
