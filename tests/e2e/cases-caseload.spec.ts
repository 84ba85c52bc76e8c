import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { api, expectNoSeriousViolations, isoDaysFromToday, makeCase } from './helpers/cases';
import { arriveInCases, createVaultAndSignIn, signIn } from './helpers/sign-in';

const REQUIRED_PAPERWORK = [
  'referral_form',
  'chronology',
  'police_disclosure',
  'school_report',
  'social_care_assessment',
];

/** Receive every required paperwork item on one date: the 12-week clock starts then. */
async function completePaperwork(page: Page, caseId: string, date: string): Promise<void> {
  for (const typeId of REQUIRED_PAPERWORK) {
    await api(page, 'paperwork:setReceived', { caseId, typeId, receivedDate: date });
  }
}

/** Show the caseload again, so it asks the core for cases made through the API. */
async function reloadCaseload(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'My tasks' }).click();
  await page.getByRole('link', { name: 'Caseload' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Caseload' })).toBeFocused();
}

const table = (page: Page) => page.getByRole('table', { name: /Caseload/ });
const count = (page: Page) => page.getByTestId('caseload-count');

const ARTIFACTS = 'tests/e2e/artifacts';
const scope = (page: Page, name: string) => page.getByRole('radio', { name });
const row = (page: Page, reference: string) => table(page).getByRole('row', { name: new RegExp(reference) });

test('the caseload opens on my open cases, all cases one click away; the clock follows each case', async ({ app }) => {
  test.setTimeout(120_000);
  const { page } = app;
  await createVaultAndSignIn(page);
  await expect(page.getByText('No cases yet. Record a referral to start a case file.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Record a referral' })).toBeVisible();
  await expectNoSeriousViolations(page, 'empty caseload');

  const [me] = await api<{ id: string }[]>(page, 'user:directory', {});
  const lead = { leadWorkerId: me?.id };
  const jamie = await makeCase(page, 'Jamie', 'Hughes', '2012-03-27', lead);
  const priya = await makeCase(page, 'Priya', 'Shah', '2010-07-09', lead);
  const tom = await makeCase(page, 'Tom', 'Brown', '2009-12-01');
  const casey = await makeCase(page, 'Casey', 'Closed', '2011-02-02', lead);
  const cole = await makeCase(page, 'Cole', 'Consult', '2013-05-05', {
    ...lead,
    consultationOnly: true,
    servicesRequested: ['consultation'],
  });
  const alex = await makeCase(page, 'Alex', 'Allocated', '2012-08-08');
  await api(page, 'case:update', {
    caseId: alex.id,
    expectedVersion: alex.version,
    patch: { allocatedClinicianIds: [me?.id] },
  });
  await api(page, 'case:setStatus', { caseId: priya.id, expectedVersion: priya.version, status: 'accepted' });
  await api(page, 'flag:raise', { caseId: tom.id, flag: { reason: 'Police disclosure awaited', addressBy: null } });
  // Jamie's paperwork was complete 100 days ago: 16 days overdue. Priya's 80 days ago: due in 4 days.
  await completePaperwork(page, jamie.id, isoDaysFromToday(-100));
  await completePaperwork(page, priya.id, isoDaysFromToday(-80));
  // Casey's paperwork came 100 days ago, then the case closed without an assessment.
  await completePaperwork(page, casey.id, isoDaysFromToday(-100));
  const accepted = await api<{ version: number }>(page, 'case:setStatus', {
    caseId: casey.id,
    expectedVersion: (await api<{ version: number }>(page, 'case:get', { caseId: casey.id })).version,
    status: 'accepted',
  });
  await api(page, 'case:setStatus', {
    caseId: casey.id,
    expectedVersion: accepted.version,
    status: 'closed',
    reason: 'Family moved out of area',
    closingSummary: 'Referred on to the local service.',
  });
  await completePaperwork(page, cole.id, isoDaysFromToday(-100));

  await reloadCaseload(page);
  // My open cases: lead worker (Jamie, Priya, Cole) or allocated (Alex); not Tom, not closed Casey.
  await expect(scope(page, 'My open cases')).toBeChecked();
  await expect(count(page)).toHaveText('4 cases');
  // The clock order: overdue first, then due soon, then awaiting paperwork, then no clock.
  const rows = table(page).getByRole('row');
  await expect(rows.nth(1)).toContainText(jamie.reference);
  await expect(rows.nth(2)).toContainText(priya.reference);
  await expect(rows.nth(3)).toContainText(alex.reference);
  await expect(rows.nth(4)).toContainText(cole.reference);
  await expect(row(page, jamie.reference)).toContainText('27/03/2012 (14)');
  await expect(row(page, jamie.reference)).toContainText('16 days overdue');
  await expect(row(page, priya.reference)).toContainText('Due in 4 days');
  await expect(row(page, alex.reference)).toContainText('Awaiting paperwork');
  await expect(row(page, cole.reference)).toContainText('No assessment clock');
  await expect(row(page, cole.reference)).not.toContainText('Awaiting paperwork');
  const clockHeader = table(page).getByRole('columnheader', { name: 'Assessment clock' });
  await expect(clockHeader).toHaveAttribute('aria-sort', 'ascending');
  await page.screenshot({ path: `${ARTIFACTS}/caseload-my-open-cases.png` });
  await expectNoSeriousViolations(page, 'my open cases');

  await scope(page, 'All open').check();
  await expect(count(page)).toHaveText('5 cases');
  await expect(row(page, tom.reference)).toContainText('1 open flag');
  // "All cases" is the same click away, by keyboard too (arrow keys move between the choices).
  await scope(page, 'All open').focus();
  await page.keyboard.press('ArrowRight');
  await expect(scope(page, 'All cases')).toBeChecked();
  await expect(count(page)).toHaveText('6 cases');
  await expect(row(page, casey.reference)).toContainText('Not assessed');
  await expect(row(page, casey.reference)).not.toContainText(/overdue|Awaiting paperwork/);
  // Closed and no-clock cases sort out of the way, after every open clock.
  const lastTwo = `${await rows.nth(5).textContent()} ${await rows.nth(6).textContent()}`;
  expect(lastTwo).toContain(casey.reference);
  expect(lastTwo).toContain(cole.reference);
  await expectNoSeriousViolations(page, 'all cases');

  const search = page.getByLabel('Find a case');
  await search.fill(priya.reference);
  await expect(count(page)).toHaveText('1 case matches');
  await expect(table(page)).toContainText('Priya Shah');
  await search.fill('hugh');
  await expect(count(page)).toHaveText('1 case matches');
  await expect(table(page)).toContainText('Jamie Hughes');
  await search.fill('01/12/2009');
  await expect(count(page)).toHaveText('1 case matches');
  await expect(table(page)).toContainText('Tom Brown');
  await search.fill('Nobody');
  await expect(count(page)).toHaveText('0 cases match');
  await expect(page.getByText('No cases match.')).toBeVisible();
  await expectNoSeriousViolations(page, 'caseload with no matches');
  await page.getByRole('button', { name: 'Clear search and filters' }).click();
  await expect(count(page)).toHaveText('6 cases');

  // The other filters sit behind "Filters"; those in force show as chips that remove them.
  const disclosure = page.getByRole('button', { name: /^Filters/ });
  await expect(disclosure).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByLabel('Flagged')).toBeHidden();
  await disclosure.click();
  await expect(disclosure).toHaveAttribute('aria-expanded', 'true');
  await page.getByLabel('Accepted').check();
  await expect(count(page)).toHaveText('1 case matches');
  await expect(table(page)).toContainText('Priya Shah');
  await page.getByLabel('Referred').check();
  await expect(count(page)).toHaveText('5 cases match');
  await page.getByRole('button', { name: 'Clear search and filters' }).click();

  await page.getByLabel('Flagged').check();
  await page.getByLabel('Overdue for assessment').check();
  await expect(count(page)).toHaveText('0 cases match');
  await expect(disclosure).toHaveText(/Filters \(2\)/);
  await page.screenshot({ path: `${ARTIFACTS}/caseload-filters-open.png` });
  await expectNoSeriousViolations(page, 'caseload with filters open and chips');
  await disclosure.click();
  await expect(page.getByLabel('Flagged')).toBeHidden();
  const flaggedChip = page.getByRole('button', { name: 'Remove filter: Flagged' });
  const overdueChip = page.getByRole('button', { name: 'Remove filter: Overdue' });
  await expect(flaggedChip).toBeVisible();
  // Keyboard: Tab reaches the chip, Enter removes the filter, focus moves to the next chip.
  await flaggedChip.focus();
  await page.keyboard.press('Enter');
  await expect(flaggedChip).toHaveCount(0);
  await expect(overdueChip).toBeFocused();
  await expect(count(page)).toHaveText('1 case matches');
  await expect(table(page)).toContainText('Jamie Hughes');
  await page.keyboard.press('Enter');
  await expect(overdueChip).toHaveCount(0);
  await expect(count(page)).toHaveText('6 cases');

  await disclosure.click();
  await page.getByLabel('Lead worker').selectOption({ label: 'Sam Patel' });
  await expect(count(page)).toHaveText('4 cases match');
  await expect(page.getByRole('button', { name: 'Remove filter: Lead worker: Sam Patel' })).toBeVisible();
  await page.getByLabel('Lead worker').selectOption({ label: 'Anyone' });
  await page.getByLabel('Service').selectOption({ label: 'Safe Home' });
  await expect(count(page)).toHaveText('0 cases match');
  await page.getByLabel('Service').selectOption({ label: 'Assessment' });
  await expect(count(page)).toHaveText('5 cases match');
  await page.getByRole('button', { name: 'Remove filter: Assessment' }).click();
  await expect(count(page)).toHaveText('6 cases');

  // Sorting by a column header: aria-sort says the order.
  const refHeader = table(page).getByRole('columnheader', { name: 'Reference' });
  await expect(refHeader).toHaveAttribute('aria-sort', 'none');
  await refHeader.getByRole('button').click();
  await expect(refHeader).toHaveAttribute('aria-sort', 'ascending');
  await expect(rows.nth(1)).toContainText(jamie.reference);
  await refHeader.getByRole('button').click();
  await expect(refHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(rows.nth(1)).toContainText(alex.reference);
  const nameHeader = table(page).getByRole('columnheader', { name: 'Name' });
  await nameHeader.getByRole('button').click();
  await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
  // By family name: Allocated, Brown, ...
  await expect(rows.nth(1)).toContainText('Alex Allocated');
  await expect(rows.nth(2)).toContainText('Tom Brown');

  // Each row's reference is a link: Enter opens the case. The closed case says "Not assessed".
  await table(page).getByRole('link', { name: casey.reference }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('case-page')).toContainText('Casey Closed');
  const clock = page.getByTestId('assessment-clock').first();
  await expect(clock).toContainText('Not assessed');
  await expect(clock).not.toContainText(/overdue|Waiting for paperwork/);
  await page.screenshot({ path: `${ARTIFACTS}/case-page-not-assessed.png` });
  await page.getByRole('button', { name: 'Back to the caseload' }).click();
  // The scope, filters and sort survive a visit to a case.
  await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
  await expect(scope(page, 'All cases')).toBeChecked();
  // A consultation-only case has no assessment clock on its page at all.
  await table(page).getByRole('link', { name: cole.reference }).click();
  await expect(page.getByTestId('case-page')).toContainText('Cole Consult');
  await expect(page.getByTestId('assessment-clock')).toHaveCount(0);
  await expect(page.getByTestId('case-page')).not.toContainText('Waiting for paperwork');
  await page.screenshot({ path: `${ARTIFACTS}/case-page-consultation-only.png` });
});

