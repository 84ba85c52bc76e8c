import { test, expect } from './fixtures';
import { arriveInCases, createVaultAndSignIn, signIn } from './helpers/sign-in';

test('an administrator adds a clinician, who signs in without the Administration area', async ({ app }) => {
  const { page } = app;
  await createVaultAndSignIn(page);

  await page.getByRole('link', { name: 'Administration' }).click();
  const users = page.getByRole('table', { name: 'Users of this vault' });
  await expect(users.getByRole('row')).toHaveCount(2);
  await expect(users).toContainText(/\d{2}\/\d{2}\/\d{4}/);

  // A short password is refused in the form, before anything is sent.
  await page.getByLabel('Full name').fill('Jo Smith');
  await page.getByLabel('User name').fill('jsmith');
  await expect(page.getByLabel('Role')).toHaveValue('clinician');
  await page.getByLabel('Initial password').fill('short');
  await page.getByRole('button', { name: 'Add user' }).click();
  await expect(page.getByLabel('Initial password')).toBeFocused();
  await expect(page.getByLabel('Initial password')).toHaveAccessibleDescription(/at least 12 characters/i);

  await page.getByLabel('Initial password').fill('jo smith first password');
  await page.getByRole('button', { name: 'Add user' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Jo Smith was added' })).toBeVisible();
  await expect(users.getByRole('row')).toHaveCount(3);
  await expect(users.getByRole('row', { name: /Jo Smith/ })).toContainText('Clinician');

  // A second user with the same user name is refused with the core's message.
  await page.getByLabel('Full name').fill('Another Jo');
  await page.getByLabel('User name').fill('jsmith');
  await page.getByLabel('Initial password').fill('another long password');
  await page.getByRole('button', { name: 'Add user' }).click();
  await expect(page.locator('#add-user-error')).not.toBeEmpty();

  await page.getByRole('button', { name: 'Check audit trail' }).click();
  await expect(page.getByTestId('audit-result')).toContainText('The audit trail is intact.');
  await expect(page.getByTestId('audit-result')).toContainText(
    /\d+ entries checked on \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/,
  );

  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await signIn(page, { username: 'jsmith', password: 'jo smith first password' });

  await arriveInCases(page);
  await expect(page.getByRole('banner')).toContainText('Jo Smith');
  await expect(page.getByRole('banner')).toContainText('Clinician');
  const nav = page.getByRole('navigation', { name: 'Main' });
  // Home, Cases, Sharing, Consultations, Assessments, Interventions, Safe Home, Training, Dashboard,
  // Settings.
  await expect(nav.getByRole('link')).toHaveCount(10);
  await expect(nav.getByRole('link', { name: 'Administration' })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: 'Records retention' })).toHaveCount(0);
});

test('an administrator adds a paperwork checklist item and makes another optional', async ({ app }) => {
  const { page } = app;
  await createVaultAndSignIn(page);
  await page.getByRole('link', { name: 'Administration' }).click();

  const checklist = page.getByRole('table', { name: 'Paperwork checklist items' });
  await expect(checklist.getByRole('row')).toHaveCount(7);
  await page.getByLabel('Item name').fill('Youth offending team report');
  await page.getByRole('button', { name: 'Add item' }).click();
  await expect(checklist.getByRole('row')).toHaveCount(8);
  await expect(page.getByText('Added “Youth offending team report” to the checklist.')).toBeVisible();

  await checklist.getByRole('checkbox', { name: 'School report: Required' }).click();
  await expect(page.getByText('“School report” is now optional.')).toBeVisible();
  // Stored in the vault, not only on screen.
  await page.getByRole('link', { name: 'Cases' }).click();
  await page.getByRole('link', { name: 'Administration' }).click();
  await expect(checklist.getByRole('checkbox', { name: 'School report: Required' })).not.toBeChecked();
  await expect(checklist.getByRole('cell', { name: 'Youth offending team report', exact: true })).toBeVisible();
});
