import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { api, expectNoSeriousViolations, isoDaysFromToday, makeCase, type MadeCase } from './helpers/cases';
import { goToArea, measureOverflow } from './helpers/reflow';
import { createVaultAndSignIn } from './helpers/sign-in';

/*
 * The Interventions area, from the keyboard: the active plans of the vault, soonest next
 * session first, each with its case linked to the case's Interventions tab, type, clinicians,
 * start, next session and DNA rate in figures and words; a case without a plan is not listed.
 * Then the Outcomes panel on the case's tab: a chart and a table per goal, the reliable change
 * said in words, the attendance figures and the case's questionnaires pre and mid. Axe scans and
 * screenshots at 1280x800 and 320 CSS px wide.
 */

const ARTIFACTS = 'tests/e2e/artifacts';
/** The SDQ (young person) of the seeded catalogue. */
const SDQ_YOUNG_PERSON = '5d0c7a52-3f4e-4b6a-9c10-000000000001';

interface Seeded {
  jordan: MadeCase;
  sam: MadeCase;
  riley: MadeCase;
}

/** A held session of the plan: attended with ratings, or not attended / cancelled with a reason. */
function session(days: number, attendance: string, ratings: { goalId: string; rating: number }[] = []) {
  return {
    sessionDate: isoDaysFromToday(days),
    startTime: '16:00',
    durationMinutes: 60,
    sessionType: 'individual',
    venue: 'clinic',
    attendance,
    attendanceReason: attendance === 'attended' || attendance === 'planned' ? null : 'Not known',
    goalIds: ratings.map((r) => r.goalId),
    content: 'Worked on the goals.',
    ratings,
  };
}

/**
 * Jordan: a plan of three goals with five sessions (two attended and rated, one DNA, one the
 * service cancelled, one booked), and two SDQs; Sam: a family plan with nothing held yet; Riley:
 * no plan at all.
 */
async function seed(page: Page): Promise<Seeded> {
  const users = await api<{ id: string }[]>(page, 'user:list', {});
  const me = users[0]?.id as string;
  const jordan = await makeCase(page, 'Jordan', 'Ellis', '2011-03-14', { leadWorkerId: me });
  const sam = await makeCase(page, 'Sam', 'Okafor', '2010-07-02', { leadWorkerId: me });
  const riley = await makeCase(page, 'Riley', 'Hart', '2012-11-20', { leadWorkerId: me });

  const plan = await api<{ id: string; goals: { id: string }[] }>(page, 'intervention:create', {
    caseId: jordan.id,
    plan: {
      planType: 'individual',
      startDate: isoDaysFromToday(-70),
      clinicianIds: [me],
      goals: [
        { area: 'making_sense', description: 'To understand what led to the behaviour', baselineRating: 2 },
        { area: 'healthy_strategies', description: 'To have safe ways to meet my needs', baselineRating: 4 },
        { area: 'emotions_relationships', description: 'To talk to someone when I feel angry', baselineRating: 6 },
      ],
    },
  });
  const [g1, g2, g3] = plan.goals.map((g) => g.id) as [string, string, string];
  const sessions = [
    session(-56, 'attended', [
      { goalId: g1, rating: 3 },
      { goalId: g2, rating: 4 },
    ]),
    session(-42, 'did_not_attend'),
    session(-28, 'attended', [
      { goalId: g1, rating: 6 },
      { goalId: g2, rating: 5 },
      { goalId: g3, rating: 3 },
    ]),
    session(-14, 'cancelled_by_service'),
    session(7, 'planned'),
  ];
  for (const s of sessions) await api(page, 'interventionSession:create', { planId: plan.id, session: s });

  await api(page, 'intervention:create', {
    caseId: sam.id,
    plan: {
      planType: 'family',
      startDate: isoDaysFromToday(-3),
      clinicianIds: [me],
      goals: [{ area: 'making_sense', description: 'To make sense of what happened, as a family', baselineRating: 3 }],
    },
  });

  const sdq = (days: number, total: number, emotional: number) =>
    api(page, 'psychometrics:record', {
      caseId: jordan.id,
      administration: {
        administeredOn: isoDaysFromToday(days),
        instrumentId: SDQ_YOUNG_PERSON,
        administeredBy: me,
        scores: [
          { scaleKey: 'total', score: total },
          { scaleKey: 'emotional', score: emotional },
        ],
      },
    });
  await sdq(-80, 22, 7);
  await sdq(-21, 15, 4);
  return { jordan, sam, riley };
}

