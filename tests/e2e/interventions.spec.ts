import type { Locator, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { docxParts, xmlText } from '../main/core/reports/read-back';
import { test, expect } from './fixtures';
import { api, expectNoSeriousViolations, isoDaysFromToday, makeCase } from './helpers/cases';
import { goToArea, measureOverflow } from './helpers/reflow';
import { createVaultAndSignIn } from './helpers/sign-in';

/*
 * The Interventions tab, from the keyboard: a plan started with three goals (baselines 2, 4 and
 * 3) and a social worker's care alongside; four sessions - one held with ratings, one not
 * attended (started from the last session, which fills its structure), one with a safeguarding
 * concern whose flag then shows on the case, and one signed and corrected by an addendum; the
 * outcome chart shows goal 1's reliable change; the plan's progress report carries it. Axe
 * scans of the tab and the session form; screenshots at 1280x800 and 320 CSS px wide.
 */

const ARTIFACTS = 'tests/e2e/artifacts';

async function press(page: Page, target: Locator, key = 'Enter') {
  await target.focus();
  await page.keyboard.press(key);
}

async function typeInto(page: Page, target: Locator, text: string) {
  await target.focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(text);
}

/** A day some days from today, as the forms take it (dd/mm/yyyy). */
function ukDaysFromToday(days: number): string {
  const [y, m, d] = isoDaysFromToday(days).split('-');
  return `${d}/${m}/${y}`;
}

/** Open the case from the caseload and show its Interventions tab. */
async function openInterventions(page: Page, reference: string) {
  await goToArea(page, 'Sharing');
  await goToArea(page, 'Cases');
  await page.getByRole('link', { name: reference }).first().click();
  await press(page, page.getByRole('tab', { name: 'Interventions' }));
  await expect(page.getByRole('heading', { level: 3, name: 'Interventions' })).toBeVisible();
}

/** Fill the open session form: date, time, attendance (and reason), ratings by goal, the note. */
async function fillSession(
  page: Page,
  s: { date: string; attendance: string; reason?: string; ratings?: string[]; content?: string; next?: string },
) {
  const form = page.getByTestId('session-form');
  await typeInto(page, form.getByLabel('Date', { exact: true }), s.date);
  await typeInto(page, form.getByLabel('Start time'), '16:00');
  await press(page, form.getByLabel(s.attendance, { exact: true }), 'Space');
  if (s.reason) await typeInto(page, form.getByLabel(/^Why was it/), s.reason);
  for (const [i, r] of (s.ratings ?? []).entries()) await typeInto(page, form.getByLabel(`Goal ${i + 1} rating`), r);
  if (s.content !== undefined) await typeInto(page, form.getByLabel('Content of the session'), s.content);
  if (s.next !== undefined) await typeInto(page, form.getByLabel('Next steps'), s.next);
}

test('a plan with three goals, four sessions (a DNA, a concern, a signed note with an addendum), the outcome chart', async ({
  app,
}) => {
  // Two workers share the cores: under load this test ran past its old budget (BENCHMARKS.md,
  // Test suite time). The budget only catches a hang; the assertions are the same.
  test.setTimeout(360_000);
  const { page } = app;
  await page.setViewportSize({ width: 1280, height: 800 });
  await createVaultAndSignIn(page);
  const made = await makeCase(page, 'Jordan', 'Ellis', '2011-06-01');
  for (const [name, role, agency] of [
    ['Priya Shah', 'social_worker', 'Leeds Children’s Services'],
    ['Owen Price', 'school', 'Park View Academy'],
  ] as const) {
    await api(page, 'person:add', { caseId: made.id, person: { kind: 'professional', name, role, agency } });
  }
  await openInterventions(page, made.reference);
  await expect(page.getByText('No intervention has been started for this case.')).toBeVisible();
  await expectNoSeriousViolations(page, 'Interventions tab (not started)');

  // The plan: individual, started 40 days ago, the signed-in clinician, the social worker's care, three goals.
  await press(page, page.getByRole('button', { name: 'Start an intervention plan' }));
  await expect(page.getByRole('heading', { level: 4, name: 'Start an intervention plan' })).toBeFocused();
  const planForm = page.getByTestId('plan-form');
  // Saved blank, every problem is said by its field and the focus goes to the first.
  await press(page, planForm.getByRole('button', { name: 'Start the plan' }));
  await expect(planForm.getByLabel('Individual', { exact: true })).toBeFocused();
  await expect(planForm).toContainText('Choose the type of intervention: individual, family or both.');
  await expect(planForm.getByLabel('The goal, in the young person’s words').first()).toHaveAccessibleDescription(
    /Write the goal in the young person’s words\./,
  );
  await press(page, planForm.getByLabel('Individual', { exact: true }), 'Space');
  await typeInto(page, planForm.getByLabel('Start date'), ukDaysFromToday(-40));
  await expect(planForm.getByLabel('Sam Patel')).toBeChecked();
  await press(page, planForm.getByLabel('Priya Shah, Leeds Children’s Services'), 'Space');
  await typeInto(page, planForm.getByLabel('Care from Priya Shah'), 'Child in need plan; fortnightly visits.');
  const goals = [
    ['Understand what led to the behaviour.', '2'],
    ['Find safe ways to deal with boredom.', '4'],
    ['Talk to mum when I feel angry.', '3'],
  ];
  for (const [i, [words, baseline]] of goals.entries()) {
    const goal = planForm.getByRole('group', { name: `Goal ${i + 1}`, exact: true });
    await typeInto(page, goal.getByLabel('The goal, in the young person’s words'), words ?? '');
    await typeInto(page, goal.getByLabel('Baseline rating (optional)'), baseline ?? '');
  }
  await expectNoSeriousViolations(page, 'plan form');
  await press(page, planForm.getByRole('button', { name: 'Start the plan' }));
  await expect(page.getByRole('status').filter({ hasText: 'The intervention plan was started.' })).toBeFocused();
  const plan = page.getByTestId('active-plan');
  await expect(plan.getByRole('heading', { level: 4 })).toContainText('Intervention plan: individual, started');
  await expect(plan).toContainText('Priya Shah, Leeds Children’s Services: Child in need plan; fortnightly visits.');
  await expect(plan).toContainText('Goal 3: Talk to mum when I feel angry.');

  // Session 1: held, each goal rated.
  await press(page, page.getByRole('button', { name: 'Record a session' }));
  await expect(page.getByRole('heading', { name: 'Record a session' })).toBeFocused();
  await fillSession(page, {
    date: ukDaysFromToday(-35),
    attendance: 'Attended',
    ratings: ['4', '5', '3'],
    content: 'Worked on the timeline of the week before the behaviour.',
    next: 'Bring the feelings diary next time.',
  });
  await expectNoSeriousViolations(page, 'session form');
  await page.getByTestId('session-form').screenshot({ path: `${ARTIFACTS}/interventions-session-form-1280x800.png` });
  await press(page, page.getByRole('button', { name: 'Record the session' }));
  await expect(page.getByRole('status').filter({ hasText: 'was recorded. Sign it' })).toBeFocused();

  // Session 2: started from the last session (its structure and next steps), then not attended.
  await press(page, page.getByRole('button', { name: 'Start from the last session' }));
  const form = page.getByTestId('session-form');
  await expect(form).toContainText('Filled from the last session');
  await expect(form.getByLabel('Content of the session')).toHaveValue(
    'Planned from the last session: Bring the feelings diary next time.',
  );
  await expect(form.getByLabel('Start time')).toHaveValue('16:00');
  await fillSession(page, { date: ukDaysFromToday(-28), attendance: 'Did not attend' });
  // No ratings for a session not attended; the reason is asked for, in the contract's words.
  await expect(form.getByLabel('Goal 1 rating')).toHaveCount(0);
  await press(page, page.getByRole('button', { name: 'Record the session' }));
  await expect(form.getByLabel('Why was it not attended?')).toBeFocused();
  await expect(form.getByLabel('Why was it not attended?')).toHaveAccessibleDescription(
    /Say why the session was not attended, if known/,
  );
  await page.keyboard.type('Not known: no answer at the door.');
  await press(page, page.getByRole('button', { name: 'Record the session' }));
  await expect(page.getByRole('status').filter({ hasText: 'was recorded.' })).toBeFocused();

  // Session 3: held, with a safeguarding concern raised from it.
  await press(page, page.getByRole('button', { name: 'Record a session' }));
  await fillSession(page, {
    date: ukDaysFromToday(-21),
    attendance: 'Attended',
    ratings: ['6', '6', '4'],
    content: 'Talked about the new friend from the park.',
  });
  await press(page, page.getByRole('button', { name: 'Record the session' }));
  await expect(page.getByRole('status').filter({ hasText: 'was recorded.' })).toBeFocused();
  const third = page.getByRole('article', { name: `Session on ${ukDaysFromToday(-21)} at 16:00 Not signed` });
  await press(page, third.getByRole('button', { name: /^Raise a safeguarding concern/ }));
  const concern = page.getByTestId('concern-form');
  await expect(concern.getByRole('heading')).toBeFocused();
  await typeInto(page, concern.getByLabel('The concern'), 'Jordan said an adult he met online asked to meet him.');
  await typeInto(page, concern.getByLabel('Action taken'), 'Called the duty social worker; agreed a safety plan.');
  await press(page, concern.getByLabel('Priya Shah, Leeds Children’s Services'), 'Space');
  await expectNoSeriousViolations(page, 'safeguarding concern form');
  await press(page, concern.getByRole('button', { name: 'Save the concern, raise the flag and the task' }));
  await expect(
    page.getByRole('status').filter({ hasText: 'A flag was raised on the case and the task' }),
  ).toBeFocused();
  // The flag shows on the case at once, above every tab.
  const banner = page.getByTestId('flag-banner');
  await expect(banner).toContainText('1 open flag');
  await expect(banner).toContainText(
    `Safeguarding concern raised in the session of ${ukDaysFromToday(-21)}: Jordan said an adult he met online`,
  );
  await expect(third).toContainText('Informed');
  await expect(third).toContainText('Priya Shah, Leeds Children’s Services on');

  // Session 4: held, rated, then signed and corrected by an addendum.
  await press(page, page.getByRole('button', { name: 'Record a session' }));
  await fillSession(page, {
    date: ukDaysFromToday(-14),
    attendance: 'Attended',
    ratings: ['7', '7', '5'],
    content: 'Practised the calm-down plan with mum.',
  });
  await press(page, page.getByRole('button', { name: 'Record the session' }));
  await expect(page.getByRole('status').filter({ hasText: 'was recorded.' })).toBeFocused();
  const fourth = page.getByRole('article', { name: new RegExp(`^Session on ${ukDaysFromToday(-14)}`) });
  await press(page, fourth.getByRole('button', { name: /^Sign the note/ }));
  await press(page, fourth.getByRole('button', { name: 'Yes, sign the note' }));
  await expect(page.getByRole('status').filter({ hasText: 'was signed. It can no longer be edited' })).toBeFocused();
  await expect(fourth.getByRole('heading')).toContainText('Signed');
  await expect(fourth).toContainText('Signed by Sam Patel on');
  await expect(fourth.getByRole('button', { name: /^Edit/ })).toHaveCount(0);
  await press(page, fourth.getByRole('button', { name: /^Add an addendum/ }));
  await expect(fourth.getByRole('textbox', { name: 'Addendum' })).toBeFocused();
  await page.keyboard.type('Mum joined for the last 20 minutes.');
  await press(page, fourth.getByRole('button', { name: 'Add the addendum' }));
  await expect(page.getByRole('status').filter({ hasText: 'An addendum was added' })).toBeFocused();
  await expect(fourth).toContainText('Mum joined for the last 20 minutes.');

  // The log: newest first, attendance in words with the reason.
  const log = page.getByRole('list', { name: 'Session log' });
  await expect(log.getByRole('article')).toHaveCount(4);
  await expect(log.getByRole('article').nth(0)).toContainText('Practised the calm-down plan');
  await expect(log.getByRole('article').nth(2)).toContainText('Did not attend: Not known: no answer at the door.');
  await expect(page.getByText('4 sessions, newest first.')).toBeVisible();
  await expect(plan).toContainText('DNA rate25%');

  // The outcome chart per goal: goal 1 from 2 to 7, a reliable improvement.
  const outcomes = page.getByTestId('outcomes-panel');
  await expect(outcomes.getByTestId('goal-chart')).toHaveCount(3);
  await expect(outcomes.getByTestId('goal-outcome').first()).toContainText('Reliable improvement (+5)');
  await expect(plan).toContainText('First rating 2, latest 7 (out of 10). Reliable improvement (+5).');
  await expectNoSeriousViolations(page, 'Interventions tab with four sessions');
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `${ARTIFACTS}/interventions-tab-1280x800.png`, fullPage: true });
  await page
    .getByRole('region', { name: 'Session log' })
    .screenshot({ path: `${ARTIFACTS}/interventions-session-log-1280x800.png` });
  await outcomes.screenshot({ path: `${ARTIFACTS}/interventions-outcomes-1280x800.png` });

  // The plan's progress report (Word), of this plan by its id: goals and change, attendance.
  const word = page.getByRole('link', { name: /^Download progress report of the plan started .* \(Word\)$/ });
  const planId = (await api<{ id: string }[]>(page, 'intervention:listForCase', { caseId: made.id }))[0]?.id ?? '';
  await expect(word).toHaveAttribute('href', new RegExp(`record=${planId}`));
  const download = page.waitForEvent('download');
  await press(page, word);
  const report = xmlText(docxParts(readFileSync(await (await download).path()))['word/document.xml'] ?? '');
  for (const expected of [
    'Progress report',
    'Understand what led to the behaviour.',
    'Reliable improvement (+5)',
    '25%',
  ])
    expect(report).toContain(expected);
  expect(report).not.toContain('Jordan said an adult he met online');

  // At 320 CSS px the log and the form reflow and nothing scrolls sideways.
  await page.setViewportSize({ width: 320, height: 800 });
  await page
    .getByRole('region', { name: 'Session log' })
    .screenshot({ path: `${ARTIFACTS}/interventions-session-log-320.png` });
  expect(await measureOverflow(page, 'Interventions tab at 320 px')).toBeNull();
  await press(page, page.getByRole('button', { name: 'Record a session' }));
  await page.getByTestId('session-form').screenshot({ path: `${ARTIFACTS}/interventions-session-form-320.png` });
  expect(await measureOverflow(page, 'session form at 320 px')).toBeNull();
  await expectNoSeriousViolations(page, 'session form at 320 px');
});

