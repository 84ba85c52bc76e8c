import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { api, expectNoSeriousViolations, makeCase } from './helpers/cases';
import { goToArea, measureOverflow } from './helpers/reflow';
import { arriveInCases, createVaultAndSignIn, signIn } from './helpers/sign-in';

/*
 * Psychometrics, from the keyboard: an administrator gives the SDQ (carer) total its bands in the
 * catalogue (a gap refused with the reason first); a clinician records an SDQ for a case, is
 * refused an out-of-range score with the range, sees the band as they type and in the list, and
 * finds it in the chronology; then corrects the total (the band follows) and removes it as entered
 * in error, with a reason, after a confirmation. Axe scans and screenshots at 1280x800 and 320
 * CSS px wide.
 */

const ARTIFACTS = 'tests/e2e/artifacts';
const CLINICIAN = { username: 'cclarke', password: 'clinician long password' };

/** Focus a control and press a key on it, as a keyboard user does. */
async function press(page: Page, target: ReturnType<Page['getByRole']>, key = 'Enter') {
  await target.focus();
  await page.keyboard.press(key);
}

/** Select all of a field's text and type over it. */
async function typeInto(page: Page, target: ReturnType<Page['getByLabel']>, text: string) {
  await target.focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(text);
}

test('an administrator bands the SDQ (carer) total; a clinician records an SDQ and sees its band', async ({ app }) => {
  test.setTimeout(180_000);
  const { page } = app;
  await page.setViewportSize({ width: 1280, height: 800 });
  await createVaultAndSignIn(page);
  await api(page, 'user:create', {
    username: CLINICIAN.username,
    displayName: 'Chris Clarke',
    password: CLINICIAN.password,
    role: 'clinician',
  });
  const made = await makeCase(page, 'Jordan', 'Ellis', '2012-03-14');
  await api(page, 'person:add', {
    caseId: made.id,
    person: { kind: 'parent_carer', name: 'Alex Ellis', relationship: 'Foster carer' },
  });

  // The administrator opens the SDQ (carer) entry from the catalogue.
  await goToArea(page, 'Administration');
  const catalogue = page.getByRole('table', { name: 'Psychometric instruments' });
  const sdqCarerRow = catalogue
    .getByRole('row')
    .filter({ has: page.getByRole('button', { name: 'Edit SDQ (carer)' }) });
  await expect(sdqCarerRow).toContainText('None yet');
  await press(page, catalogue.getByRole('button', { name: 'Edit SDQ (carer)' }));
  await expect(page.getByRole('heading', { level: 3, name: 'Edit SDQ (carer)' })).toBeFocused();

  const total = page.getByRole('group', { name: 'Total difficulties', exact: true });
  const bands: [string, string, string][] = [
    ['0', '13', 'close to average'],
    ['15', '16', 'slightly raised'], // a gap after 13: refused with the reason
    ['17', '19', 'high'],
    ['20', '40', 'very high'],
  ];
  for (const [i, [from, to, label]] of bands.entries()) {
    await press(page, total.getByRole('button', { name: 'Add a band to Total difficulties' }));
    const band = total.getByRole('group', { name: `Total difficulties: band ${i + 1}` });
    await typeInto(page, band.getByLabel('From'), from);
    await typeInto(page, band.getByLabel('To'), to);
    await typeInto(page, band.getByLabel('Label'), label);
  }
  await press(page, page.getByRole('button', { name: 'Save instrument' }));
  await expect(total).toContainText('there is a gap between “close to average” and “slightly raised”');
  await expect(total).toContainText('should start at 14');
  await expectNoSeriousViolations(page, 'catalogue editor (refused)');
  await page.screenshot({ path: `${ARTIFACTS}/psychometrics-catalogue-refused-1280x800.png`, fullPage: true });

  await typeInto(page, total.getByRole('group', { name: 'Total difficulties: band 2' }).getByLabel('From'), '14');
  await press(page, page.getByRole('button', { name: 'Save instrument' }));
  await expect(page.getByRole('status').filter({ hasText: 'Saved SDQ.' })).toBeFocused();
  await expect(sdqCarerRow).toContainText('1 of 7 scales');
  await expectNoSeriousViolations(page, 'catalogue');
  await page.setViewportSize({ width: 320, height: 800 });
  await press(page, catalogue.getByRole('button', { name: 'Edit SDQ (carer)' }));
  await page.screenshot({ path: `${ARTIFACTS}/psychometrics-catalogue-320.png`, fullPage: true });
  // The full page is tall: a closer look at the catalogue and the first scale's bands.
  const top = await page
    .getByRole('heading', { name: 'Psychometric instruments' })
    .evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
  await page.screenshot({
    path: `${ARTIFACTS}/psychometrics-catalogue-320-detail.png`,
    fullPage: true,
    clip: { x: 0, y: top - 10, width: 320, height: 1500 },
  });
  expect(await measureOverflow(page, 'catalogue editor at 320 px')).toBeNull();
  await press(page, page.getByRole('button', { name: 'Cancel' }));
  await page.setViewportSize({ width: 1280, height: 800 });

  // The clinician records an SDQ from the carer on the case.
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await signIn(page, CLINICIAN);
  await arriveInCases(page);
  await page.getByRole('link', { name: made.reference }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Jordan Ellis' })).toBeVisible();
  await press(page, page.getByRole('tab', { name: 'Psychometrics' }));
  await expect(page.getByRole('heading', { level: 3, name: 'Psychometrics' })).toBeVisible();
  await expect(page.getByText('No questionnaires recorded yet.')).toBeVisible();

  await page.getByLabel('Questionnaire', { exact: true }).selectOption({ label: 'SDQ (carer)' });
  await typeInto(page, page.getByLabel('Date administered'), '03/02/2026');
  await page.getByLabel('Parent or carer who answered').selectOption({ label: 'Alex Ellis' });
  const totalScore = page.getByLabel('Total difficulties (0–40)');
  await typeInto(page, totalScore, '41');
  await expect(totalScore).toHaveAccessibleDescription(/41 is outside the scale’s range of 0 to 40/);
  await press(page, page.getByRole('button', { name: 'Record questionnaire' }));
  await expect(totalScore).toBeFocused();
  await expect(totalScore).toHaveAttribute('aria-invalid', 'true');

  await typeInto(page, totalScore, '15');
  await expect(totalScore).toHaveAccessibleDescription(/Band: slightly raised \(band 2 of 4\)/);
  await typeInto(page, page.getByLabel('Emotional symptoms (0–10)'), '6');
  await press(page, page.getByRole('button', { name: 'Record questionnaire' }));
  await expect(
    page.getByRole('status').filter({ hasText: 'Recorded SDQ (carer): total difficulties 15, slightly raised.' }),
  ).toBeFocused();

  const card = page.getByRole('article', { name: '03/02/2026: SDQ (carer)' });
  await expect(card).toContainText('Answered by Alex Ellis (carer). Administered by Chris Clarke.');
  const scores = card.getByRole('table');
  await expect(scores.getByRole('row', { name: /Total difficulties/ })).toContainText('slightly raised (band 2 of 4)');
  await expect(scores.getByRole('row', { name: /Emotional symptoms/ })).toContainText('No bands set');
  await expectNoSeriousViolations(page, 'Psychometrics tab');
  await page.screenshot({ path: `${ARTIFACTS}/psychometrics-tab-1280x800.png`, fullPage: true });

  await page.setViewportSize({ width: 320, height: 800 });
  await expect(card).toBeVisible();
  await page.screenshot({ path: `${ARTIFACTS}/psychometrics-tab-320.png`, fullPage: true });
  await card.screenshot({ path: `${ARTIFACTS}/psychometrics-card-320.png` });
  expect(await measureOverflow(page, 'Psychometrics tab at 320 px')).toBeNull();
  await page.setViewportSize({ width: 1280, height: 800 });

  await press(page, page.getByRole('tab', { name: 'Chronology' }));
  await expect(page.getByText('SDQ (carer) administered: total difficulties 15, slightly raised')).toBeVisible();

  // The clinician corrects the total (mis-keyed): the band follows, from the copy it was scored with.
  await press(page, page.getByRole('tab', { name: 'Psychometrics' }));
  await press(page, card.getByRole('button', { name: 'Correct SDQ (carer) of 03/02/2026' }));
  const correction = page.getByRole('form', { name: 'Correct SDQ (carer) of 03/02/2026' });
  await expect(correction.getByRole('heading', { level: 4 })).toBeFocused();
  const correctedTotal = correction.getByLabel('Total difficulties (0–40)');
  await expect(correctedTotal).toHaveValue('15');
  await typeInto(page, correctedTotal, '45');
  await press(page, correction.getByRole('button', { name: 'Save correction' }));
  await expect(correctedTotal).toBeFocused();
  await expect(correctedTotal).toHaveAccessibleDescription(/45 is outside the scale’s range of 0 to 40/);
  await typeInto(page, correctedTotal, '18');
  await expect(correctedTotal).toHaveAccessibleDescription(/Band: high \(band 3 of 4\)/);
  await expectNoSeriousViolations(page, 'correcting a questionnaire');
  await correction.screenshot({ path: `${ARTIFACTS}/psychometrics-correct-1280x800.png` });
  await page.setViewportSize({ width: 320, height: 800 });
  await correction.screenshot({ path: `${ARTIFACTS}/psychometrics-correct-320.png` });
  expect(await measureOverflow(page, 'correction form at 320 px')).toBeNull();
  await page.setViewportSize({ width: 1280, height: 800 });
  await press(page, correction.getByRole('button', { name: 'Save correction' }));
  await expect(
    page.getByRole('status').filter({ hasText: 'Saved the correction to SDQ (carer): total difficulties 18, high.' }),
  ).toBeFocused();
  await expect(card.getByRole('row', { name: /Total difficulties/ })).toContainText('18');
  await expect(card.getByRole('row', { name: /Total difficulties/ })).toContainText('high (band 3 of 4)');
  await expect(card.getByRole('row', { name: /Emotional symptoms/ })).toContainText('6');
  await press(page, page.getByRole('tab', { name: 'Chronology' }));
  await expect(page.getByText('SDQ (carer) administered: total difficulties 18, high')).toBeVisible();

  // It was on the wrong case after all: removed, with a reason, after a confirmation.
  await press(page, page.getByRole('tab', { name: 'Psychometrics' }));
  await press(page, card.getByRole('button', { name: 'Remove SDQ (carer) of 03/02/2026' }));
  const dialog = page.getByRole('dialog', { name: 'Remove SDQ (carer) of 03/02/2026?' });
  await expect(dialog).toBeVisible();
  await press(page, dialog.getByRole('button', { name: 'Remove questionnaire' }));
  const reason = dialog.getByLabel('Why is it being removed?');
  await expect(reason).toBeFocused();
  await expect(reason).toHaveAccessibleDescription(/Say why this questionnaire is being removed/);
  await page.keyboard.type('Entered on the wrong case.');
  await expectNoSeriousViolations(page, 'remove questionnaire dialog');
  await page.screenshot({ path: `${ARTIFACTS}/psychometrics-remove-1280x800.png` });
  await press(page, dialog.getByRole('button', { name: 'Remove questionnaire' }));
  await expect(page.getByRole('status').filter({ hasText: 'Removed SDQ (carer) of 03/02/2026.' })).toBeFocused();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('No questionnaires recorded yet.')).toBeVisible();
  await press(page, page.getByRole('tab', { name: 'Chronology' }));
  await expect(page.getByText(/SDQ \(carer\) administered/)).toHaveCount(0);
});
