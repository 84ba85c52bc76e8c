import { test, expect } from './fixtures';
import { expectNoSeriousViolations, makeCase } from './helpers/cases';
import { createVaultAndSignIn } from './helpers/sign-in';
import type { Page } from '@playwright/test';

/** One term and its value in a summary list (a dl's row), found by the term's words. */
function summaryRow(page: Page, term: string) {
  return page.locator('dl > div').filter({ has: page.getByRole('term').filter({ hasText: new RegExp(`^${term}$`) }) });
}

test('a referral typed from the keyboard alone opens the new case', async ({ app }) => {
  const { page } = app;
  const kb = page.keyboard;
  await createVaultAndSignIn(page);
  await expect(page.getByText('No cases yet. Record a referral to start a case file.')).toBeVisible();

  // From the area heading: the Cases navigation, the note search, then New referral.
  await expect(page.getByRole('heading', { level: 1, name: 'Cases' })).toBeFocused();
  await kb.press('Tab');
  await expect(page.getByRole('link', { name: 'Caseload' })).toBeFocused();
  await kb.press('Tab');
  await expect(page.getByRole('link', { name: 'My tasks' })).toBeFocused();
  await kb.press('Tab');
  await expect(page.getByRole('searchbox', { name: 'Search cases, notes and documents' })).toBeFocused();
  await kb.press('Tab');
  await kb.press('Tab');
  await expect(page.getByRole('button', { name: 'New referral' })).toBeFocused();
  await kb.press('Enter');

  // Focus moves to the form's heading; the referral date is filled in with today.
  await expect(page.getByRole('heading', { level: 2, name: 'New referral' })).toBeFocused();
  await kb.press('Tab');
  const referralDate = page.getByLabel('Referral date');
  await expect(referralDate).toBeFocused();
  await expect(referralDate).toHaveValue(/^\d{2}\/\d{2}\/\d{4}$/);
  await kb.press('Control+a');
  await kb.type('03/11/2026');
  await kb.press('Tab');
  await kb.type('Leeds children’s social care');
  await kb.press('Tab');
  await kb.type('Concerns about sexualised behaviour towards a younger cousin.');
  await kb.press('Tab');
  await expect(page.getByLabel('Professional consultation only')).toBeFocused();
  await kb.press('Tab');
  await expect(page.getByLabel('Professional consultation', { exact: true })).toBeFocused();
  await kb.press('Tab');
  await expect(page.getByLabel('Assessment', { exact: true })).toBeFocused();
  await kb.press('Space');
  await kb.press('Tab');
  await kb.press('Tab');
  await kb.press('Tab');
  await kb.press('Tab');
  await expect(page.getByLabel('Lead worker')).toBeFocused();
  await kb.press('ArrowDown');
  await expect(page.getByLabel('Lead worker')).toHaveValue(/.+/);
  await kb.press('Tab');
  await expect(page.getByLabel('Given name')).toBeFocused();
  await kb.type('Jamie');
  await kb.press('Tab');
  await kb.type('Hughes');
  await kb.press('Tab');
  await expect(page.getByLabel('Date of birth')).toBeFocused();
  await kb.type('27/03/2012');
  await kb.press('Tab');
  await expect(page.getByLabel('Local authority (optional)')).toBeFocused();
  await kb.type('Leeds');
  // No case exists yet, so no duplicate warning.
  await expect(page.getByTestId('duplicate-region')).toBeEmpty();
  await kb.press('Enter');

  // Enter submits; the new case opens.
  const casePage = page.getByTestId('case-page');
  await expect(casePage).toBeVisible();
  await expect(casePage).toContainText(/NC-2026-0001/);
  await expect(casePage).toContainText('Jamie Hughes');

  await page.getByRole('button', { name: 'Back to the caseload' }).click();
  const row = page.getByRole('row', { name: /NC-2026-0001/ });
  await expect(row).toContainText('Jamie Hughes');
  await expect(row).toContainText('27/03/2012 (14)');
  await expect(row).toContainText('Sam Patel');
  await expect(row).toContainText('Referred');
});

