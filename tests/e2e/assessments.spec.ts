import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { api, expectNoSeriousViolations, makeCase, type MadeCase } from './helpers/cases';
import { goToArea } from './helpers/reflow';
import { createVaultAndSignIn } from './helpers/sign-in';

/*
 * An assessment taken from paperwork complete to report sent, from the keyboard only (focus and
 * keys, no clicks): started on the case's Assessment tab, the behaviour, risks, formulation and
 * the four groups of recommendations recorded, every stage marked done in order, and the clock
 * stopped ("completed in N days, on time"). Then the Assessments area lists the open ones.
 * Axe scans each screen; screenshots at 1280x800 and 320 px wide.
 */

const ARTIFACTS = 'tests/e2e/artifacts';

/**
 * A date in England some calendar days from today, as the core counts them: ISO and dd/mm/yyyy.
 * Today is England's; the days are counted on the calendar, not as 24-hour steps from now, which
 * near midnight crossed a clock change (at 23:30 GMT, 50 days back in summer time is already the
 * next day in London) and made 45 days 44.
 */
function england(daysFromToday: number): { iso: string; uk: string } {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  const iso = new Date(Date.UTC(ty, tm - 1, td + daysFromToday)).toISOString().slice(0, 10);
  const [y, m, d] = iso.split('-');
  return { iso, uk: `${d}/${m}/${y}` };
}

/** Activate a control from the keyboard: focus it, then press Enter. */
async function press(control: Locator): Promise<void> {
  await control.focus();
  await control.press('Enter');
}

/** A case with a carer, accepted, its required paperwork complete on `paperworkIso`. */
async function assessmentCase(
  page: Page,
  given: string,
  family: string,
  paperworkIso: string | null,
): Promise<MadeCase> {
  const users = await api<{ id: string }[]>(page, 'user:list', {});
  const made = await makeCase(page, given, family, '2011-04-02', { leadWorkerId: users[0]?.id ?? null });
  await api(page, 'person:add', {
    caseId: made.id,
    person: { kind: 'parent_carer', name: `Robin ${family}`, relationship: 'Mother', parentalResponsibility: true },
  });
  const detail = await api<{ version: number }>(page, 'case:get', { caseId: made.id });
  await api(page, 'case:setStatus', {
    caseId: made.id,
    expectedVersion: detail.version,
    status: 'accepted',
    reason: null,
    closingSummary: null,
  });
  if (paperworkIso) {
    const types = await api<{ id: string; required: boolean }[]>(page, 'paperwork:listTypes', {});
    for (const t of types.filter((x) => x.required)) {
      await api(page, 'paperwork:setReceived', {
        caseId: made.id,
        typeId: t.id,
        receivedDate: paperworkIso,
        acknowledgeBeforeReferral: true,
      });
    }
  }
  return made;
}

async function markDone(page: Page, stage: string, date: string): Promise<void> {
  await press(page.getByRole('button', { name: `Mark done: ${stage}`, exact: true }));
  const form = page.getByRole('form', { name: `Mark done: ${stage}` });
  const field = form.getByLabel('Done on');
  await expect(field).toBeFocused();
  await field.fill(date);
  await field.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: `${stage}: marked done on ${date}.` })).toBeVisible();
}

