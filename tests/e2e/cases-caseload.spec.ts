import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { api, createVaultAndSignIn, expectNoSeriousViolations, isoDaysFromToday, makeCase } from './helpers/cases';

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

test('the caseload: empty state, search by reference, name and date of birth, filters and sorting', async ({ app }) => {
  test.setTimeout(120_000);
  const { page } = app;
  await createVaultAndSignIn(page);
  await expect(page.getByText('No cases yet. Record a referral to start a case file.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Record a referral' })).toBeVisible();
  await expectNoSeriousViolations(page, 'empty caseload');

  const [me] = await api<{ id: string }[]>(page, 'users:directory', {});
  const jamie = await makeCase(page, 'Jamie', 'Hughes', '2012-03-27');
  const priya = await makeCase(page, 'Priya', 'Shah', '2010-07-09', { leadWorkerId: me?.id });
  const tom = await makeCase(page, 'Tom', 'Brown', '2009-12-01', { leadWorkerId: me?.id });
  await api(page, 'case:setStatus', { caseId: priya.id, expectedVersion: priya.version, status: 'accepted' });
  await api(page, 'flag:raise', { caseId: tom.id, flag: { reason: 'Police disclosure awaited', addressBy: null } });
  // Jamie's paperwork was complete 100 days ago: 12 weeks have passed. Priya's 80 days ago: due within 14 days.
  await completePaperwork(page, jamie.id, isoDaysFromToday(-100));
  await completePaperwork(page, priya.id, isoDaysFromToday(-80));

  await reloadCaseload(page);
  await expect(count(page)).toHaveText('3 cases');
  await expect(table(page).getByRole('row')).toHaveCount(4);
  const jamieRow = table(page).getByRole('row', { name: new RegExp(jamie.reference) });
  await expect(jamieRow).toContainText('27/03/2012 (14)');
  await expect(jamieRow).toContainText('Overdue');
  await expect(table(page).getByRole('row', { name: new RegExp(priya.reference) })).toContainText('Due within 14 days');
  await expect(table(page).getByRole('row', { name: new RegExp(tom.reference) })).toContainText('1 open flag');
  await expectNoSeriousViolations(page, 'caseload with cases');

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
  await expect(count(page)).toHaveText('3 cases');

  await page.getByLabel('Accepted').check();
  await expect(count(page)).toHaveText('1 case matches');
  await expect(table(page)).toContainText('Priya Shah');
  await page.getByLabel('Referred').check();
  await expect(count(page)).toHaveText('3 cases match');
  await page.getByRole('button', { name: 'Clear search and filters' }).click();

  await page.getByLabel('Flagged').check();
  await expect(count(page)).toHaveText('1 case matches');
  await expect(table(page)).toContainText('Tom Brown');
  await page.getByLabel('Flagged').uncheck();
  await page.getByLabel('Overdue for assessment').check();
  await expect(count(page)).toHaveText('1 case matches');
  await expect(table(page)).toContainText('Jamie Hughes');
  await page.getByLabel('Overdue for assessment').uncheck();
  await page.getByLabel('Lead worker').selectOption({ label: 'Sam Patel' });
  await expect(count(page)).toHaveText('2 cases match');
  await page.getByLabel('Lead worker').selectOption({ label: 'Anyone' });
  await page.getByLabel('Service').selectOption({ label: 'Safe Home' });
  await expect(count(page)).toHaveText('0 cases match');
  await page.getByLabel('Service').selectOption({ label: 'Assessment' });
  await expect(count(page)).toHaveText('3 cases match');
  await page.getByLabel('Service').selectOption({ label: 'Any service' });

  // Sorting by a column header: aria-sort says the order.
  const refHeader = table(page).getByRole('columnheader', { name: 'Reference' });
  await expect(refHeader).toHaveAttribute('aria-sort', 'none');
  await refHeader.getByRole('button').click();
  await expect(refHeader).toHaveAttribute('aria-sort', 'ascending');
  await expect(table(page).getByRole('row').nth(1)).toContainText(jamie.reference);
  await refHeader.getByRole('button').click();
  await expect(refHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(table(page).getByRole('row').nth(1)).toContainText(tom.reference);
  const nameHeader = table(page).getByRole('columnheader', { name: 'Name' });
  await nameHeader.getByRole('button').click();
  await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
  await expect(table(page).getByRole('row').nth(1)).toContainText('Tom Brown');

  // Each row's reference is a link: Enter opens the case.
  await table(page).getByRole('link', { name: priya.reference }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('case-page')).toContainText('Priya Shah');
  await page.getByRole('button', { name: 'Back to the caseload' }).click();
  // The filters and sort survive a visit to a case.
  await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
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
  await api(page, 'users:create', {
    username: 'rreader',
    displayName: 'Rita Reader',
    password: 'a long enough password',
    role: 'read-only',
  });
  await page.getByRole('button', { name: 'Lock' }).click();
  await page.getByLabel('User name').fill('rreader');
  await page.getByLabel('Password').fill('a long enough password');
  await page.getByRole('button', { name: 'Sign in' }).click();

  await expect(count(page)).toHaveText('1 case');
  await expect(page.getByRole('button', { name: 'New referral' })).toHaveCount(0);
  // The lead-worker filter lists colleagues through users:directory, which read-only users may call.
  await expect(page.getByLabel('Lead worker').getByRole('option')).toHaveText(['Anyone', 'Rita Reader', 'Sam Patel']);
  await table(page).getByRole('link', { name: jamie.reference }).click();
  await expect(page.getByTestId('case-page')).toContainText('Jamie Hughes');
});