test('the form explains its errors, and refuses a young person over 21 with the reason', async ({ app }) => {
  const { page } = app;
  await createVaultAndSignIn(page);
  await page.getByRole('button', { name: 'New referral' }).click();
  await page.getByRole('button', { name: 'Record referral' }).click();

  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Enter the young person’s given name.');
  await expect(summary).toContainText('Enter the young person’s date of birth.');
  await expect(page.getByLabel('Given name')).toHaveAttribute('aria-invalid', 'true');
  await expectNoSeriousViolations(page, 'new referral with errors');

  // A link in the summary moves focus to its field.
  await summary.getByRole('link', { name: 'Enter the young person’s given name.' }).click();
  await expect(page.getByLabel('Given name')).toBeFocused();

  await page.getByLabel('Given name').fill('Alex');
  await page.getByLabel('Family name').fill('Older');
  await page.getByLabel('Date of birth').fill('01/01/1990');
  await page.getByRole('button', { name: 'Record referral' }).click();
  const over21 =
    /The service works with young people up to 21\. This young person \(born 01\/01\/1990\) was \d+ on the referral date/;
  await expect(page.getByLabel('Date of birth')).toHaveAccessibleDescription(over21);
  await expect(summary).toContainText(over21);

  // Consultation only: initials and an age are enough, and the age limit still applies.
  await page.getByLabel('Professional consultation only').check();
  await expect(page.getByText('data minimisation')).toBeVisible();
  await page.getByLabel('Given name (optional for a consultation)').fill('');
  await page.getByLabel('Family name (optional for a consultation)').fill('');
  await page.getByLabel('Date of birth (or give the age below)').fill('');
  await page.getByLabel('Initials').fill('AO');
  await page.getByLabel('Age at referral, in years').fill('22');
  await page.getByRole('button', { name: 'Record referral' }).click();
  await expect(page.getByLabel('Age at referral, in years')).toHaveAccessibleDescription(
    /works with young people up to 21\. This young person was 22 on the referral date/,
  );
  await page.getByLabel('Age at referral, in years').fill('15');
  await page.getByRole('button', { name: 'Record referral' }).click();
  await expect(page.getByTestId('case-page')).toContainText('AO');
});

test('a second, similar referral shows the possible duplicate but is not blocked', async ({ app }) => {
  const { page } = app;
  await createVaultAndSignIn(page);
  const first = await makeCase(page, 'Jamie', 'Hughes', '2012-03-27');

  await page.getByRole('button', { name: 'New referral' }).click();
  await page.getByLabel('Given name').fill('Jaimie');
  await page.getByLabel('Family name').fill('Hughs');
  await page.getByLabel('Date of birth').fill('27/03/2012');

  const warning = page.getByTestId('duplicate-region');
  await expect(warning).toContainText('A possible duplicate: check it first');
  await expect(warning).toContainText(first.reference);
  await expect(warning).toContainText('initials JH, born 27/03/2012, referred');
  await expect(warning).toContainText('same date of birth and a similar-sounding name');
  await expect(warning).toHaveAttribute('aria-live', 'polite');
  await expectNoSeriousViolations(page, 'new referral with a duplicate warning');

  // Checking the duplicate keeps the draft: back from the case, the form is as it was.
  await warning.getByRole('link', { name: first.reference }).click();
  await expect(page.getByTestId('case-page')).toContainText(first.reference);
  await page.getByRole('button', { name: 'Back to the caseload' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'New referral' })).toBeVisible();
  await expect(page.getByLabel('Given name')).toHaveValue('Jaimie');

  // It is a warning, not a block: the referral can still be made.
  await page.getByRole('button', { name: 'Record referral' }).click();
  await expect(page.getByTestId('case-page')).toContainText('NC-2026-0002');
});