test('at 1280x800 the caseload shows at least 12 rows without scrolling', async ({ app }) => {
  test.setTimeout(120_000);
  const { page } = app;
  await createVaultAndSignIn(page);
  const [me] = await api<{ id: string }[]>(page, 'user:directory', {});
  await page.evaluate(async (leadWorkerId) => {
    const bridge = (window as unknown as { api: Record<string, (i: unknown) => Promise<{ ok: boolean }>> }).api;
    for (let i = 0; i < 20; i++) {
      const day = String((i % 28) + 1).padStart(2, '0');
      const r = await bridge['case:create']?.({
        referralDate: '2026-02-01',
        leadWorkerId,
        servicesRequested: ['assessment'],
        youngPerson: { givenName: `Child${i}`, familyName: 'Rows', dateOfBirth: `2011-05-${day}` },
      });
      if (!r?.ok) throw new Error('case:create failed');
    }
  }, me?.id);
  await reloadCaseload(page);
  await expect(count(page)).toHaveText('20 cases');
  // With a filter in force, so its chip row is counted too.
  await page.getByRole('button', { name: /^Filters/ }).click();
  await page.getByLabel('Referred').check();
  await page.getByRole('button', { name: /^Filters/ }).click();
  await expect(page.getByRole('button', { name: 'Remove filter: Referred' })).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
  const viewport = page.viewportSize();
  expect(viewport).toEqual({ width: 1280, height: 800 });
  const twelfth = table(page).locator('tbody tr').nth(11);
  const box = await twelfth.boundingBox();
  expect(box, 'the 12th row is laid out').not.toBeNull();
  expect((box?.y ?? 0) + (box?.height ?? 0), 'the 12th row ends inside the window').toBeLessThanOrEqual(800);
  expect(box?.y ?? -1).toBeGreaterThanOrEqual(0);
  await page.screenshot({ path: `${ARTIFACTS}/caseload-1280x800.png` });
  // 200 % zoom (320 CSS px wide): the bar wraps; the page does not scroll sideways because of it.
  await page.setViewportSize({ width: 320, height: 800 });
  await page.screenshot({ path: `${ARTIFACTS}/caseload-320.png`, fullPage: true });
  const bar = page.locator('section[aria-labelledby="cases-view-heading"] > div').first();
  const barBox = await bar.boundingBox();
  expect((barBox?.x ?? 0) + (barBox?.width ?? 0)).toBeLessThanOrEqual(320);
});

