import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { acknowledgeRecoveryKey, fillFirstRun, signIn } from './helpers/sign-in';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Scan the page; fail on any serious or critical violation, listing what and where. */
async function expectNoSeriousViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious.map(
    (v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(report, `axe violations on the ${screen} screen`).toEqual([]);
}

test('every screen passes axe-core (WCAG 2.2 AA) with no serious or critical violation', async ({ app }) => {
  // Thirteen full axe scans take a while on a shared two-core machine.
  test.setTimeout(150_000);
  const { page } = app;
  await expect(page.getByRole('heading', { level: 1, name: 'Set up NCATS Casework' })).toBeVisible();
  await expectNoSeriousViolations(page, 'first run');

  await page.getByRole('button', { name: 'Create vault' }).click();
  await expect(page.getByText('Enter a name.')).toBeVisible();
  await expectNoSeriousViolations(page, 'first run with errors');

  await fillFirstRun(page);
  await page.getByRole('button', { name: 'Create vault' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Write down your recovery key' })).toBeVisible();
  await expectNoSeriousViolations(page, 'recovery key');

  await acknowledgeRecoveryKey(page);
  const areas = ['Cases', 'Consultations', 'Assessments', 'Interventions', 'Safe Home', 'Training', 'Dashboard'];
  for (const area of areas) {
    await page.getByRole('link', { name: area }).click();
    await expect(page.getByRole('heading', { level: 1, name: area })).toBeVisible();
    await expectNoSeriousViolations(page, area);
  }

  await page.getByRole('link', { name: 'Administration' }).click();
  await expect(page.getByRole('table', { name: 'Users of this vault' })).toBeVisible();
  await page.getByRole('button', { name: 'Check audit trail' }).click();
  await expect(page.getByTestId('audit-result')).toContainText('intact');
  await expectNoSeriousViolations(page, 'administration');

  await page.getByRole('button', { name: 'Add user' }).click();
  await expect(page.getByLabel('Full name')).toHaveAttribute('aria-invalid', 'true');
  await expectNoSeriousViolations(page, 'administration with errors');

  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expectNoSeriousViolations(page, 'sign in');

  await signIn(page, { password: 'not the password' });
  await expect(page.getByRole('alert')).toContainText('not right');
  await expectNoSeriousViolations(page, 'sign in with an error');

  await page.getByRole('button', { name: 'Forgotten password? Use the recovery key' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reset a password with the recovery key' })).toBeVisible();
  await expectNoSeriousViolations(page, 'recover');
});
