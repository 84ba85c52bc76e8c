import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { expectNoSeriousViolations, makeCase } from './helpers/cases';
import { createVaultAndSignIn } from './helpers/sign-in';
import { englandUkDaysFromToday } from './helpers/england-date';

/*
 * The received date on the Paperwork tab: a date that does not exist says why, a future date
 * is refused saying what today is, and a date before the referral is warned about in a dialog
 * and saved only after "Save anyway" (from the keyboard), because it starts the 12-week clock.
 */

const ARTIFACTS = 'tests/e2e/artifacts';

/** Today in England as dd/mm/yyyy, and a date some calendar days away, as the core counts them. */
const englandDate = englandUkDaysFromToday;

async function openPaperwork(page: Page, reference: string): Promise<void> {
  // Leave and come back, so the caseload asks the core again and lists the new case.
  // Each step waits for its heading, so the second click cannot land before the first.
  await page.getByRole('link', { name: 'My tasks' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'My tasks' })).toBeVisible();
  await page.getByRole('link', { name: 'Caseload' }).click();
  await page.getByRole('link', { name: reference }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Jamie Hughes' })).toBeVisible();
  await page.getByRole('tab', { name: /^Paperwork/ }).click();
}

test('paperwork dates: impossible, future, and before the referral (warned, then saved)', async ({ app }) => {
  test.setTimeout(120_000);
  const { page } = app;
  await page.setViewportSize({ width: 1280, height: 800 });
  await createVaultAndSignIn(page);
  const made = await makeCase(page, 'Jamie', 'Hughes', '2012-03-27', { referralDate: '2025-03-12' });
  await openPaperwork(page, made.reference);

  const chronology = page.getByRole('form', { name: 'Record Chronology as received' });
  const input = chronology.getByLabel(/Date Chronology was received/);

  // A date that does not exist says so, and why; the field keeps what was typed.
  await input.fill('31/02/2011');
  await input.press('Enter');
  await expect(chronology.getByRole('alert')).toHaveText('31/02/2011 is not a real date: February 2011 has 28 days.');
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  await expect(input).toHaveValue('31/02/2011');

  // A future date is refused by the core, saying what today is.
  await input.fill(englandDate(30));
  await input.press('Enter');
  await expect(chronology.getByRole('alert')).toHaveText(
    `The date received cannot be in the future (today is ${englandDate()}).`,
  );
  await expectNoSeriousViolations(page, 'paperwork with a refused date');
  await chronology.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${ARTIFACTS}/paperwork-future-date.png`, fullPage: false });

  // Before the referral: a warning to confirm. Cancel keeps nothing and returns to the date.
  await input.fill('01/03/2025');
  await input.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Received before the referral?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Chronology received on 01/03/2025.');
  await expect(dialog).toContainText(
    'This is before the referral date (12/03/2025): the 12-week clock will start from the latest item received. Save anyway?',
  );
  await expectNoSeriousViolations(page, 'paperwork warning dialog');
  await page.screenshot({ path: `${ARTIFACTS}/paperwork-before-referral.png`, fullPage: false });
  await page.setViewportSize({ width: 320, height: 640 });
  await page.screenshot({ path: `${ARTIFACTS}/paperwork-before-referral-320.png`, fullPage: false });
  await page.setViewportSize({ width: 1280, height: 800 });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(input).toBeFocused();
  await expect(page.getByText('Received 01/03/2025')).toHaveCount(0);

  // Again, confirmed from the keyboard: the dialog opens on "Save anyway".
  await input.press('Enter');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Save anyway' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row', { name: /^Chronology/ })).toContainText(
    'Received 01/03/2025 (before the referral)',
  );
  await expect(page.getByTestId('paperwork-message')).toHaveText(
    'Chronology recorded as received on 01/03/2025, before the referral date.',
  );
  await expectNoSeriousViolations(page, 'paperwork after an early date');
  await page.getByRole('row', { name: /^Chronology/ }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${ARTIFACTS}/paperwork-saved-early.png`, fullPage: false });
});