test('the caseload is paged in the core: 50 rows a page', async ({ app }) => {
  const { page } = app;
  await createVaultAndSignIn(page);
  await page.evaluate(async () => {
    const bridge = (window as unknown as { api: Record<string, (i: unknown) => Promise<{ ok: boolean }>> }).api;
    for (let i = 0; i < 55; i++) {
      const day = String((i % 28) + 1).padStart(2, '0');
      const r = await bridge['case:create']?.({
        referralDate: '2026-02-01',
        youngPerson: { givenName: `Child${i}`, familyName: 'Paging', dateOfBirth: `2011-05-${day}` },
      });
      if (!r?.ok) throw new Error('case:create failed');
    }
  });
  await reloadCaseload(page);
  // None of these is mine: the caseload says so and shows all open cases instead.
  await expect(page.getByText('You are not lead worker or allocated clinician on any open case')).toBeVisible();
  await expect(scope(page, 'All open')).toBeChecked();
  await expect(count(page)).toHaveText('55 cases');
  await expect(table(page).getByRole('row')).toHaveCount(51);
  const pager = page.getByRole('navigation', { name: 'Caseload pages' });
  await expect(pager).toContainText('Showing 1 to 50 of 55');
  await expect(pager.getByRole('button', { name: 'Previous page' })).toHaveAttribute('aria-disabled', 'true');
  await pager.getByRole('button', { name: 'Next page' }).click();
  await expect(pager).toContainText('Showing 51 to 55 of 55');
  await expect(table(page).getByRole('row')).toHaveCount(6);
  await expect(page.getByRole('heading', { level: 2, name: 'Caseload' })).toBeFocused();
});

