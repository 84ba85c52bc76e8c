/**
 * The service dashboard on demo data: the tables carry the same figures as `statistics:compute`
 * for the period on screen (the last 12 months at first), the period is chosen from the keyboard
 * (a preset with the arrow keys, then typed dates, a wrong pair refused with why), the
 * administrator's CSV export downloads with its header line and no person's name, axe finds
 * nothing serious, and the screen is photographed at 1280x800 and 320 px.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { generateDemoData } from '../../main/core/demo/generate';
import type { StatisticRow, StatisticsResult } from '../../preload/contract/stats-records';
import { expect, test } from './fixtures';
import { api, expectNoSeriousViolations, isoDaysFromToday } from './helpers/cases';
import { goToArea, measureOverflow } from './helpers/reflow';
import { ADMIN_NAME, createVaultAndSignIn, signIn } from './helpers/sign-in';

const ARTIFACTS = 'tests/e2e/artifacts';

/** "Figures for 02/12/2025 to 01/12/2026." -> the period as ISO dates. */
async function periodOnScreen(page: Page, expected?: RegExp): Promise<{ from: string; to: string }> {
  const status = page.getByTestId('dashboard-period');
  await expect(status).toHaveText(expected ?? /^Figures for /);
  const m = /(\d{2})\/(\d{2})\/(\d{4}) to (\d{2})\/(\d{2})\/(\d{4})/.exec((await status.textContent()) ?? '');
  if (!m) throw new Error('no period on screen');
  return { from: `${m[3]}-${m[2]}-${m[1]}`, to: `${m[6]}-${m[5]}-${m[4]}` };
}

/** A table's body rows as [name, number] pairs (`measure`: in that measure's section). */
async function tableRows(page: Page, testId: string, measure = 'referrals_received'): Promise<[string, number][]> {
  const rows = page.getByTestId(`dashboard-section-${measure}`).getByTestId(testId).locator('tbody tr');
  const out: [string, number][] = [];
  for (const row of await rows.all()) {
    const name = (await row.locator('th').innerText()).trim();
    const number = Number((await row.locator('td').innerText()).replace(/[^\d]/g, ''));
    out.push([name, number]);
  }
  return out;
}

const groupsOf = (rows: StatisticRow[], measure: string, breakdown: string) =>
  rows.filter((r) => r.measure === measure && r.breakdown === breakdown).map((r) => [r.group, r.value]);

