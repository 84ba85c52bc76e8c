/**
 * Home, the first screen after sign-in: a clinician with demo-like records made through the API
 * (a case allocated to them, an overdue task, an assessment near its 12-week deadline, a flag,
 * an intervention session booked this week and a Safe Home run they facilitate). Every section
 * shows its count, each item opens its case on the right tab from the keyboard, axe finds
 * nothing serious, and the screen is photographed at 1280x800 and 320 px.
 */
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { api, expectNoSeriousViolations, isoDaysFromToday, makeCase } from './helpers/cases';
import { goToArea } from './helpers/reflow';
import { createVaultAndSignIn, signIn } from './helpers/sign-in';

const ARTIFACTS = 'tests/e2e/artifacts';
const CLINICIAN = { username: 'mokafor', password: 'clinician long password' };

interface Made {
  reference: string;
  colleagueReference: string;
}

/** The records, made as the administrator through the API, allocated to the clinician. */
async function makeRecords(page: Page): Promise<Made> {
  const clinician = await api<{ id: string }>(page, 'user:create', {
    username: CLINICIAN.username,
    displayName: 'Morgan Okafor',
    password: CLINICIAN.password,
    role: 'clinician',
  });
  const made = await makeCase(page, 'Jordan', 'Ellis', '2012-03-14', {
    servicesRequested: ['assessment', 'intervention'],
  });
  const allocated = await api<{ id: string; version: number }>(page, 'case:update', {
    caseId: made.id,
    expectedVersion: made.version,
    patch: { leadWorkerId: clinician.id },
  });
  // The admin's own case: not on the clinician's Home.
  const colleague = await makeCase(page, 'Riley', 'Hart', '2011-06-02');
  await api(page, 'case:setStatus', { caseId: made.id, expectedVersion: allocated.version, status: 'accepted' });

  // Paperwork complete 80 days ago: the assessment is due in 4 days.
  const types = await api<{ id: string; required: boolean }[]>(page, 'paperwork:listTypes', {});
  for (const t of types.filter((x) => x.required)) {
    await api(page, 'paperwork:setReceived', { caseId: made.id, typeId: t.id, receivedDate: isoDaysFromToday(-80) });
  }
  await api(page, 'assessment:open', { caseId: made.id });

  await api(page, 'task:create', {
    caseId: made.id,
    task: { title: 'Chase the school report', ownerId: clinician.id, dueDate: isoDaysFromToday(-3) },
  });
  await api(page, 'flag:raise', {
    caseId: made.id,
    flag: { reason: 'Safety plan to review with the carers', addressBy: isoDaysFromToday(2) },
  });
  const plan = await api<{ id: string }>(page, 'intervention:create', {
    caseId: made.id,
    plan: {
      planType: 'individual',
      startDate: isoDaysFromToday(-30),
      clinicianIds: [clinician.id],
      networkCare: [],
      goals: [{ area: 'making_sense', description: 'Understand what happened.', baselineRating: 3 }],
    },
  });
  await api(page, 'interventionSession:create', {
    planId: plan.id,
    session: {
      sessionDate: isoDaysFromToday(0),
      startTime: '23:00',
      durationMinutes: 50,
      sessionType: 'individual',
      venue: 'clinic',
      attendance: 'planned',
    },
  });
  await api(page, 'safeHomeRun:create', {
    run: {
      title: 'Winter group, Leeds',
      delivery: 'group',
      facilitatorIds: [clinician.id],
      startDate: isoDaysFromToday(0),
      venue: 'Family centre',
    },
  });
  return { reference: made.reference, colleagueReference: colleague.reference };
}

const section = (page: Page, id: string) => page.getByTestId(`home-${id}`);

/** Focus a link and press Enter on it, as a keyboard user does (waiting for the focus first). */
async function activate(page: Page, link: Locator): Promise<void> {
  await link.focus();
  await expect(link).toBeFocused();
  await page.keyboard.press('Enter');
}

/** Back to Home through the navigation; its lists are fetched again. */
async function backHome(page: Page): Promise<void> {
  await goToArea(page, 'Home');
  await expect(section(page, 'caseload').getByRole('link').first()).toBeVisible();
}

async function expectCaseOnTab(page: Page, tab: RegExp): Promise<void> {
  await expect(page.getByRole('heading', { level: 2, name: 'Jordan Ellis' })).toBeVisible();
  await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
}

test('Home shows the clinician’s own work, each item one key press from its case', async ({ app }) => {
  test.setTimeout(180_000);
  const { page } = app;
  await createVaultAndSignIn(page);
  const made = await makeRecords(page);
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await signIn(page, CLINICIAN);

  // Home is the first screen, its heading focused.
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeFocused();
  await expect(page.getByRole('heading', { level: 2, name: 'My open cases (1)' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'My tasks (1)' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: 'Overdue (1)' })).toBeVisible();
  await expect(section(page, 'tasks')).toContainText('No tasks due in the next 7 days.');
  await expect(section(page, 'tasks')).toContainText('today or in the next 7 days');
  await expect(page.getByRole('heading', { level: 2, name: 'My assessments by 12-week status (1)' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: 'Due within 2 weeks (1)' })).toBeVisible();
  await expect(section(page, 'assessments')).toContainText('4 days left');
  await expect(page.getByRole('heading', { level: 2, name: 'Flags to address (1)' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Intervention sessions this week (1)' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Safe Home sessions this week (1)' })).toBeVisible();
  await expect(section(page, 'safe-home')).toContainText('session 1, register not yet taken');
  // The administrator's case is not the clinician's.
  await expect(page.getByRole('main')).not.toContainText(made.colleagueReference);

  await expectNoSeriousViolations(page, 'Home');
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: `${ARTIFACTS}/home-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 320, height: 800 });
  const sideways = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  expect(sideways, 'Home scrolls sideways at 320 px').toBe(false);
  await page.screenshot({ path: `${ARTIFACTS}/home-320.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });

  // Each item opens its case on the tab that holds it.
  const opens: [string, RegExp][] = [
    ['caseload', /^Overview/],
    ['tasks', /^Tasks/],
    ['assessments', /^Assessment/],
    ['flags', /^Flags/],
    ['sessions', /^Interventions/],
  ];
  for (const [id, tab] of opens) {
    await activate(page, section(page, id).getByRole('link', { name: new RegExp(made.reference) }));
    await expectCaseOnTab(page, tab);
    await backHome(page);
  }

  // A Safe Home session opens its run, with its register.
  await activate(page, section(page, 'safe-home').getByRole('link', { name: /Winter group, Leeds/ }));
  await expect(page.getByRole('heading', { level: 1, name: 'Safe Home' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Winter group, Leeds' })).toBeVisible();

  // Each section's button leads to its full list.
  await backHome(page);
  await section(page, 'tasks').getByRole('button', { name: 'See all my tasks in My tasks' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cases' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('Chase the school report');
});

test('a user with no work of their own gets honest empty states', async ({ app }) => {
  const { page } = app;
  await createVaultAndSignIn(page);
  await goToArea(page, 'Home');
  await expect(page.getByRole('heading', { level: 2, name: 'My open cases (0)' })).toBeVisible();
  for (const words of [
    'No open cases are allocated to you.',
    'No overdue tasks.',
    'No tasks due in the next 7 days.',
    'No assessments past their 12-week due date.',
    'No flags to address on your cases.',
    'No intervention sessions booked this week.',
    'No Safe Home sessions of your runs this week.',
  ]) {
    await expect(page.getByText(words)).toBeVisible();
  }
  await expectNoSeriousViolations(page, 'Home, empty');
});