/** Focus a control and press Enter on it, as a keyboard user does. */
async function press(page: Page, target: ReturnType<Page['getByRole']>) {
  await target.focus();
  await page.keyboard.press('Enter');
}

function ukDate(days: number): string {
  const [y, m, d] = isoDaysFromToday(days).split('-');
  return `${d}/${m}/${y}`;
}

test('the Interventions area lists the active plans with their next session and DNA rate, and opens a case', async ({
  app,
}) => {
  test.setTimeout(180_000);
  const { page } = app;
  await page.setViewportSize({ width: 1280, height: 800 });
  await createVaultAndSignIn(page);
  const { jordan, sam, riley } = await seed(page);

  await goToArea(page, 'Interventions');
  const table = page.getByRole('table', { name: 'Active intervention plans, soonest next session first' });
  await expect(table).toBeVisible();
  const rows = table.getByRole('row');
  // The heading row, then Jordan (a session booked) before Sam (none booked); Riley has no plan.
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toContainText(jordan.reference);
  await expect(rows.nth(1)).toContainText('Individual');
  await expect(rows.nth(1)).toContainText(ukDate(-70));
  await expect(rows.nth(1)).toContainText(ukDate(7));
  // One DNA of the three sessions the young person could come to (the service cancelled one).
  await expect(rows.nth(1)).toContainText('33% (1 not attended of 4 offered)');
  await expect(rows.nth(2)).toContainText(sam.reference);
  await expect(rows.nth(2)).toContainText('Family');
  await expect(rows.nth(2)).toContainText('None booked');
  await expect(rows.nth(2)).toContainText('No sessions yet');
  await expect(table).not.toContainText(riley.reference);
  await expect(page.getByRole('status').filter({ hasText: 'Showing all 2 active plans' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Show more' })).toHaveCount(0);
  await expectNoSeriousViolations(page, 'Interventions area');
  await page.screenshot({ path: `${ARTIFACTS}/interventions-area-1280x800.png` });

  await page.setViewportSize({ width: 320, height: 800 });
  await expect(table).toBeVisible();
  expect(await measureOverflow(page, 'Interventions area at 320 px')).toBeNull();
  await expectNoSeriousViolations(page, 'Interventions area at 320 px');
  await page.screenshot({ path: `${ARTIFACTS}/interventions-area-320.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });

  // The case link opens the case (on its Interventions tab, once the tab is there).
  await press(page, table.getByRole('link', { name: new RegExp(jordan.reference) }));
  await expect(page.getByRole('heading', { level: 2, name: 'Jordan Ellis' })).toBeVisible();
});

test('a case’s Interventions tab shows each goal’s chart and table, attendance and the questionnaires', async ({
  app,
}) => {
  test.setTimeout(180_000);
  const { page } = app;
  await page.setViewportSize({ width: 1280, height: 800 });
  await createVaultAndSignIn(page);
  const { jordan } = await seed(page);

  await goToArea(page, 'Interventions');
  const table = page.getByRole('table', { name: 'Active intervention plans, soonest next session first' });
  await press(page, table.getByRole('link', { name: new RegExp(jordan.reference) }));
  await expect(page.getByRole('heading', { level: 2, name: 'Jordan Ellis' })).toBeVisible();
  const tab = page.getByRole('tab', { name: 'Interventions' });
  await expect(tab).toHaveAttribute('aria-selected', 'true');

  const outcomes = page.getByRole('region', { name: 'Outcomes' });
  await expect(outcomes).toBeVisible();
  const goal1 = outcomes.getByRole('region', { name: /^Goal 1:/ });
  await expect(goal1).toContainText('First 2, latest 6 out of 10: Reliable improvement (+4).');
  await expect(goal1.getByText('Reliable change', { exact: true })).toBeVisible();
  const goal1Table = goal1.getByRole('table', { name: /Goal 1 ratings/ });
  await expect(goal1Table.getByRole('row')).toHaveCount(4);
  await expect(goal1Table).toContainText('Reliable improvement (+4)');
  await expect(goal1Table).toContainText('Baseline, when the goal was set');
  await expect(goal1.getByTestId('goal-chart').locator('svg').first()).toBeVisible();
  const goal3 = outcomes.getByRole('region', { name: /^Goal 3:/ });
  await expect(goal3).toContainText('First 6, latest 3 out of 10: Reliable deterioration (-3).');
  await expect(outcomes.getByRole('region', { name: /^Goal 2:/ })).toContainText('Improvement, not reliable (+1)');

  const attendance = outcomes.getByTestId('attendance-figures');
  await expect(attendance.getByRole('row', { name: /Sessions offered/ })).toContainText('4');
  await expect(attendance.getByRole('row', { name: /DNA rate/ })).toContainText(
    '33% (1 of 3 sessions the young person or family could come to)',
  );

  const measures = outcomes.getByRole('region', { name: 'Other outcome measures' });
  const sdq = measures.getByRole('table', { name: /SDQ \(young person\)/ });
  await expect(sdq.getByRole('columnheader', { name: `Pre, ${ukDate(-80)}` })).toBeVisible();
  await expect(sdq.getByRole('columnheader', { name: `Mid, ${ukDate(-21)}` })).toBeVisible();
  await expect(sdq.getByRole('row', { name: /Total difficulties/ })).toContainText('22');
  await expect(measures.getByTestId('measure-chart').locator('svg').first()).toBeVisible();
  await expect(measures).toContainText('The chart shows Total difficulties (0 to 40)');
  await measures.getByLabel('Scale in the chart').focus();
  await measures.getByLabel('Scale in the chart').selectOption({ label: 'Emotional symptoms' });
  await expect(measures).toContainText('The chart shows Emotional symptoms (0 to 10)');

  await expectNoSeriousViolations(page, 'Interventions tab with the outcomes');
  await goal1.screenshot({ path: `${ARTIFACTS}/outcomes-goal-chart-1280x800.png` });
  await outcomes.screenshot({ path: `${ARTIFACTS}/outcomes-panel-1280x800.png` });
  await measures.screenshot({ path: `${ARTIFACTS}/outcomes-measures-1280x800.png` });

  await page.setViewportSize({ width: 320, height: 800 });
  await expect(goal1.getByTestId('goal-chart').locator('svg').first()).toBeVisible();
  // One card a row, each value labelled; still a table with its caption as its name.
  await expect(goal1Table).toBeVisible();
  await expect(goal1Table.getByRole('row').nth(3)).toContainText('Change from first: Reliable improvement (+4)');
  expect(await measureOverflow(page, 'Outcomes panel at 320 px')).toBeNull();
  await expectNoSeriousViolations(page, 'Outcomes panel at 320 px');
  await outcomes.screenshot({ path: `${ARTIFACTS}/outcomes-panel-320.png` });
  await goal1.screenshot({ path: `${ARTIFACTS}/outcomes-goal-chart-320.png` });
});

test('“Show more” adds the next page of plans under those shown and moves the focus to the first of them', async ({
  app,
}) => {
  test.setTimeout(240_000);
  const { page } = app;
  await page.setViewportSize({ width: 1280, height: 800 });
  await createVaultAndSignIn(page);
  const users = await api<{ id: string }[]>(page, 'user:list', {});
  const me = users[0]?.id as string;
  // One more plan than a page holds (25), each started a day later, none with a session booked.
  const references: string[] = [];
  for (let i = 0; i < 26; i += 1) {
    const made = await makeCase(page, `Young`, `Person ${String(i + 1)}`, '2011-05-01');
    references.push(made.reference);
    await api(page, 'intervention:create', {
      caseId: made.id,
      plan: {
        planType: 'individual',
        startDate: isoDaysFromToday(-60 + i),
        clinicianIds: [me],
        goals: [{ area: 'making_sense', description: 'To understand what happened', baselineRating: 3 }],
      },
    });
  }

  await goToArea(page, 'Interventions');
  const table = page.getByRole('table', { name: 'Active intervention plans, soonest next session first' });
  // With none booked, the earlier start comes first.
  await expect(table.getByRole('row')).toHaveCount(26);
  await expect(table.getByRole('row').nth(1)).toContainText(references[0] as string);
  await expect(page.getByRole('status').filter({ hasText: 'Showing 25 of 26 active plans' })).toBeVisible();

  await press(page, page.getByRole('button', { name: 'Show more' }));
  await expect(table.getByRole('row')).toHaveCount(27);
  await expect(page.getByRole('status').filter({ hasText: 'Showing all 26 active plans' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Show more' })).toHaveCount(0);
  // The button went with the last page: the focus is on the first plan it added, not lost.
  await expect(table.getByRole('link', { name: new RegExp(references[25] as string) })).toBeFocused();
  await expectNoSeriousViolations(page, 'Interventions area after Show more');
});
