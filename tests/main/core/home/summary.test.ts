/**
 * home:summary on a real vault with hand-made records and known answers: mine against a
 * colleague's, the overdue / due-soon boundaries of tasks, this week's Monday-Sunday bounds,
 * closed cases left out, the assessments by 12-week status, the audit row with counts only.
 */
import { describe, expect, it } from 'vitest';
import { weekOf } from '../../../../main/core/home/home.service';
import { HOME_LIST_LIMIT, type HomeSummary } from '../../../../preload/contract/home';
import { makeRun, safeHomeCore } from '../safe-home/fixture';
import { READER } from '../temp-vault';
import { CAL, COL, allocatedCase, assessmentDue, book, closeCase, makePeople, plan, task } from './home-fixture';

const f = safeHomeCore();
/** A Wednesday: its week runs from Monday 31/08/2026 to Sunday 06/09/2026. */
const WEDNESDAY = '2026-09-02';

async function summaryAs(who: { username: string; password: string }): Promise<HomeSummary> {
  await f.ok('vault:unlock', { username: who.username, password: who.password });
  return f.ok<HomeSummary>('home:summary', {});
}

const refs = (l: { items: { reference: string }[] }) => l.items.map((i) => i.reference);

describe('weekOf', () => {
  it('runs from Monday to Sunday, whichever day it is asked on', () => {
    expect(weekOf('2026-08-31')).toEqual({ from: '2026-08-31', to: '2026-09-06' }); // Monday
    expect(weekOf(WEDNESDAY)).toEqual({ from: '2026-08-31', to: '2026-09-06' });
    expect(weekOf('2026-09-06')).toEqual({ from: '2026-08-31', to: '2026-09-06' }); // Sunday
    expect(weekOf('2027-01-01')).toEqual({ from: '2026-12-28', to: '2027-01-03' }); // across a year end
  });
});

