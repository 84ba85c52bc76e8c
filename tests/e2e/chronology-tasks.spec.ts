import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { api, expectNoSeriousViolations, isoDaysFromToday, makeCase } from './helpers/cases';
import { createVaultAndSignIn } from './helpers/sign-in';

/*
 * The chronology's filter (kept while paging) and its upcoming dates, the access log's collapsed
 * views, and My tasks paged past 50 with Mark done in each row, with axe scans and screenshots
 * at 1280x800 and 320 CSS px wide.
 */

const ARTIFACTS = 'tests/e2e/artifacts';

function tab(page: Page, name: string) {
  return page.getByRole('tab', { name: new RegExp(`^${name}`) });
}

/** Show the caseload again (so it lists cases made through the API) and open one. */
async function openCase(page: Page, reference: string, name: string): Promise<void> {
  await page.getByRole('link', { name: 'My tasks' }).click();
  await page.getByRole('link', { name: 'Caseload' }).click();
  await page.getByRole('link', { name: reference }).click();
  await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
}

test('the chronology filters by kind and third-party information, keeps the filter while paging, and shows upcoming dates apart', async ({
  app,
}) => {
  test.setTimeout(180_000);
  const { page } = app;
  await page.setViewportSize({ width: 1280, height: 800 });
  await createVaultAndSignIn(page);
  const [me] = await api<{ id: string }[]>(page, 'user:directory', {});
  const jordan = await makeCase(page, 'Jordan', 'Ellis', '2012-03-14', { referralDate: '2026-06-01' });
  // 25 notes, 3 of them about third parties; one long enough to be cut.
  for (let i = 1; i <= 25; i++) {
    const day = isoDaysFromToday(-40 + i);
    const text =
      i === 25
        ? 'Met Jordan and his foster carer at home to go through the safety plan, which the network agreed at the strategy meeting; Jordan named the adults he can go to at school and at home, and the carer asked for support with bedtimes.'
        : `Session ${i} with Jordan.`;
    await api(page, 'note:create', {
      caseId: jordan.id,
      note: { occurredAt: `${day}T10:00:00Z`, type: 'session', text, thirdPartySensitive: i % 10 === 0 || i === 3 },
    });
  }
  await api(page, 'flag:raise', { caseId: jordan.id, flag: { reason: 'Placement at risk', addressBy: null } });
  const task = (title: string, days: number) =>
    api(page, 'task:create', { caseId: jordan.id, task: { title, ownerId: me?.id, dueDate: isoDaysFromToday(days) } });
  await task('Send the assessment report', 14);
  await task('Request the school report', -2);

  await openCase(page, jordan.reference, 'Jordan Ellis');
  await tab(page, 'Chronology').click();
  await expect(page.getByRole('heading', { level: 3, name: 'Chronology' })).toBeVisible();

  // The future due date is upcoming, above and apart from what has happened.
  const upcoming = page.getByTestId('chronology-upcoming');
  await expect(upcoming).toHaveCount(1);
  await expect(upcoming).toContainText('Task due: Send the assessment report');
  const events = page.getByTestId('chronology-event');
  await expect(events.first()).toBeVisible();
  await expect(events.filter({ hasText: 'Send the assessment report' })).toHaveCount(0);
  await expect(events.filter({ hasText: 'Request the school report' })).toHaveCount(1);
  // 25 notes, the referral, the flag and the overdue task's due date.
  await expect(page.getByTestId('chronology-count')).toHaveText('28 events');
  // The long note is cut at a word, with an ellipsis.
  const longNote = events.filter({ hasText: 'Met Jordan and his foster carer' });
  await expect(longNote.getByText(/ [a-z]+…$/)).toBeVisible();
  await expect(longNote).not.toContainText('bedtimes');
  await page.screenshot({ path: `${ARTIFACTS}/chronology-1280.png`, fullPage: false });
  await page.getByRole('heading', { level: 3, name: 'Chronology' }).evaluate((h) => h.scrollIntoView());
  await page.screenshot({ path: `${ARTIFACTS}/chronology-1280-tab.png`, fullPage: false });
  await expectNoSeriousViolations(page, 'chronology');

  // Notes only, from the keyboard: untick every other kind.
  for (const label of [
    'Referral and status',
    'Flags',
    'Tasks',
    'Paperwork',
    'Documents',
    'Consultations',
    'Assessment and psychometrics',
    'Interventions',
    'Safe Home',
    'Bundles and other',
  ]) {
    const box = page.getByRole('checkbox', { name: label });
    await box.focus();
    await page.keyboard.press('Space');
    await expect(box).not.toBeChecked();
  }
  await expect(page.getByTestId('chronology-count')).toHaveText('25 events match the filter');
  await expect(upcoming).toHaveCount(0);
  await expect(events).toHaveCount(20);
  const pager = page.getByRole('navigation', { name: 'Pages of the chronology' });
  await expect(pager).toContainText('1 to 20 of 25');
  await pager.getByRole('button', { name: 'Older' }).click();
  await expect(pager).toContainText('21 to 25 of 25');
  await expect(events).toHaveCount(5);
  expect(new Set(await events.evaluateAll((els) => els.map((e) => e.getAttribute('data-kind'))))).toEqual(
    new Set(['note']),
  );
  await expect(page.getByRole('checkbox', { name: 'Flags' })).not.toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Notes' })).toBeChecked();
  await expect(page.getByTestId('chronology-count')).toHaveText('25 events match the filter');

  // Only third-party information; the filter stays on the next page and after leaving the tab.
  await page.getByRole('radio', { name: 'Only events with third-party information' }).check();
  await expect(page.getByTestId('chronology-count')).toHaveText('3 events match the filter');
  await expect(events).toHaveCount(3);
  await page.getByRole('heading', { level: 3, name: 'Chronology' }).evaluate((h) => h.scrollIntoView());
  await page.screenshot({ path: `${ARTIFACTS}/chronology-1280-filtered.png`, fullPage: false });
  await expect(events.filter({ hasText: 'Third-party information' })).toHaveCount(3);
  await tab(page, 'Notes').click();
  await tab(page, 'Chronology').click();
  await expect(page.getByTestId('chronology-count')).toHaveText('3 events match the filter');

  // Unticking the last kind asks for one instead of showing nothing.
  await page.getByRole('checkbox', { name: 'Notes' }).uncheck();
  await expect(page.getByRole('alert')).toContainText('Choose at least one kind of event to show.');
  await page.getByRole('checkbox', { name: 'Flags' }).check();
  await expect(page.getByTestId('chronology-count')).toHaveText('0 events match the filter');
  await page.getByRole('button', { name: 'Show every event' }).click();
  await expect(page.getByTestId('chronology-count')).toHaveText('28 events');
  await expectNoSeriousViolations(page, 'chronology, filtered');

  await page.setViewportSize({ width: 320, height: 800 });
  await page.getByRole('heading', { level: 3, name: 'Chronology' }).evaluate((h) => h.scrollIntoView());
  await page.screenshot({ path: `${ARTIFACTS}/chronology-320.png`, fullPage: false });
  await expectNoSeriousViolations(page, 'chronology at 320 px');
  // The filter bar reflows inside the tab at 320 px (the page frame's own reflow is the layout's).
  const bar = page.getByRole('group', { name: 'Kinds of event' });
  const box = await bar.boundingBox();
  expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(320);
  await page.setViewportSize({ width: 1280, height: 800 });

  // The access log names people and collapses their repeated views in this sign-in session.
  await tab(page, 'Access log').click();
  const log = page.getByRole('table', { name: 'Access to this case, newest first' });
  const views = log.getByRole('row', { name: /Viewed the case \d+ times/ });
  await expect(views).toHaveCount(1);
  await expect(views).toContainText('Sam Patel');
  await expect(log).not.toContainText('spatel');
  await expect(log.getByRole('row', { name: /Added a note/ }).first()).toBeVisible();
  await page.getByRole('heading', { level: 3, name: 'Access log' }).evaluate((h) => h.scrollIntoView());
  await page.screenshot({ path: `${ARTIFACTS}/access-log-1280.png`, fullPage: false });
  await expectNoSeriousViolations(page, 'access log');
});

