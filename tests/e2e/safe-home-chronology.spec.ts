import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { api, expectNoSeriousViolations, isoDaysFromToday, makeCase } from './helpers/cases';
import { createVaultAndSignIn } from './helpers/sign-in';

/*
 * Safe Home in a case's chronology, through the real router and the real screen: a group of two
 * families, three registers taken; family A's chronology filtered to Safe Home shows its carer's
 * enrolment and sessions with the group note, in words, and nothing of family B. Axe scans and
 * screenshots at 1280x800 and 320 CSS px wide.
 */

const ARTIFACTS = 'tests/e2e/artifacts';

interface Run {
  id: string;
  sessions: { id: string; version: number; seq: number; kind: string }[];
  enrolments: { id: string; caseId: string }[];
}

async function carer(page: Page, caseId: string, name: string, relationship: string): Promise<string> {
  const p = await api<{ id: string }>(page, 'person:add', {
    caseId,
    person: { kind: 'parent_carer', name, relationship, parentalResponsibility: true },
  });
  return p.id;
}

test('a carer’s Safe Home sessions are in their case’s chronology, and the other family’s are not', async ({ app }) => {
  test.setTimeout(180_000);
  const { page } = app;
  await page.setViewportSize({ width: 1280, height: 800 });
  await createVaultAndSignIn(page);
  const [me] = await api<{ id: string }[]>(page, 'user:directory', {});
  const referralDate = isoDaysFromToday(-70);
  const a = await makeCase(page, 'Sam', 'Ashworth', '2012-03-14', { referralDate, servicesRequested: ['safe_home'] });
  const b = await makeCase(page, 'Leo', 'Brennan', '2011-07-02', { referralDate, servicesRequested: ['safe_home'] });
  const helen = await carer(page, a.id, 'Helen Ashworth', 'Mother');
  const grace = await carer(page, b.id, 'Grace Brennan', 'Mother');
  let run = await api<Run>(page, 'safeHomeRun:create', {
    run: {
      title: 'Spring group (north)',
      delivery: 'group',
      facilitatorIds: [me?.id],
      startDate: isoDaysFromToday(-21),
      plannedSessions: 13,
      venue: 'Family centre, Mill Lane',
    },
  });
  for (const [caseId, personId] of [
    [a.id, helen],
    [b.id, grace],
  ]) {
    run = await api<Run>(page, 'safeHomeEnrolment:create', {
      runId: run.id,
      enrolment: { caseId, personId, enrolledOn: isoDaysFromToday(-28) },
    });
  }
  const enrolmentOf = (caseId: string) => run.enrolments.find((e) => e.caseId === caseId)?.id;
  for (const seq of [1, 2, 3]) {
    const session = run.sessions.find((s) => s.kind === 'planned' && s.seq === seq);
    run = await api<Run>(page, 'safeHomeSession:takeRegister', {
      sessionId: session?.id,
      expectedVersion: session?.version,
      register: {
        entries: [
          {
            enrolmentId: enrolmentOf(a.id),
            state: seq === 2 ? 'did_not_attend' : 'attended',
            reason: seq === 2 ? 'No answer when called.' : null,
          },
          {
            enrolmentId: enrolmentOf(b.id),
            state: 'attended',
            carerNote: seq === 1 ? 'GRACE-PRIVATE-NOTE about home.' : '',
          },
        ],
        groupNote: `The group talked through session ${seq}'s themes with the card sort.`,
      },
    });
  }

  await page.getByRole('link', { name: 'My tasks' }).click();
  await page.getByRole('link', { name: 'Caseload' }).click();
  await page.getByRole('link', { name: a.reference }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Sam Ashworth' })).toBeVisible();
  await page.getByRole('tab', { name: /^Chronology/ }).click();
  await expect(page.getByRole('heading', { level: 3, name: 'Chronology' })).toBeVisible();

  // Safe Home only, from the keyboard: untick every other kind.
  for (const label of [
    'Notes',
    'Referral and status',
    'Flags',
    'Tasks',
    'Paperwork',
    'Documents',
    'Consultations',
    'Assessment and psychometrics',
    'Interventions',
    'Bundles and other',
  ]) {
    const box = page.getByRole('checkbox', { name: label });
    await box.focus();
    await page.keyboard.press('Space');
    await expect(box).not.toBeChecked();
  }
  await expect(page.getByRole('checkbox', { name: 'Safe Home' })).toBeChecked();
  await expect(page.getByTestId('chronology-count')).toHaveText('4 events match the filter');
  const events = page.getByTestId('chronology-event');
  await expect(
    events.filter({ hasText: 'Helen Ashworth (Mother) enrolled in Safe Home: Spring group (north)' }),
  ).toHaveCount(1);
  await expect(
    events.filter({ hasText: 'Session 1 of 13, Spring group (north): Helen Ashworth (Mother) attended. Group note:' }),
  ).toHaveCount(1);
  await expect(
    events.filter({ hasText: 'Helen Ashworth (Mother) did not attend (No answer when called.)' }),
  ).toHaveCount(1);
  const tab = page.getByRole('tabpanel');
  await expect(tab).not.toContainText('Grace');
  await expect(tab).not.toContainText('Brennan');
  await expect(tab).not.toContainText('GRACE-PRIVATE-NOTE');
  await page.getByRole('heading', { level: 3, name: 'Chronology' }).evaluate((h) => h.scrollIntoView());
  await page.screenshot({ path: `${ARTIFACTS}/safe-home-chronology-1280.png`, fullPage: false });
  await expectNoSeriousViolations(page, 'chronology, Safe Home');

  await page.setViewportSize({ width: 320, height: 800 });
  await events.first().evaluate((e) => e.scrollIntoView());
  await page.screenshot({ path: `${ARTIFACTS}/safe-home-chronology-320.png`, fullPage: false });
  await expectNoSeriousViolations(page, 'chronology, Safe Home, at 320 px');
});