describe('home:summary', () => {
  it('lists my open cases only: led or allocated, not a colleague’s, not closed', async () => {
    f.setToday(WEDNESDAY);
    const { cal, col } = await makePeople(f);
    const led = await allocatedCase(f, 'Led', { lead: cal });
    const allocated = await allocatedCase(f, 'Allocated', { lead: col, allocated: [cal] });
    await allocatedCase(f, 'Colleague', { lead: col });
    await closeCase(f, await allocatedCase(f, 'Closed', { lead: cal }));
    await f.ok('flag:raise', { caseId: led.id, flag: { reason: 'Check the safety plan.', addressBy: null } });

    const home = await summaryAs(CAL);
    expect(home.caseload.total).toBe(2);
    expect(home.caseload.items).toEqual([
      expect.objectContaining({ reference: led.reference, youngPersonName: 'Alex Led', lead: true, openFlags: 1 }),
      expect.objectContaining({ reference: allocated.reference, lead: false, openFlags: 0, status: 'referred' }),
    ]);
    const colleague = await summaryAs(COL);
    expect(refs(colleague.caseload)).toHaveLength(2); // Allocated (as lead) and Colleague
    expect(refs(colleague.caseload)).not.toContain(led.reference);
  });

  it('splits my open tasks into overdue and due within 7 days, boundaries included', async () => {
    f.setToday('2026-08-20');
    const { cal, col } = await makePeople(f);
    const mine = await allocatedCase(f, 'Tasks', { lead: cal });
    const closed = await allocatedCase(f, 'ClosedTasks', { lead: cal });
    await task(f, mine.id, cal, '2026-09-01', 'Yesterday');
    await task(f, mine.id, cal, '2026-08-21', 'Long overdue');
    await task(f, mine.id, cal, WEDNESDAY, 'Today');
    await task(f, mine.id, cal, '2026-09-09', 'In seven days');
    await task(f, mine.id, cal, '2026-09-10', 'In eight days');
    await task(f, mine.id, cal, null, 'Undated');
    await task(f, mine.id, col, '2026-09-01', 'Colleague’s');
    const done = await task(f, mine.id, cal, '2026-09-01', 'Done already');
    await f.ok('task:complete', { taskId: done.id, expectedVersion: done.version });
    await task(f, closed.id, cal, '2026-09-01', 'On a closed case');
    await closeCase(f, closed);
    f.setToday(WEDNESDAY);

    const home = await summaryAs(CAL);
    expect(home.dueSoonTo).toBe('2026-09-09');
    expect(home.overdueTasks.items.map((t) => t.title)).toEqual(['Long overdue', 'Yesterday']);
    expect(home.overdueTasks.total).toBe(2);
    expect(home.dueSoonTasks.items.map((t) => [t.title, t.dueDate])).toEqual([
      ['Today', WEDNESDAY],
      ['In seven days', '2026-09-09'],
    ]);
    expect(home.dueSoonTasks.items[0]).toMatchObject({ caseId: mine.id, reference: mine.reference });
  });

  it('sorts my open assessments by 12-week status, as the Assessments area does', async () => {
    f.setToday(WEDNESDAY);
    const { cal, col } = await makePeople(f);
    const overdue = await allocatedCase(f, 'Overdue', { lead: cal });
    const dueToday = await allocatedCase(f, 'DueToday', { lead: cal });
    const dueIn14 = await allocatedCase(f, 'DueIn14', { lead: null, allocated: [cal] });
    const onTrack = await allocatedCase(f, 'OnTrack', { lead: cal });
    const waiting = await allocatedCase(f, 'Waiting', { lead: cal });
    const colleague = await allocatedCase(f, 'ColleagueA', { lead: col });
    await assessmentDue(f, overdue.id, '2026-09-01');
    await assessmentDue(f, dueToday.id, WEDNESDAY);
    await assessmentDue(f, dueIn14.id, '2026-09-16');
    await assessmentDue(f, onTrack.id, '2026-09-17');
    await assessmentDue(f, waiting.id, null);
    await assessmentDue(f, colleague.id, '2026-09-01');

    const { assessments } = await summaryAs(CAL);
    expect(refs(assessments.overdue)).toEqual([overdue.reference]);
    expect(assessments.overdue.items[0]?.daysRemaining).toBe(-1);
    expect(refs(assessments.due_soon)).toEqual([dueToday.reference, dueIn14.reference]);
    expect(refs(assessments.on_track)).toEqual([onTrack.reference]);
    expect(refs(assessments.awaiting_paperwork)).toEqual([waiting.reference]);
    expect(assessments.awaiting_paperwork.items[0]?.daysRemaining).toBeNull();
  });

  it('lists flags to address on my cases, soonest first, overdue marked', async () => {
    f.setToday('2026-08-20');
    const { cal, col } = await makePeople(f);
    const mine = await allocatedCase(f, 'Flags', { lead: cal });
    const theirs = await allocatedCase(f, 'TheirFlags', { lead: col });
    await f.ok('flag:raise', { caseId: mine.id, flag: { reason: 'No date', addressBy: null } });
    await f.ok('flag:raise', { caseId: mine.id, flag: { reason: 'Was due yesterday', addressBy: '2026-09-01' } });
    await f.ok('flag:raise', { caseId: mine.id, flag: { reason: 'Due today', addressBy: WEDNESDAY } });
    const cleared = await f.ok<{ id: string }>('flag:raise', { caseId: mine.id, flag: { reason: 'Cleared' } });
    await f.ok('flag:clear', { flagId: cleared.id, note: 'Done.' });
    await f.ok('flag:raise', { caseId: theirs.id, flag: { reason: 'Not mine' } });
    f.setToday(WEDNESDAY);

    const { flags } = await summaryAs(CAL);
    expect(flags.items.map((x) => [x.reason, x.overdue])).toEqual([
      ['Was due yesterday', true],
      ['Due today', false],
      ['No date', false],
    ]);
    expect(flags.total).toBe(3);
  });

  it('shows this week’s booked sessions, Monday to Sunday, of plans I deliver or cases of mine', async () => {
    f.setToday('2026-08-20');
    const { cal, col } = await makePeople(f);
    const mine = await allocatedCase(f, 'Sessions', { lead: cal });
    const delivered = await allocatedCase(f, 'Delivered', { lead: col });
    const neither = await allocatedCase(f, 'Neither', { lead: col });
    const minePlan = await plan(f, mine.id, [col], '2026-08-01');
    const deliveredPlan = await plan(f, delivered.id, [cal], '2026-08-01');
    const neitherPlan = await plan(f, neither.id, [col], '2026-08-01');
    await book(f, minePlan.id, '2026-08-30'); // last Sunday
    await book(f, minePlan.id, '2026-08-31', '09:30'); // Monday
    await book(f, deliveredPlan.id, '2026-09-06'); // Sunday
    await book(f, minePlan.id, '2026-09-07'); // next Monday
    await book(f, neitherPlan.id, WEDNESDAY);
    f.setToday(WEDNESDAY);

    const { interventionSessions, weekFrom, weekTo } = await summaryAs(CAL);
    expect([weekFrom, weekTo]).toEqual(['2026-08-31', '2026-09-06']);
    expect(interventionSessions.items.map((s) => [s.reference, s.sessionDate, s.startTime])).toEqual([
      [mine.reference, '2026-08-31', '09:30'],
      [delivered.reference, '2026-09-06', '16:00'],
    ]);
  });

  it('shows this week’s sessions of the Safe Home runs I facilitate, not a colleague’s', async () => {
    f.setToday('2026-08-20');
    const { cal, col } = await makePeople(f);
    // Weekly from Monday 24/08: session 2 falls on Monday 31/08, this week.
    const run = await makeRun(f, { title: 'Autumn group', facilitatorIds: [cal, col], startDate: '2026-08-24' });
    await makeRun(f, { title: 'Not mine', facilitatorIds: [col], startDate: '2026-08-24' });
    f.setToday(WEDNESDAY);

    const { safeHomeSessions } = await summaryAs(CAL);
    expect(safeHomeSessions.items).toEqual([
      expect.objectContaining({ runId: run.id, runTitle: 'Autumn group', seq: 2, sessionDate: '2026-08-31' }),
    ]);
    expect(safeHomeSessions.items[0]?.registerTaken).toBe(false);
  });

  it('gives a read-only user their own, empty, summary; audits counts and never a case', async () => {
    f.setToday(WEDNESDAY);
    const { cal } = await makePeople(f);
    await f.ok('user:create', READER);
    const c = await allocatedCase(f, 'Audited', { lead: cal });
    await task(f, c.id, cal, WEDNESDAY, 'Secret task title');

    const reader = await summaryAs(READER);
    expect(reader.caseload).toEqual({ items: [], total: 0 });
    expect(reader.dueSoonTasks.total).toBe(0);
    await summaryAs(CAL);
    const rows = f
      .vault()
      .db.prepare("SELECT case_id, entity_id, detail FROM audit_log WHERE action = 'home.summary' ORDER BY seq")
      .all() as { case_id: string | null; entity_id: string | null; detail: string }[];
    expect(rows).toHaveLength(2);
    const last = rows[1];
    expect(last?.case_id).toBeNull();
    expect(last?.entity_id).toBeNull();
    expect(JSON.parse(last?.detail ?? '{}')).toMatchObject({ caseload: 1, dueSoonTasks: 1 });
    expect(last?.detail).not.toContain('Secret');
    expect(last?.detail).not.toContain(c.reference);
  });

  it('bounds each list at 50 items and gives the full count', async () => {
    f.setToday('2026-08-20');
    const { cal } = await makePeople(f);
    const c = await allocatedCase(f, 'Busy', { lead: cal });
    for (let i = 0; i < HOME_LIST_LIMIT + 2; i += 1) await task(f, c.id, cal, '2026-08-25', `Task ${i}`);
    f.setToday(WEDNESDAY);
    const { overdueTasks } = await summaryAs(CAL);
    expect(overdueTasks.items).toHaveLength(HOME_LIST_LIMIT);
    expect(overdueTasks.total).toBe(HOME_LIST_LIMIT + 2);
  });

  it('refuses any input field, saying so', async () => {
    const r = await f.core().router('home:summary', { today: '2026-01-01' });
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.error.code).toBe('INVALID_INPUT');
  });
});