test('my tasks pages every overdue task with the young person’s name, and marks one done from its row', async ({
  app,
}) => {
  test.setTimeout(180_000);
  const { page } = app;
  await page.setViewportSize({ width: 1280, height: 800 });
  await createVaultAndSignIn(page);
  const [me] = await api<{ id: string }[]>(page, 'user:directory', {});
  const jamie = await makeCase(page, 'Jamie', 'Hughes', '2012-03-27');
  const priya = await makeCase(page, 'Priya', 'Shah', '2010-07-09');
  const made: { id: string; version: number; title: string }[] = [];
  for (let i = 1; i <= 55; i++) {
    const title = `Overdue task ${String(i).padStart(2, '0')}`;
    const t = await api<{ id: string; version: number }>(page, 'task:create', {
      caseId: (i % 2 ? jamie : priya).id,
      task: { title, ownerId: me?.id, dueDate: isoDaysFromToday(-60 + i) },
    });
    made.push({ ...t, title });
  }

  await page.getByRole('link', { name: 'My tasks' }).click();
  await expect(page.getByRole('heading', { name: 'Overdue (55)' })).toBeVisible();
  const overdue = page.getByRole('table', { name: 'Your tasks: overdue' });
  await expect(overdue.getByRole('row')).toHaveCount(26);
  await expect(page.getByRole('main')).not.toContainText('Open a case to see all');
  const first = overdue.getByRole('row', { name: /Overdue task 01/ });
  await expect(first).toContainText(jamie.reference);
  await expect(first).toContainText('Jamie Hughes');
  await expect(overdue.getByRole('row', { name: /Overdue task 02/ })).toContainText('Priya Shah');
  await page.screenshot({ path: `${ARTIFACTS}/my-tasks-1280.png`, fullPage: false });
  await expectNoSeriousViolations(page, 'my tasks');

  // Page to the last of the 55: nothing is out of reach.
  const pager = page.getByRole('navigation', { name: 'Pages of overdue tasks' });
  await pager.getByRole('button', { name: /Next page/ }).click();
  await expect(pager).toContainText('Showing 26 to 50 of 55');
  await pager.getByRole('button', { name: /Next page/ }).click();
  await expect(pager).toContainText('Showing 51 to 55 of 55');
  await expect(overdue.getByRole('row', { name: /Overdue task 55/ })).toBeVisible();

  // Mark done in the row, from the keyboard.
  const row55 = overdue.getByRole('row', { name: /Overdue task 55/ });
  await row55.getByRole('button', { name: /^Mark done\W+Overdue task 55$/ }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Task done: Overdue task 55' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Overdue (54)' })).toBeVisible();
  await expect(overdue.getByRole('row', { name: /Overdue task 55/ })).toHaveCount(0);
  await expect(pager).toContainText('Showing 51 to 54 of 54');

  // Someone else marks a task done while this list still shows it: the row says so.
  const task54 = made[53];
  if (!task54) throw new Error('task 54 was not made');
  await api(page, 'task:complete', { taskId: task54.id, expectedVersion: task54.version });
  await overdue.getByRole('button', { name: /^Mark done\W+Overdue task 54$/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'already been marked done by Sam Patel' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Overdue (53)' })).toBeVisible();
  await expectNoSeriousViolations(page, 'my tasks after marking done');

  await page.setViewportSize({ width: 320, height: 800 });
  await page.getByRole('heading', { name: /^Overdue/ }).evaluate((h) => h.scrollIntoView());
  await page.screenshot({ path: `${ARTIFACTS}/my-tasks-320.png`, fullPage: false });
  await expectNoSeriousViolations(page, 'my tasks at 320 px');
  await page.setViewportSize({ width: 1280, height: 800 });
});