test('an assessment from paperwork complete to report sent, keyboard only, and the Assessments area', async ({
  app,
}) => {
  test.setTimeout(240_000);
  const { page } = app;
  await page.setViewportSize({ width: 1280, height: 800 });
  await createVaultAndSignIn(page);
  const paperwork = england(-50);
  const made = await assessmentCase(page, 'Jamie', 'Hughes', paperwork.iso);
  // Two more for the Assessments area: one running, one waiting for its paperwork.
  const running = await assessmentCase(page, 'Ava', 'Khan', england(-80).iso);
  await api(page, 'assessment:open', { caseId: running.id });
  const waiting = await assessmentCase(page, 'Noah', 'Price', null);
  await api(page, 'assessment:open', { caseId: waiting.id });

  // Open the case on its Assessment tab.
  // Leave and come back, so the caseload asks the core again and lists the new cases.
  // Each step waits for its heading, so the second click cannot land before the first.
  await press(page.getByRole('link', { name: 'My tasks' }));
  await expect(page.getByRole('heading', { level: 2, name: 'My tasks' })).toBeVisible();
  await press(page.getByRole('link', { name: 'Caseload' }));
  await press(page.getByRole('link', { name: made.reference }));
  await expect(page.getByRole('heading', { level: 2, name: 'Jamie Hughes' })).toBeVisible();
  await press(page.getByRole('tab', { name: /^Assessment/ }));
  await press(page.getByRole('button', { name: 'Start the assessment' }));
  await expect(page.getByRole('heading', { level: 4, name: 'Stages' })).toBeVisible();
  const overview = page.getByLabel('Assessment overview');
  await expect(overview).toContainText(`Paperwork complete${paperwork.uk}`);
  await expect(page.getByText('Add at least one treatment recommendation.')).toBeVisible();
  await expectNoSeriousViolations(page, 'assessment overview');
  await page.getByRole('heading', { level: 3, name: 'Assessment' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${ARTIFACTS}/assessment-overview.png`, fullPage: false });

  // The order rule: psychometrics cannot be done before the professionals meeting (no button for it).
  await expect(page.getByRole('button', { name: 'Mark done: Psychometric assessments', exact: true })).toHaveCount(0);

  // The behaviour, with a Brook rating whose colours follow the version chosen.
  await page.getByLabel('Date', { exact: true }).fill(england(-120).uk);
  await page.getByLabel('Setting').fill('Home');
  await page.getByLabel('What happened').fill('Sexualised touching of a younger cousin during a family visit.');
  await page.getByLabel('Who was harmed (optional)').fill('A cousin, aged 7');
  await page.getByLabel('Hackett continuum').focus();
  await page.keyboard.press('a'); // Abusive
  await page.getByLabel('Brook traffic light (optional)').focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown'); // the 2020 revision
  await expect(page.getByLabel('Colour')).toContainText('Orange');
  await page.getByLabel('Colour').focus();
  await page.keyboard.press('r');
  await press(page.getByRole('button', { name: 'Record behaviour' }));
  await expect(page.getByText('Behaviour recorded.')).toBeVisible();
  // Born 02/04/2011, so 15 on the behaviour's date: the 14-18 band is offered first.
  await expect(page.getByText(/Brook 2020, 14-18: Red/)).toBeVisible();

  // Change it: the form opens filled in, in its place, with focus on its first field.
  const when = england(-120).uk;
  await press(page.getByRole('button', { name: `Change the behaviour of ${when}` }));
  const edit = page.getByRole('form', { name: `Change the behaviour of ${when}` });
  await expect(edit.getByLabel('Date', { exact: true })).toBeFocused();
  await expect(edit.getByLabel('What happened')).toHaveValue(/Sexualised touching/);
  await expect(page.getByRole('button', { name: 'Record behaviour' })).toHaveCount(0);
  await edit.getByLabel('Setting').fill('Home (grandparents’ house)');
  await edit.getByRole('heading', { level: 5 }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${ARTIFACTS}/assessment-behaviour-edit.png`, fullPage: false });
  await expectNoSeriousViolations(page, 'behaviour edit');
  await press(edit.getByRole('button', { name: 'Save changes' }));
  await expect(page.getByText(`Behaviour of ${when} changed.`)).toBeVisible();
  await expect(page.getByText(/Home \(grandparents’ house\): Abusive/)).toBeVisible();

  // One recorded in error, then removed after the question.
  const wrong = england(-100).uk;
  await page.getByLabel('Date', { exact: true }).fill(wrong);
  await page.getByLabel('Setting').fill('School');
  await page.getByLabel('What happened').fill('Recorded against the wrong case.');
  await press(page.getByRole('button', { name: 'Record behaviour' }));
  await expect(page.getByText('Behaviour recorded.')).toBeVisible();
  await press(page.getByRole('button', { name: `Remove the behaviour of ${wrong}` }));
  const dialog = page.getByRole('dialog', { name: 'Remove this behaviour?' });
  await expect(dialog).toContainText(`The behaviour of ${wrong} (School) will be removed`);
  await press(dialog.getByRole('button', { name: 'Remove behaviour' }));
  await expect(page.getByText(`Behaviour of ${wrong} removed.`)).toBeVisible();
  await expect(page.getByText('Recorded against the wrong case.')).toHaveCount(0);

  // Risks and needs, then the formulation.
  for (const label of ['Risk of harm to others', 'Risk of harm to self', 'Risk of harm from others']) {
    await page.getByRole('group', { name: label }).getByLabel('Level').focus();
    await page.keyboard.press('m'); // Medium
  }
  await page.getByLabel('Protective factors').fill('Engaged mother; stable school place.');
  await press(page.getByRole('button', { name: 'Save risks and needs' }));
  await expect(page.getByText('Risks and needs saved.')).toBeVisible();
  await page
    .getByLabel('Making sense of the behaviour')
    .fill('Understood against early neglect and exposure to abuse.');
  await press(page.getByRole('button', { name: 'Save formulation' }));
  await expect(page.getByText('Formulation saved.')).toBeVisible();

  // One recommendation in each of the four groups (chosen by their first letters).
  for (const [key, group] of [
    ['c', 'Case management'],
    ['s', 'Safety planning'],
    ['p', 'Placement'],
    ['t', 'Treatment'],
  ] as const) {
    await page.getByLabel('Group').focus();
    await page.keyboard.press(key);
    await page.getByLabel('Recommendation', { exact: true }).fill(`${group}: agreed with the network.`);
    await page.getByLabel('Owner', { exact: true }).fill('Allocated social worker');
    await page.getByLabel('Timescale').fill('Within 4 weeks');
    await press(page.getByRole('button', { name: 'Add recommendation' }));
    await expect(page.getByText(`${group} recommendation added.`)).toBeVisible();
  }
  await expect(page.getByText('Everything the report needs is recorded.')).toBeVisible();

  // Every stage, in order.
  const steps: [string, number][] = [
    ['Professionals meeting', -45],
    ['Psychometric assessments', -40],
    ['Clinical interview: Young person', -35],
    ['Clinical interview: Robin Hughes', -34],
    ['Formulation', -30],
    ['Report drafted', -20],
    ['Quality assurance and sign-off', -10],
  ];
  for (const [stage, days] of steps) await markDone(page, stage, england(days).uk);
  await expectNoSeriousViolations(page, 'assessment stages');
  await page.getByRole('heading', { level: 4, name: 'Stages' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${ARTIFACTS}/assessment-stages.png`, fullPage: false });
  await page.getByRole('heading', { level: 4, name: 'The harmful sexual behaviour' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${ARTIFACTS}/assessment-behaviour.png`, fullPage: false });
  await markDone(page, 'Report sent', england(-6).uk);
  await expect(page.getByRole('heading', { level: 3, name: 'Assessment (complete)' })).toBeVisible();
  // Marked on the wrong day: undone with a reason (the clock runs again), then marked again.
  await expect(page.getByRole('button', { name: 'Undo: Quality assurance and sign-off' })).toHaveCount(0);
  await press(page.getByRole('button', { name: 'Undo: Report sent' }));
  const undo = page.getByRole('form', { name: 'Undo: Report sent' });
  await expect(undo).toContainText('Undoing it reopens the assessment');
  await expect(undo.getByLabel('Why is it being undone?')).toBeFocused();
  await page.getByRole('row', { name: /Report sent/ }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${ARTIFACTS}/assessment-stage-undo.png`, fullPage: false });
  await press(undo.getByRole('button', { name: 'Undo the stage' }));
  await expect(undo.getByText('Say why the stage is being undone.')).toBeVisible();
  await undo.getByLabel('Why is it being undone?').fill('Marked a day early: the report went out the next day.');
  await press(undo.getByRole('button', { name: 'Undo the stage' }));
  await expect(page.getByText('Report sent undone: the assessment is open again')).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: 'Assessment', exact: true })).toBeVisible();
  await markDone(page, 'Report sent', england(-5).uk);

  // The clock stopped: completed in 45 days, on time, on the case and the caseload.
  await expect(page.getByRole('heading', { level: 3, name: 'Assessment (complete)' })).toBeVisible();
  await expect(page.getByText(/Completed in 45 days, on time/).first()).toBeVisible();
  await page.getByRole('heading', { level: 3, name: 'Assessment (complete)' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${ARTIFACTS}/assessment-complete.png`, fullPage: false });
  await page.setViewportSize({ width: 320, height: 640 });
  await page.screenshot({ path: `${ARTIFACTS}/assessment-complete-320.png`, fullPage: false });
  await page.getByRole('heading', { level: 4, name: 'Stages' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${ARTIFACTS}/assessment-stages-320.png`, fullPage: false });
  await page.setViewportSize({ width: 1280, height: 800 });

  // The chronology files the assessment's events under their own filter group.
  await press(page.getByRole('tab', { name: 'Chronology' }));
  const events = page.getByTestId('chronology-event');
  await expect(events.filter({ hasText: 'Report sent done' })).toHaveCount(1);
  await expect(page.getByRole('checkbox', { name: 'Consultations' })).toBeChecked();
  const assessmentGroup = page.getByRole('checkbox', { name: 'Assessment and psychometrics' });
  await assessmentGroup.focus();
  await page.keyboard.press('Space');
  await expect(assessmentGroup).not.toBeChecked();
  await expect(page.getByTestId('chronology-count')).toContainText('match the filter');
  const kinds = await events.evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
  expect(kinds.filter((k) => k === 'assessment_stage_done' || k === 'hsb_behaviour_recorded')).toEqual([]);
  await page.getByRole('group', { name: 'Kinds of event' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${ARTIFACTS}/chronology-assessment-groups.png`, fullPage: false });

  // The Assessments area: the open ones, soonest due first; filtered by status.
  await goToArea(page, 'Assessments');
  await expect(page.getByText('2 open assessments')).toBeVisible();
  const rows = page.getByRole('region', { name: 'Open assessments' }).getByRole('row');
  await expect(rows.nth(1)).toContainText(running.reference);
  await expect(rows.nth(1)).toContainText('4 days left');
  await expect(rows.nth(2)).toContainText(waiting.reference);
  await expect(rows.nth(2)).toContainText('Waiting for paperwork');
  await expectNoSeriousViolations(page, 'Assessments area');
  await page.screenshot({ path: `${ARTIFACTS}/assessments-area.png`, fullPage: false });
  await page.setViewportSize({ width: 320, height: 640 });
  await page.screenshot({ path: `${ARTIFACTS}/assessments-area-320.png`, fullPage: false });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByLabel('12-week status').focus();
  await page.keyboard.press('w'); // Waiting for paperwork
  await expect(page.getByText('1 open assessment', { exact: true })).toBeVisible();
  await press(page.getByRole('link', { name: waiting.reference }));
  await expect(page.getByRole('heading', { level: 2, name: 'Noah Price' })).toBeVisible();
  await expect(page.getByRole('tab', { name: /^Assessment/ })).toHaveAttribute('aria-selected', 'true');
});