test('a read-only user sees the caseload and can open cases, but cannot record a referral', async ({ app }) => {
  const { page } = app;
  await createVaultAndSignIn(page);
  const jamie = await makeCase(page, 'Jamie', 'Hughes', '2012-03-27');
  await api(page, 'user:create', {
    username: 'rreader',
    displayName: 'Rita Reader',
    password: 'a long enough password',
    role: 'read-only',
  });
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await signIn(page, { username: 'rreader', password: 'a long enough password' });
  await arriveInCases(page);

  await expect(count(page)).toHaveText('1 case');
  await expect(page.getByRole('button', { name: 'New referral' })).toHaveCount(0);
  await page.getByRole('button', { name: /^Filters/ }).click();
  // The lead-worker filter lists colleagues through user:directory, which read-only users may call.
  await expect(page.getByLabel('Lead worker').getByRole('option')).toHaveText(['Anyone', 'Rita Reader', 'Sam Patel']);
  await table(page).getByRole('link', { name: jamie.reference }).click();
  await expect(page.getByTestId('case-page')).toContainText('Jamie Hughes');
});

test('leaving Cases for an area still loading and coming back asks the core again', async ({ app }) => {
  const { page } = app;
  await createVaultAndSignIn(page);
  // The first look settles on an empty vault: nothing of mine, nothing open, nothing at all.
  await expect(page.getByText('No cases yet. Record a referral to start a case file.')).toBeVisible();
  // A case arrives behind the caseload's back (as a bundle import or a colleague's referral would).
  const { id: me } = (await api<{ id: string }[]>(page, 'user:list', {}))[0] ?? { id: '' };
  const made = await makeCase(page, 'Riley', 'Okafor', '2011-06-02', { leadWorkerId: me });
  // Dashboard's screen is loaded on first use: the way there and straight back must not reveal
  // the Cases screen as it was left (one shared Suspense boundary once kept it hidden, then showed it).
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cases', exact: true }).click();
  await expect(page.getByRole('link', { name: made.reference })).toBeVisible();
  await expect(page.getByTestId('caseload-count')).toHaveText('1 case');
});
