/**
 * The open-task list (tasks.repo.ts, queryOpenTasks) reads a page in two parts, dated then
 * undated, along tasks_open_due instead of sorting every open task. That changes how a page is
 * read, never what it holds: for every view, owner, page size and offset the rows must be the
 * same, in the same order, as the single sorted query it replaced. Its plan must walk the index
 * in due-date order and sort only the page's rows (EXPLAIN QUERY PLAN).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertTask, openTaskSql, openTaskWhere, queryOpenTasks } from '../../../../main/core/casework/tasks.repo';
import { generateDemoData } from '../../../../main/core/demo/generate';
import { makeVault, type TestVault } from '../cases/fixtures';

const TODAY = '2025-12-31';
let t: TestVault;
let owners: string[];

beforeAll(async () => {
  t = await makeVault(`${TODAY}T12:00:00Z`);
  generateDemoData(t.vault, { cases: 200, seed: 'open-tasks', referenceDate: TODAY, notesPerCase: [0, 1] });
  const db = t.vault.db;
  const cases = (db.prepare('SELECT id FROM cases ORDER BY reference').all() as { id: string }[]).map((r) => r.id);
  owners = (db.prepare('SELECT DISTINCT owner_id AS id FROM tasks').all() as { id: string }[]).map((r) => r.id);
  owners.push(t.vault.user.id);
  // The demo gives every task a date: add undated ones, the last valid date (which the old
  // query sorted among the undated), and many tasks on one date across cases (ties broken by
  // case reference, then id).
  const dues = [null, null, null, '9999-12-31', '2025-12-31', '2025-12-31', '2025-12-31', '2026-01-05'];
  cases.slice(0, 120).forEach((caseId, i) =>
    insertTask(db, {
      id: randomUUID(),
      caseId,
      title: `extra ${i}`,
      ownerId: owners[i % owners.length] ?? t.vault.user.id,
      dueDate: dues[i % dues.length] ?? null,
      at: `${TODAY}T12:00:00Z`,
      by: t.vault.user.id,
    }),
  );
}, 120_000);
afterAll(() => t?.cleanup());

const firstOwner = (): string => owners[0] ?? t.vault.user.id;

/** The single sorted query the two-part read replaced. */
function oldPage(p: { ownerId: string | null; from: string | null; to: string | null; limit: number; offset: number }) {
  const { where, params } = openTaskWhere(t.vault.user, p);
  return (
    t.vault.db
      .prepare(
        `SELECT t.id FROM tasks t JOIN cases c ON c.id = t.case_id WHERE ${where}
         ORDER BY coalesce(t.due_date, '9999-12-31'), c.reference, t.id LIMIT @limit OFFSET @offset`,
      )
      .all({ ...params, limit: p.limit, offset: p.offset }) as { id: string }[]
  ).map((r) => r.id);
}

const WINDOWS = [
  { from: null, to: null },
  { from: null, to: '2025-12-30' },
  { from: '2025-12-31', to: '2026-01-07' },
  { from: '2026-01-01', to: null },
];

describe('open tasks, dated then undated', () => {
  it('returns the same rows in the same order as the one sorted query', () => {
    let compared = 0;
    const total = (t.vault.db.prepare('SELECT count(*) AS n FROM tasks WHERE done_at IS NULL').get() as { n: number })
      .n;
    for (const window of WINDOWS)
      for (const ownerId of [null, firstOwner(), t.vault.user.id])
        for (const limit of [1, 7, 50])
          for (const offset of [0, 3, 49, total - 60, total - 5, total + 10].filter((o) => o >= 0)) {
            const p = { ownerId, ...window, limit, offset };
            const expected = oldPage(p);
            const got = queryOpenTasks(t.vault.db, t.vault.user, p).rows.map((r) => r.id);
            expect(got, JSON.stringify(p)).toEqual(expected);
            if (expected.length > 0) compared++;
          }
    expect(compared).toBeGreaterThan(100);
    // The last 60 rows are the undated tail (45 without a date, 15 on the last date), mixed in
    // case reference order as the old query's coalesce put them.
    const tail = queryOpenTasks(t.vault.db, t.vault.user, {
      ownerId: null,
      from: null,
      to: null,
      limit: 60,
      offset: total - 60,
    }).rows;
    expect(tail.filter((r) => r.dueDate === null)).toHaveLength(45);
    expect(tail.filter((r) => r.dueDate === '9999-12-31')).toHaveLength(15);
    expect(tail.map((r) => r.caseReference)).toEqual(tail.map((r) => r.caseReference).sort());
  });

  it('walks tasks_open_due in due-date order and sorts only the rows up to the cutoff', () => {
    const plan = (sql: string, params: Record<string, unknown>) =>
      (t.vault.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((r) => r.detail);
    const { where, params } = openTaskWhere(t.vault.user, { ownerId: null, from: null, to: null });
    const sql = openTaskSql(where);
    const cutoff = plan(sql.cutoff, { ...params, last: 49 });
    expect(cutoff.join('\n')).toMatch(/SCAN t USING INDEX tasks_open_due|SEARCH t USING INDEX tasks_open_due/);
    expect(cutoff.join('\n')).not.toMatch(/TEMP B-TREE/);
    const dated = plan(sql.dated, { ...params, cutoff: '2025-01-01', limit: 50, offset: 0 });
    expect(dated[0]).toMatch(
      /SEARCH t USING INDEX tasks_open_due \(due_date<\?\)|SEARCH t USING INDEX tasks_open_due \(due_date>\? AND due_date<\?\)/,
    );
    // One owner: along that owner's open tasks in due-date order.
    const mine = openTaskWhere(t.vault.user, { ownerId: firstOwner(), from: null, to: '2025-12-30' });
    const ownerPlan = plan(openTaskSql(mine.where).cutoff, { ...mine.params, last: 49 }).join('\n');
    expect(ownerPlan).toMatch(/SEARCH t USING INDEX tasks_open_owner \(owner_id=\? AND due_date<\?\)/);
    expect(ownerPlan).not.toMatch(/TEMP B-TREE/);
  });
});