test('the dashboard on demo data: the channel’s figures, the period from the keyboard, the export', async ({ app }) => {
  // Long on a loaded 2-core machine: demo data, three axe scans, a download and four screenshots.
  test.setTimeout(300_000);
  const { page } = app;
  test.skip(!app.host, 'The demo data is written through the browser host’s core, which Electron does not expose.');
  await createVaultAndSignIn(page);
  const vault = app.host?.core.manager.current();
  if (!vault) throw new Error('not signed in');
  generateDemoData(vault, { cases: 80, seed: 'dashboard', referenceDate: isoDaysFromToday(0), notesPerCase: [1, 2] });

  await goToArea(page, 'Dashboard');
  const year = await periodOnScreen(page);
  expect(year.to).toBe(isoDaysFromToday(0));
  await expect(page.getByRole('radio', { name: 'Last 12 months' })).toBeChecked();

  // The tables hold the channel's figures for the same period.
  const { rows } = await api<StatisticsResult>(page, 'statistics:compute', year);
  const referrals = rows.find((r) => r.measure === 'referrals_received' && r.breakdown === null)?.value ?? 0;
  expect(referrals).toBeGreaterThan(0);
  const referralSection = page.getByTestId('dashboard-section-referrals_received');
  await expect(referralSection.getByTestId('dashboard-total')).toHaveText(`Total: ${referrals}`);
  expect(await tableRows(page, 'dashboard-table-source')).toEqual(groupsOf(rows, 'referrals_received', 'source'));
  const months = await tableRows(page, 'dashboard-table-month');
  expect(months.map(([, n]) => n)).toEqual(groupsOf(rows, 'referrals_received', 'month').map(([, n]) => n));
  expect(months).toHaveLength(13);
  expect(await tableRows(page, 'dashboard-table-clinician', 'open_caseload')).toEqual(
    groupsOf(rows, 'open_caseload', 'clinician'),
  );
  expect(await tableRows(page, 'dashboard-table-sector', 'training_events_delivered')).toEqual(
    groupsOf(rows, 'training_events_delivered', 'sector'),
  );
  // A rate says what it is of.
  const compliance = rows.find((r) => r.measure === 'twelve_week_compliance');
  if (compliance?.value != null) {
    await expect(page.getByTestId('dashboard-figure-twelve_week_compliance')).toContainText(
      `${Math.round(compliance.value * 100)} % of ${compliance.base} assessments due with a known outcome`,
    );
  }
  await expect(page.getByTestId('dashboard-line-chart')).toHaveAttribute('aria-hidden', 'true');
  await expect(page.getByTestId('dashboard-section-safe_home_carers_ended')).toBeVisible();

  await expectNoSeriousViolations(page, 'Dashboard');
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `${ARTIFACTS}/dashboard-1280.png` });
  await page.screenshot({ path: `${ARTIFACTS}/dashboard-1280-full.png`, fullPage: true });
  // A window's worth at a time, to look at each chart at its real size.
  for (const measure of ['referrals_received', 'open_caseload', 'assessments_due', 'safe_home_carers_ended']) {
    await page.getByTestId(`dashboard-section-${measure}`).evaluate((el) => el.scrollIntoView());
    await page.screenshot({ path: `${ARTIFACTS}/dashboard-1280-${measure}.png` });
  }

  // The period from the keyboard: the arrow keys move through the presets and apply each.
  const lastYear = page.getByRole('radio', { name: 'Last 12 months' });
  await lastYear.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('radio', { name: 'Last month' })).toBeChecked();
  const lastMonth = await periodOnScreen(page);
  expect(lastMonth.from.slice(8)).toBe('01');
  expect(lastMonth.to < year.to).toBe(true);
  const monthRows = (await api<StatisticsResult>(page, 'statistics:compute', lastMonth)).rows;
  const monthTotal = monthRows.find((r) => r.measure === 'referrals_received' && r.breakdown === null)?.value ?? 0;
  await expect(referralSection.getByTestId('dashboard-total')).toHaveText(
    monthTotal === 0 ? 'No referrals received in this period.' : `Total: ${monthTotal}`,
  );

  // Typed dates: a pair the wrong way round is refused with why; then a quarter is shown.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: 'Choose dates' })).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('textbox', { name: 'From', exact: true })).toBeFocused();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('01/03/2026');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('01/01/2026');
  await page.keyboard.press('Enter');
  await expect(page.getByText('The end of the period cannot be before its start.')).toBeVisible();
  await page.getByRole('textbox', { name: 'To', exact: true }).focus();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('31/05/2026');
  await page.keyboard.press('Enter');
  const quarter = await periodOnScreen(page, /^Figures for 01\/03\/2026 to 31\/05\/2026\.$/);
  const quarterRows = (await api<StatisticsResult>(page, 'statistics:compute', quarter)).rows;
  expect(await tableRows(page, 'dashboard-table-month')).toEqual([
    ['March 2026', groupsOf(quarterRows, 'referrals_received', 'month')[0]?.[1]],
    ['April 2026', groupsOf(quarterRows, 'referrals_received', 'month')[1]?.[1]],
    ['May 2026', groupsOf(quarterRows, 'referrals_received', 'month')[2]?.[1]],
  ]);

  // The export of the period on screen: the header line, and nobody's name.
  const work = mkdtempSync(join(tmpdir(), 'ncats-dashboard-'));
  try {
    const exportLink = page.getByRole('link', { name: 'Export anonymised statistics (CSV)' });
    await exportLink.focus();
    const download = page.waitForEvent('download');
    await page.keyboard.press('Enter');
    const file = await download;
    expect(file.suggestedFilename()).toBe('NCATS anonymised statistics 01-03-2026 to 31-05-2026.csv');
    const path = join(work, file.suggestedFilename());
    await file.saveAs(path);
    const csv = readFileSync(path, 'utf8');
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('measure,breakdown,group,period_from,period_to,value,unit');
    expect(lines.some((l) => l.startsWith('referrals_received,,,2026-03-01,2026-05-31,'))).toBe(true);
    const people = vault.db
      .prepare(
        `SELECT given_name AS name FROM young_people WHERE given_name IS NOT NULL
         UNION SELECT family_name FROM young_people WHERE family_name IS NOT NULL
         UNION SELECT name FROM case_people UNION SELECT display_name FROM users`,
      )
      .all() as { name: string }[];
    expect(people.length).toBeGreaterThan(50);
    const cells = new Set(lines.flatMap((l) => l.split(',')));
    const named = people.filter((p) => cells.has(p.name) || csv.includes(p.name.length > 3 ? p.name : '\u0000'));
    expect(named.map((p) => p.name)).toEqual([]);
    expect(csv).not.toContain(ADMIN_NAME);
    expect(csv).not.toContain('open_caseload');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }

  // 320 CSS px: no sideways scroll; the tables become cards.
  await page.setViewportSize({ width: 320, height: 800 });
  expect(await measureOverflow(page, 'Dashboard at 320 px')).toBeNull();
  await expectNoSeriousViolations(page, 'Dashboard at 320 px');
  await page.screenshot({ path: `${ARTIFACTS}/dashboard-320.png` });
  await page.screenshot({ path: `${ARTIFACTS}/dashboard-320-full.png`, fullPage: true });
  for (const measure of ['referrals_received', 'assessments_due']) {
    await page.getByTestId(`dashboard-section-${measure}`).evaluate((el) => el.scrollIntoView());
    await page.screenshot({ path: `${ARTIFACTS}/dashboard-320-${measure}.png` });
  }
});

test('a clinician sees the dashboard without the export', async ({ app }) => {
  test.setTimeout(120_000);
  const { page } = app;
  await createVaultAndSignIn(page);
  await api(page, 'user:create', {
    username: 'cclinic',
    displayName: 'Cal Clinic',
    password: 'clinician password 1',
    role: 'clinician',
  });
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await signIn(page, { username: 'cclinic', password: 'clinician password 1' });
  await goToArea(page, 'Dashboard');
  await periodOnScreen(page);
  await expect(page.getByText('No referrals received in this period.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Export anonymised statistics (CSV)' })).toHaveCount(0);
  await expectNoSeriousViolations(page, 'Dashboard, empty, as a clinician');
});
