import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { api, expectNoSeriousViolations, makeCase } from './helpers/cases';
import { arriveInCases, createVaultAndSignIn, signIn } from './helpers/sign-in';

/*
 * The case page's people pickers come from the colleague directory, so a clinician (who cannot
 * list users) can assign work to a colleague; and "Share this case" opens Sharing's Send a case
 * with the case already chosen.
 */

const CLINICIAN_PASSWORD = 'a clinician password';

async function addUser(page: Page, username: string, displayName: string, role: string): Promise<{ id: string }> {
  return api<{ id: string }>(page, 'user:create', { username, displayName, password: CLINICIAN_PASSWORD, role });
}

async function signInAs(page: Page, username: string): Promise<void> {
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await signIn(page, { username, password: CLINICIAN_PASSWORD });
  await arriveInCases(page);
}

test('a clinician assigns a task and the case to colleagues chosen from the directory', async ({ app }) => {
  const { page } = app;
  await createVaultAndSignIn(page);
  await addUser(page, 'klee', 'Kim Lee', 'clinician');
  await addUser(page, 'jsmith', 'Jo Smith', 'clinician');
  await addUser(page, 'rreader', 'Rita Reader', 'read-only');
  const jamie = await makeCase(page, 'Jamie', 'Hughes', '2012-03-27');
  await signInAs(page, 'klee');

  await page.getByRole('link', { name: jamie.reference }).click();
  await expect(page.getByTestId('case-page')).toContainText('Jamie Hughes');
  await page.getByRole('tab', { name: 'Tasks' }).click();
  const owner = page.getByLabel('Owner');
  // Everyone who can hold casework, the signed-in clinician marked; read-only users are not offered.
  await expect(owner.locator('option')).toHaveText(['Kim Lee (you)', 'Jo Smith', 'Sam Patel']);
  await page.getByLabel('Task', { exact: true }).fill('Request the school report');
  await owner.selectOption({ label: 'Jo Smith' });
  await page.getByRole('button', { name: 'Add task' }).click();
  await expect(page.getByRole('row', { name: /Request the school report/ })).toContainText('Jo Smith');

  // Lead worker and allocated clinicians, from the same directory.
  await page.getByRole('tab', { name: 'Overview' }).click();
  await page.getByRole('button', { name: 'Change referral details' }).click();
  await page.getByLabel('Lead worker').selectOption({ label: 'Jo Smith' });
  const allocated = page.getByRole('group', { name: 'Allocated clinicians' });
  await expect(allocated.getByRole('checkbox')).toHaveCount(3);
  await allocated.getByLabel('Kim Lee (you)').check();
  await expectNoSeriousViolations(page, 'change referral details');
  await page.getByRole('button', { name: 'Save referral details' }).click();
  const referral = page
    .getByRole('region', { name: 'Referral' })
    .or(page.locator('section[aria-labelledby="referral-heading"]'));
  await expect(referral.first()).toContainText('Jo Smith');
  await expect(referral.first()).toContainText('Kim Lee');
  const facts = page.getByRole('group', { name: 'Case summary' }).getByRole('definition');
  await expect(facts.filter({ hasText: 'Jo Smith' })).toHaveCount(1);
});

test('Share this case opens Send a case with the case chosen; read-only users do not see it', async ({ app }) => {
  const { page } = app;
  await createVaultAndSignIn(page);
  await addUser(page, 'klee', 'Kim Lee', 'clinician');
  await addUser(page, 'rreader', 'Rita Reader', 'read-only');
  const priya = await makeCase(page, 'Priya', 'Shah', '2010-07-09');
  await signInAs(page, 'klee');

  await page.getByRole('link', { name: priya.reference }).click();
  await expect(page.getByTestId('case-page')).toContainText('Priya Shah');
  await page.getByRole('button', { name: 'Share this case' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Send a case' })).toBeVisible();
  const chosen = page.getByRole('paragraph').filter({ has: page.getByRole('button', { name: 'Choose another case' }) });
  await expect(chosen).toContainText(priya.reference);
  await expect(chosen).toContainText('Priya Shah');
  await expect(page.getByRole('button', { name: 'Choose another case' })).toBeVisible();

  await signInAs(page, 'rreader');
  await page.getByRole('link', { name: priya.reference }).click();
  await expect(page.getByTestId('case-page')).toContainText('Priya Shah');
  await expect(page.getByRole('button', { name: 'Share this case' })).toHaveCount(0);
});
