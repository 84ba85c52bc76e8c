/**
 * The Safe Home run list read by index (open runs sorted alone, finished runs from their index,
 * migration 310) gives exactly the pages the old read gave by sorting every run (`fromRecords`),
 * at every offset, for several days, on a generated demo vault, also with ties of dates and runs
 * closed and reopened. Its statements' plans read no session or run beyond the page's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import '../../../../main/core/core';
import { generateDemoData } from '../../../../main/core/demo/generate';
import {
  FINISHED_RUNS_PAGE,
  OPEN_RUNS_COUNT,
  OPEN_RUNS_PAGE,
  queryRunList,
} from '../../../../main/core/safe-home/service-view';
import { makeVault, type TestVault } from '../cases/fixtures';

let t: TestVault;
beforeAll(async () => {
  t = await makeVault('2025-12-31T12:00:00Z');
  generateDemoData(t.vault, { cases: 400, seed: 'safe-home-run-list', batchSize: 100, notesPerCase: [0, 1] });
}, 120_000);
afterAll(() => t.cleanup());

function expectEveryPageSame(): void {
  const db = t.vault.db;
  const total = queryRunList(db, '2025-12-31', 1, 0).total;
  for (const today of ['2025-12-31', '2024-06-01', '2030-01-01']) {
    for (const limit of [25, 7]) {
      for (let offset = 0; offset <= total + limit; offset += limit) {
        expect(queryRunList(db, today, limit, offset)).toEqual(queryRunList(db, today, limit, offset, true));
      }
    }
  }
}

const plan = (sql: string) =>
  (
    t.vault.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ today: '2025-12-31', limit: 25, offset: 0 }) as {
      detail: string;
    }[]
  ).map((p) => p.detail);

describe('the Safe Home run list by index', () => {
  it('gives the pages the sort of every run gave, on the demo data', () => {
    const db = t.vault.db;
    const states = db
      .prepare('SELECT closed_on IS NULL AS open, count(*) AS n FROM safe_home_runs GROUP BY 1 ORDER BY 1')
      .all() as { open: number; n: number }[];
    expect(states.map((s) => s.open)).toEqual([0, 1]);
    expect(states.every((s) => s.n > 1)).toBe(true);
    expectEveryPageSame();
  });

  it('stays so with tied dates, runs closed and reopened, and sessions held or not', () => {
    const db = t.vault.db;
    const ids = (where: string) =>
      (db.prepare(`SELECT id FROM safe_home_runs WHERE ${where} ORDER BY id`).all() as { id: string }[]).map(
        (r) => r.id,
      );
    db.transaction(() => {
      const closed = ids('closed_on IS NOT NULL');
      const open = ids('closed_on IS NULL');
      // Ties: two finished runs closed the same day and started the same day, two open runs started together.
      db.prepare('UPDATE safe_home_runs SET closed_on = ?, start_date = ? WHERE id IN (?, ?)').run(
        '2025-06-30',
        '2025-03-01',
        closed[0],
        closed[1],
      );
      if (open.length > 1) {
        db.prepare('UPDATE safe_home_runs SET start_date = ? WHERE id IN (?, ?)').run('2025-11-01', open[0], open[1]);
      }
      db.prepare('UPDATE safe_home_runs SET closed_on = NULL WHERE id = ?').run(closed[2]);
      if (open[2]) db.prepare("UPDATE safe_home_runs SET closed_on = '2025-12-01' WHERE id = ?").run(open[2]);
      // An open run whose registers are all undone goes back to "planned".
      if (open[3]) {
        db.prepare(
          `UPDATE safe_home_sessions SET register_taken_at = NULL, register_taken_by = NULL WHERE run_id = ?`,
        ).run(open[3]);
      }
    })();
    expectEveryPageSame();
  });

  it('reads the page by index: no scan of the sessions, no sort of the finished runs', () => {
    for (const sql of [OPEN_RUNS_PAGE, OPEN_RUNS_COUNT, FINISHED_RUNS_PAGE]) {
      const steps = plan(sql);
      expect(
        steps.some((s) => /SCAN s\b|SCAN safe_home_sessions/.test(s)),
        steps.join('\n'),
      ).toBe(false);
    }
    expect(plan(OPEN_RUNS_COUNT).join('\n')).toMatch(/USING COVERING INDEX safe_home_runs_open/);
    expect(plan(OPEN_RUNS_PAGE).join('\n')).toMatch(/safe_home_runs_open/);
    // Each open run's sessions are counted once, not again for its band and its sort keys.
    expect(plan(OPEN_RUNS_PAGE).filter((s) => s.includes('safe_home_sessions_held'))).toHaveLength(1);
    const finished = plan(FINISHED_RUNS_PAGE).join('\n');
    expect(finished).toMatch(/(SCAN|SEARCH) r USING INDEX safe_home_runs_finished/);
    expect(finished).not.toMatch(/TEMP B-TREE/);
    expect(finished, finished).toMatch(/USING COVERING INDEX safe_home_sessions_held/);
  });
});