test('the log pages ten at a time; a note edited, a review, a plan changed elsewhere (CONFLICT), then closed and read-only', async ({
  app,
}) => {
  test.setTimeout(120_000);
  const { page } = app;
  await page.setViewportSize({ width: 1280, height: 800 });
  await createVaultAndSignIn(page);
  const made = await makeCase(page, 'Riley', 'Shaw', '2012-05-01');
  const users = await api<{ id: string }[]>(page, 'user:list', {});
  const plan = await api<{ id: string; version: number; goals: { id: string }[] }>(page, 'intervention:create', {
    caseId: made.id,
    plan: {
      planType: 'family',
      startDate: isoDaysFromToday(-60),
      clinicianIds: [users[0]?.id],
      goals: [{ area: 'making_sense', description: 'Know my warning signs.', baselineRating: 3 }],
    },
  });
  for (let i = 12; i >= 1; i--) {
    await api(page, 'interventionSession:create', {
      planId: plan.id,
      session: {
        sessionDate: isoDaysFromToday(-i * 4),
        startTime: '10:00',
        durationMinutes: 50,
        sessionType: 'family',
        venue: 'home',
        attendance: 'attended',
        content: `Session number ${13 - i}.`,
      },
    });
  }
  await openInterventions(page, made.reference);
  const log = page.getByRole('list', { name: 'Session log' });
  await expect(log.getByRole('article')).toHaveCount(10);
  await expect(page.getByText('The latest 10 of 12 sessions, newest first.')).toBeVisible();
  await expect(log.getByRole('article').first()).toContainText('Session number 12.');
  await press(page, page.getByRole('button', { name: 'Show older sessions' }));
  await expect(log.getByRole('article')).toHaveCount(12);
  // The focus goes to the first older session (the button has gone).
  await expect(log.getByRole('article').nth(10).getByRole('heading')).toBeFocused();
  await expect(log.getByRole('article').last()).toContainText('Session number 1.');
  await expect(page.getByRole('button', { name: 'Show older sessions' })).toHaveCount(0);

  // A note not yet signed is edited in place.
  const newest = log.getByRole('article').first();
  await press(page, newest.getByRole('button', { name: /^Edit the session of/ }));
  const edit = page.getByTestId('session-form');
  await expect(edit.getByRole('heading', { name: /^Edit the session of/ })).toBeFocused();
  await typeInto(page, edit.getByLabel('Content of the session'), 'Session number 12, with the safety plan reviewed.');
  await press(page, edit.getByRole('button', { name: 'Save the session' }));
  await expect(page.getByRole('status').filter({ hasText: 'was saved.' })).toBeFocused();
  await expect(newest).toContainText('Session number 12, with the safety plan reviewed.');

  // A review through the tab.
  await press(page, page.getByRole('button', { name: 'Record a review' }));
  await typeInto(page, page.getByLabel('Who attended'), 'Riley; Mum; Priya Shah');
  await typeInto(page, page.getByLabel('Progress made'), 'Riley can name three warning signs.');
  await press(page, page.getByRole('button', { name: 'Record the review' }));
  await expect(page.getByRole('status').filter({ hasText: 'was recorded.' })).toBeFocused();
  await expect(page.getByTestId('active-plan')).toContainText('Riley can name three warning signs.');

  // Someone else changes the plan while it is open here: the save is refused, plainly, and
  // their version can be loaded.
  await press(page, page.getByRole('button', { name: 'Change the plan' }));
  const current = (await api<{ version: number }[]>(page, 'intervention:listForCase', { caseId: made.id }))[0];
  await api(page, 'intervention:update', {
    planId: plan.id,
    expectedVersion: current?.version,
    plan: {
      planType: 'both',
      startDate: isoDaysFromToday(-60),
      clinicianIds: [users[0]?.id],
      goals: [{ id: plan.goals[0]?.id, area: 'making_sense', description: 'Know my warning signs.' }],
    },
  });
  await press(page, page.getByRole('button', { name: 'Save the plan' }));
  await expect(page.getByRole('alert').filter({ hasText: 'Someone changed this intervention plan' })).toBeVisible();
  await expectNoSeriousViolations(page, 'plan form with a conflict');
  await press(page, page.getByRole('button', { name: 'Load the plan as it now is' }));
  await expect(page.getByRole('status').filter({ hasText: 'The plan was reloaded' })).toBeFocused();
  await expect(page.getByTestId('active-plan').getByRole('heading', { level: 4 })).toContainText(
    'Intervention plan: individual and family',
  );

  // Closed through the tab: the plan then reads as closed, with nothing left to change.
  await press(page, page.getByRole('button', { name: 'Close the plan' }));
  await press(page, page.getByLabel('Goals met', { exact: true }), 'Space');
  await typeInto(page, page.getByLabel('Closing summary'), 'Riley knows her warning signs and uses her plan.');
  await press(page, page.getByRole('button', { name: 'Close the plan' }));
  await expect(page.getByRole('status').filter({ hasText: 'The intervention plan was closed on' })).toBeFocused();
  const closed = page.getByTestId('closed-plan');
  await expect(closed.getByRole('heading', { level: 4 })).toContainText('Closed plan: individual and family');
  await expect(closed).toContainText('Riley knows her warning signs and uses her plan.');
  await expect(page.getByText('No intervention plan is active. The closed plans are below.')).toBeVisible();
  // The sessions already fetched stay on show, now read-only.
  await expect(closed.getByRole('article')).toHaveCount(12);
  await expect(closed.getByRole('button', { name: /^(Edit|Sign the note|Raise a safeguarding concern)/ })).toHaveCount(
    0,
  );
  await expect(closed.getByRole('link', { name: /^Download closing report of the plan started/ })).toHaveCount(2);
  await expectNoSeriousViolations(page, 'Interventions tab with a closed plan');
});
