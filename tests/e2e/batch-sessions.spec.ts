import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { api, expectNoSeriousViolations, makeCase } from './helpers/cases';
import { goToArea, measureOverflow } from './helpers/reflow';
import { createVaultAndSignIn } from './helpers/sign-in';

/*
 * Batch sessions on an agreement's page, from the keyboard: a session is edited in place (a new
 * date and what was said), and the linked case's chronology line moves to the new date; then it
 * is removed, with a reason, after a confirmation, and the case's chronology no longer shows it.
 * Axe scans and screenshots at 1280x800 and 320 CSS px wide.
 */

const ARTIFACTS = 'tests/e2e/artifacts';
const LINE = 'Discussed in a batch consultation with Leeds Youth Justice Service';

async function press(page: Page, target: Locator, key = 'Enter') {
  await target.focus();
  await page.keyboard.press(key);
}

async function typeInto(page: Page, target: Locator, text: string) {
  await target.focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(text);
}

/** From any area to the case's chronology (the Cases area may still show the case last open). */
/**
 * Opens the agreement and waits for the app to move focus to its heading: the Consultations area
 * keeps the agreement last open, so its buttons are on screen before the fresh copy arrives, and a
 * key pressed in between would go to a control the heading then takes the focus from.
 */
async function openAgreement(page: Page, organisation: string) {
  await press(page, page.getByRole('button', { name: organisation }));
  await expect(page.locator('#agreement-heading')).toBeFocused();
}

async function openCaseChronology(page: Page, reference: string) {
  await goToArea(page, 'Cases');
  const back = page.getByRole('button', { name: 'Back to the caseload' });
  if (await back.isVisible()) await press(page, back);
  await press(page, page.getByRole('link', { name: reference }));
  await press(page, page.getByRole('tab', { name: 'Chronology' }));
}

test('a batch session is edited (the case’s chronology follows) and removed with a reason', async ({ app }) => {
  test.setTimeout(150_000);
  const { page } = app;
  await page.setViewportSize({ width: 1280, height: 800 });
  await createVaultAndSignIn(page);
  const made = await makeCase(page, 'Jordan', 'Ellis', '2012-03-14');
  const agreement = await api<{ id: string }>(page, 'batch:createAgreement', {
    agreement: { organisation: 'Leeds Youth Justice Service', frequency: 'Monthly', startDate: '2026-01-01' },
  });
  await api(page, 'batch:addSession', {
    agreementId: agreement.id,
    session: {
      sessionDate: '2026-02-10',
      attendees: 'Two case managers',
      themes: 'Online harm',
      discussedCases: [{ caseId: made.id, discussion: 'Supervision at home.' }],
    },
  });

  await openCaseChronology(page, made.reference);
  await expect(page.locator('li').filter({ hasText: LINE })).toContainText('10/02/2026');

  await goToArea(page, 'Consultations');
  await openAgreement(page, 'Leeds Youth Justice Service');
  const detail = page.getByTestId('agreement-detail');
  await expect(detail).toContainText('Session on 10/02/2026');
  await press(page, detail.getByRole('button', { name: 'Edit the session of 10/02/2026' }));
  const form = page.getByRole('form', { name: 'Edit the session of 10/02/2026' });
  const date = form.getByLabel('Date of the session');
  await expect(date).toBeFocused();
  await expect(date).toHaveValue('10/02/2026');
  await expect(form.getByLabel('Case reference')).toHaveValue(made.reference);
  await typeInto(page, date, '12/02/2026');
  await typeInto(page, form.getByLabel('Themes'), 'Online harm; school exclusion');
  await expectNoSeriousViolations(page, 'editing a batch session');
  await form.screenshot({ path: `${ARTIFACTS}/batch-session-edit-1280x800.png` });
  await page.setViewportSize({ width: 320, height: 800 });
  await form.screenshot({ path: `${ARTIFACTS}/batch-session-edit-320.png` });
  expect(await measureOverflow(page, 'batch session form at 320 px')).toBeNull();
  await page.setViewportSize({ width: 1280, height: 800 });
  await press(page, form.getByRole('button', { name: 'Save session' }));
  await expect(page.getByRole('status').filter({ hasText: 'Session of 12/02/2026 saved.' })).toBeFocused();
  await expect(detail).toContainText('Session on 12/02/2026');
  await expect(detail).toContainText('Themes: Online harm; school exclusion');
  await expect(detail).not.toContainText('Session on 10/02/2026');
  await expectNoSeriousViolations(page, 'agreement page after an edit');
  await page.mouse.move(0, 0);
  await detail.screenshot({ path: `${ARTIFACTS}/batch-agreement-1280x800.png` });

  await openCaseChronology(page, made.reference);
  const line = page.locator('li').filter({ hasText: LINE });
  await expect(line).toHaveCount(1);
  await expect(line).toContainText('12/02/2026');

  // It did not take place after all: removed, with a reason.
  await goToArea(page, 'Consultations');
  await openAgreement(page, 'Leeds Youth Justice Service');
  await press(page, detail.getByRole('button', { name: 'Remove the session of 12/02/2026' }));
  const dialog = page.getByRole('dialog', { name: 'Remove the session of 12/02/2026?' });
  await expect(dialog).toBeVisible();
  await press(page, dialog.getByRole('button', { name: 'Remove session' }));
  const reason = dialog.getByLabel('Why is it being removed?');
  await expect(reason).toBeFocused();
  await expect(reason).toHaveAccessibleDescription(/Say why this session is being removed/);
  await page.keyboard.type('Entered against the wrong agreement.');
  await expectNoSeriousViolations(page, 'remove session dialog');
  await page.screenshot({ path: `${ARTIFACTS}/batch-session-remove-1280x800.png` });
  await press(page, dialog.getByRole('button', { name: 'Remove session' }));
  await expect(page.getByRole('status').filter({ hasText: 'Session of 12/02/2026 removed.' })).toBeFocused();
  await expect(dialog).toBeHidden();
  await expect(detail).toContainText('No sessions yet.');
  await expect(page.getByTestId('agreements-table').getByRole('row', { name: /Leeds Youth Justice/ })).toContainText(
    'None planned',
  );

  await openCaseChronology(page, made.reference);
  await expect(page.getByRole('heading', { level: 3, name: 'Chronology' })).toBeVisible();
  await expect(page.locator('li').filter({ hasText: LINE })).toHaveCount(0);
});