test('clinical answers start unanswered, "Not known" is an answer, and the NHS number is checked and shown 3-3-4', async ({
  app,
}) => {
  const { page } = app;
  await page.setViewportSize({ width: 1280, height: 800 });
  await createVaultAndSignIn(page);
  await page.getByRole('button', { name: 'New referral' }).click();

  // Nothing is answered for the clinician: the selects say "Choose…", not "None".
  await expect(page.getByLabel('Legal status')).toHaveValue('');
  await expect(page.getByLabel('Legal status').locator('option:checked')).toHaveText('Choose…');
  await expect(page.getByLabel('Placement')).toHaveValue('');
  await expect(page.getByLabel('Consent and information sharing')).toHaveValue('');
  await expect(page.getByLabel('Legal status').getByRole('option', { name: 'Not known' })).toHaveCount(1);

  await page.getByLabel('Given name').fill('Jamie');
  await page.getByLabel('Family name').fill('Hughes');
  await page.getByLabel('Date of birth').fill('27/03/2012');
  await page.getByLabel('Placement').selectOption({ label: 'Not known' });
  const nhs = page.getByLabel('NHS number (optional)');
  await nhs.fill('943 476 5918');
  await page.getByRole('button', { name: 'Record referral' }).click();
  const message = 'This is not a valid NHS number: the check digit does not match.';
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toContainText(message);
  await expect(nhs).toHaveAttribute('aria-invalid', 'true');
  await expect(nhs).toHaveAccessibleDescription(new RegExp(message.replace(/\./g, '\\.')));
  await expectNoSeriousViolations(page, 'new referral with a wrong NHS number');
  await page.screenshot({ path: 'tests/e2e/artifacts/referral-identity-1280.png', fullPage: true });

  await nhs.fill('9434765919');
  await page.getByLabel('GP practice (optional)').fill('Riverside Surgery');
  await page.getByLabel('GP practice ODS code (optional)').fill('b86001');
  await page.getByRole('button', { name: 'Record referral' }).click();

  // The Overview says what is still unanswered, and shows the number as people read it.
  const casePage = page.getByTestId('case-page');
  await expect(casePage).toContainText('NC-');
  const notice = page.getByRole('note', { name: 'Questions not answered yet' });
  await expect(notice).toHaveText(/Not answered yet: legal status and consent to share information\./);
  const identity = page.getByRole('definition').filter({ hasText: '943 476 5919' });
  await expect(identity).toHaveCount(1);
  await expect(casePage).toContainText('Riverside Surgery, ODS code B86001');
  const placement = summaryRow(page, 'Placement');
  await expect(placement).toContainText('Not known');
  await expectNoSeriousViolations(page, 'case overview with unanswered questions');
  await page.screenshot({ path: 'tests/e2e/artifacts/overview-unanswered-1280.png', fullPage: false });
  await page.setViewportSize({ width: 320, height: 800 });
  await notice.scrollIntoViewIfNeeded();
  // The notice and the identity rows fit the narrow window (the page's own reflow is the layout's).
  const fits = await notice.evaluate((el) => el.scrollWidth <= el.clientWidth + 1);
  expect(fits, 'the not-answered notice reflows at 320 px').toBe(true);
  await page.screenshot({ path: 'tests/e2e/artifacts/overview-unanswered-320.png', fullPage: false });
  await page.setViewportSize({ width: 1280, height: 800 });

  // Answering from the notice: "Not known" is an answer, consent "Not yet sought" needs no date.
  await notice.getByRole('button', { name: 'Complete the young person’s details' }).click();
  const form = page.getByRole('form', { name: 'Change young person’s details' });
  await expect(form.getByLabel('Legal status')).toHaveValue('');
  await expect(form.getByLabel('NHS number (optional)')).toHaveValue('943 476 5919');
  await form.getByLabel('Legal status').selectOption({ label: 'Not known' });
  await form.getByLabel('Consent and information sharing').selectOption({ label: 'Given' });
  await form.getByRole('button', { name: 'Save young person’s details' }).click();
  await expect(form.getByLabel('Date of the consent decision')).toHaveAccessibleDescription(
    /Enter the date consent was given\./,
  );
  await expectNoSeriousViolations(page, 'young person form with identity');
  await page.screenshot({ path: 'tests/e2e/artifacts/young-person-form-1280.png', fullPage: true });
  await form.getByLabel('Consent and information sharing').selectOption({ label: 'Not yet sought' });
  await form.getByRole('button', { name: 'Save young person’s details' }).click();
  await expect(form).toHaveCount(0);
  await expect(notice).toHaveCount(0);
  await expect(summaryRow(page, 'Legal status')).toContainText('Not known');
  await expect(casePage).toContainText(`Not yet sought (recorded by Sam Patel`);
  await page.screenshot({ path: 'tests/e2e/artifacts/overview-identity-1280.png', fullPage: true });

  // A second referral with the same NHS number, under another name, is flagged as a possible duplicate.
  // (With a case open the page is the case's: New referral is on the caseload.)
  await page.getByRole('button', { name: '‹ Back to the caseload' }).click();
  await page.getByRole('button', { name: 'New referral' }).click();
  await page.getByLabel('NHS number (optional)').fill('943 476 5919');
  await expect(page.getByTestId('duplicate-region')).toContainText('Matched on the same NHS number.');
  await expectNoSeriousViolations(page, 'new referral with an NHS number duplicate');
});
