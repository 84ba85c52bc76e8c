/**
 * Safe Home's service view from the cells kept by migration 290's triggers gives exactly what the
 * view worked out from every run and carer gives (`fromRecords`), on a generated demo vault, and
 * again after carers withdraw, registers change, runs are closed, reopened, shortened and deleted.
 * The kept cells are also compared with a fresh count (the migration's backfill).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import '../../../../main/core/core';
import { SAFE_HOME_CELLS_BACKFILL } from '../../../../main/core/db/migrations/m0290-statistics-month-tallies';
import { generateDemoData } from '../../../../main/core/demo/generate';
import { queryServiceView } from '../../../../main/core/safe-home/service-view';
import { makeVault, type TestVault } from '../cases/fixtures';

let t: TestVault;
beforeAll(async () => {
  t = await makeVault('2025-12-31T12:00:00Z');
  generateDemoData(t.vault, { cases: 400, seed: 'safe-home-cells', batchSize: 100, notesPerCase: [0, 1] });
}, 120_000);
afterAll(() => t.cleanup());

function expectSameBothWays(): void {
  const db = t.vault.db;
  for (const today of ['2025-12-31', '2024-06-01']) {
    expect(queryServiceView(db, today)).toEqual(queryServiceView(db, today, true));
  }
  const cells = () =>
    db
      .prepare(
        `SELECT planned_sessions, finished, withdrawn, attended, safety, last_seq, n FROM safe_home_summary_cells
          WHERE n <> 0 ORDER BY 1, 2, 3, 4, 5, 6`,
      )
      .all();
  const kept = cells();
  db.transaction(() => {
    db.exec('DELETE FROM safe_home_summary_cells');
    db.exec(SAFE_HOME_CELLS_BACKFILL);
  })();
  expect(kept).toEqual(cells());
}

describe('the Safe Home summary from its kept cells', () => {
  it('is the summary of every run and carer, on the demo data', () => {
    const view = queryServiceView(t.vault.db, '2025-12-31');
    expect(view.carersEnrolled).toBeGreaterThan(10);
    expect(view.runsFinished).toBeGreaterThan(0);
    expectSameBothWays();
  });

  it('stays so as carers withdraw, registers change and runs are closed, reopened, shortened and deleted', () => {
    const db = t.vault.db;
    const runs = (where: string) =>
      (db.prepare(`SELECT id FROM safe_home_runs WHERE ${where} ORDER BY id`).all() as { id: string }[]).map((r) => r.id);
    db.transaction(() => {
      db.prepare(
        "UPDATE safe_home_enrolments SET withdrawn_on = '2025-03-01', withdrawal_reason = 'moved_away' WHERE id IN (SELECT id FROM safe_home_enrolments WHERE withdrawn_on IS NULL LIMIT 6)",
      ).run();
      db.prepare('DELETE FROM safe_home_register WHERE rowid IN (SELECT rowid FROM safe_home_register LIMIT 40)').run();
      const [closed, open] = [runs('closed_on IS NOT NULL'), runs('closed_on IS NULL')];
      db.prepare('UPDATE safe_home_runs SET closed_on = NULL WHERE id = ?').run(closed[0]);
      if (open[0]) db.prepare("UPDATE safe_home_runs SET closed_on = '2025-12-01' WHERE id = ?").run(open[0]);
      db.prepare('UPDATE safe_home_runs SET planned_sessions = 12 WHERE id IN (SELECT id FROM safe_home_runs LIMIT 5)').run();
      db.pragma('defer_foreign_keys = ON');
      db.prepare('DELETE FROM safe_home_runs WHERE id = ?').run(closed[1]);
    })();
    expectSameBothWays();
  });
});
