/**
 * The month tallies (migration 290) give exactly the figures the records give: every measure is
 * computed both ways (`fromRecords`) on a generated demo vault, for periods that cut months,
 * hold only whole ones, fall inside one month or span ten years, and again after edits, deletes
 * and a case's disposal. The triggers' tallies are also compared cell by cell with a fresh count
 * of the records (the migration's backfill), so a trigger that drifts is found even where no
 * period happens to show it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import '../../../../main/core/core';
import {
  MONTH_TALLIES_BACKFILL,
  OPEN_CASELOAD_BACKFILL,
} from '../../../../main/core/db/migrations/m0290-statistics-month-tallies';
import { generateDemoData } from '../../../../main/core/demo/generate';
import { deleteCaseRows } from '../../../../main/core/retention/case-tables';
import { measureRows, registeredMeasures } from '../../../../main/core/stats/measure-registry';
import { splitPeriod } from '../../../../main/core/stats/month-tallies';
import { makeVault, type TestVault } from '../cases/fixtures';

let t: TestVault;
beforeAll(async () => {
  t = await makeVault('2025-12-31T12:00:00Z');
  generateDemoData(t.vault, { cases: 240, seed: 'tallies', batchSize: 60, notesPerCase: [0, 1] });
}, 120_000);
afterAll(() => t.cleanup());

const PERIODS = [
  { from: '2025-01-01', to: '2025-12-31' }, // whole months only
  { from: '2024-12-16', to: '2025-12-15' }, // a year that cuts its first and last month
  { from: '2016-01-01', to: '2025-12-31' }, // ten years
  { from: '2023-03-05', to: '2023-03-20' }, // inside one month
  { from: '2025-02-28', to: '2025-03-01' }, // two cut months, no whole one
  { from: '2024-01-01', to: '2026-06-30' }, // past today, and today's month whole
];
const TODAYS = ['2025-12-31', '2025-06-10', '2024-03-01'];

function bothWays(period: { from: string; to: string }, today: string) {
  const db = t.vault.db;
  const rows = (fromRecords: boolean) =>
    registeredMeasures().flatMap((m) => measureRows(m, db, { ...period, today, fromRecords }));
  return { tallies: rows(false), records: rows(true) };
}

function expectSameEverywhere(): void {
  for (const period of PERIODS) {
    for (const today of TODAYS) {
      const { tallies, records } = bothWays(period, today);
      expect(tallies, `${period.from} to ${period.to}, today ${today}`).toEqual(records);
    }
  }
}

/** The tallies' non-empty cells as the triggers left them, and as a fresh count of the records gives them. */
function expectTalliesRecount(): void {
  const db = t.vault.db;
  const cells = () => [
    ...db.prepare('SELECT tally, month, grp, n FROM stats_month_counts WHERE n <> 0 ORDER BY tally, month, grp').all(),
    ...db.prepare('SELECT user_key, n FROM stats_open_caseload WHERE n <> 0 ORDER BY user_key').all(),
  ];
  const kept = cells();
  db.transaction(() => {
    db.exec('DELETE FROM stats_month_counts; DELETE FROM stats_open_caseload');
    db.exec(MONTH_TALLIES_BACKFILL);
    db.exec(OPEN_CASELOAD_BACKFILL);
  })();
  expect(kept).toEqual(cells());
  expect(kept.length).toBeGreaterThan(50);
}

const anyCase = (where: string) =>
  (t.vault.db.prepare(`SELECT id FROM cases WHERE ${where} ORDER BY id LIMIT 1`).get() as { id: string }).id;

describe('the statistics from the month tallies', () => {
  it('splits a period into whole months and the days of the months it cuts', () => {
    const split = splitPeriod({ from: '2024-12-16', to: '2025-12-15', today: '2025-12-31' }, ['2025-06']);
    expect(split.months).toEqual([
      { first: '2025-01', last: '2025-05' },
      { first: '2025-07', last: '2025-11' },
    ]);
    expect(split.days).toEqual([
      { from: '2024-12-16', to: '2024-12-31' },
      { from: '2025-06-01', to: '2025-06-30' },
      { from: '2025-12-01', to: '2025-12-15' },
    ]);
    expect(splitPeriod({ from: '2025-01-01', to: '2025-12-31', today: '2025-12-31', fromRecords: true })).toEqual({
      months: [],
      days: [{ from: '2025-01-01', to: '2025-12-31' }],
    });
  });

  it('has the tallies the demo data gives, and every figure as the records give it', () => {
    expect(bothWays(PERIODS[0] as { from: string; to: string }, '2025-12-31').tallies.length).toBeGreaterThan(40);
    expectTalliesRecount();
    expectSameEverywhere();
  });

  it('keeps them exact through edits of every column a tally counts by', () => {
    const db = t.vault.db;
    db.transaction(() => {
      // A case moved to another month, another source; its young person to another authority.
      const moved = anyCase("referral_date LIKE '2025-03-%'");
      db.prepare("UPDATE cases SET referral_date = '2024-12-20', referral_source = ' Police' WHERE id = ?").run(moved);
      db.prepare("UPDATE young_people SET local_authority = 'Kirklees' WHERE case_id = ?").run(moved);
      db.prepare('UPDATE young_people SET local_authority = NULL WHERE case_id = ?').run(anyCase('1 = 1'));
      // Services asked for and taken back.
      db.prepare('UPDATE case_services SET requested = 1 - requested WHERE case_id IN (SELECT id FROM cases LIMIT 30)').run();
      db.prepare(
        "INSERT OR IGNORE INTO case_services (case_id, service, requested) SELECT id, 'safe_home', 1 FROM cases LIMIT 20",
      ).run();
      // The assessment clock: reports sent, dates moved, a case closed before its report.
      db.prepare(
        `UPDATE cases SET assessment_completed_date = date(assessment_due_date, '-3 days')
          WHERE id IN (SELECT id FROM cases WHERE assessment_due_date IS NOT NULL AND assessment_completed_date IS NULL LIMIT 10)`,
      ).run();
      db.prepare(
        `UPDATE cases SET paperwork_complete_date = date(paperwork_complete_date, '-11 days'),
                          assessment_due_date = date(assessment_due_date, '+40 days')
          WHERE id IN (SELECT id FROM cases WHERE paperwork_complete_date IS NOT NULL LIMIT 15)`,
      ).run();
      db.prepare(
        `UPDATE cases SET status = 'closed'
          WHERE id IN (SELECT id FROM cases WHERE assessment_completed_date IS NULL AND assessment_due_date IS NOT NULL
                        AND status <> 'closed' LIMIT 5)`,
      ).run();
      // The caseload: lead workers taken off and changed, clinicians allocated and taken off, cases
      // reopened and closed (a status change after a past period's end).
      const users = (db.prepare('SELECT id FROM users ORDER BY id').all() as { id: string }[]).map((u) => u.id);
      db.prepare(
        "UPDATE cases SET lead_worker_id = NULL WHERE id IN (SELECT id FROM cases WHERE status IN ('referred', 'accepted', 'active') LIMIT 8)",
      ).run();
      db.prepare('UPDATE cases SET lead_worker_id = ? WHERE id IN (SELECT id FROM cases ORDER BY reference LIMIT 12)').run(
        users[0],
      );
      db.prepare('DELETE FROM case_clinicians WHERE case_id IN (SELECT case_id FROM case_clinicians LIMIT 9)').run();
      db.prepare(
        "INSERT OR IGNORE INTO case_clinicians (case_id, user_id) SELECT id, ? FROM cases WHERE status IN ('referred', 'accepted', 'active') LIMIT 10",
      ).run(users[users.length - 1]);
      db.prepare(
        "UPDATE OR IGNORE case_clinicians SET user_id = ? WHERE rowid IN (SELECT rowid FROM case_clinicians WHERE user_id <> ? LIMIT 3)",
      ).run(users[0], users[0]);
      const reopened = anyCase("status = 'closed'");
      db.prepare("UPDATE cases SET status = 'active' WHERE id = ?").run(reopened);
      db.prepare(
        "INSERT INTO case_status_history (id, case_id, from_status, to_status, changed_at, changed_by) VALUES ('h-reopen', ?, 'closed', 'active', '2024-06-01T10:00:00Z', ?)",
      ).run(reopened, users[0]);
      // Consultations and sessions re-dated and re-recorded.
      db.prepare(
        "UPDATE consultations SET meeting_date = date(meeting_date, '+17 days'), suitability = 'later', suitability_reason = 'Not yet.' WHERE id IN (SELECT id FROM consultations LIMIT 10)",
      ).run();
      db.prepare(
        "UPDATE intervention_sessions SET attendance = 'did_not_attend', attendance_reason = 'No answer.', session_date = date(session_date, '-9 days') WHERE id IN (SELECT id FROM intervention_sessions LIMIT 25)",
      ).run();
    })();
    expectTalliesRecount();
    expectSameEverywhere();
  });

  it('keeps them exact through deletes, an assessment added and removed, and a case disposed of', () => {
    const db = t.vault.db;
    db.transaction(() => {
      db.prepare('DELETE FROM consultations WHERE id IN (SELECT id FROM consultations LIMIT 7)').run();
      db.prepare('DELETE FROM intervention_sessions WHERE id IN (SELECT id FROM intervention_sessions LIMIT 7)').run();
      // An assessed case loses its assessments: it leaves the 12-week figures.
      db.prepare('DELETE FROM assessments WHERE case_id = ?').run(
        anyCase('assessment_completed_date IS NOT NULL AND id IN (SELECT case_id FROM assessments)'),
      );
      // A case's young person and services removed by hand, and a case deleted with its cascade.
      const bare = anyCase("id IN (SELECT case_id FROM case_services WHERE requested = 1)");
      db.prepare('DELETE FROM case_services WHERE case_id = ?').run(bare);
      db.prepare('DELETE FROM young_people WHERE case_id = ?').run(bare);
      db.pragma('defer_foreign_keys = ON');
      db.prepare('DELETE FROM cases WHERE id = ?').run(anyCase('id IN (SELECT case_id FROM assessments)'));
    })();
    // A disposal, table by table then the case, as retention does it.
    db.transaction(() => deleteCaseRows(db, anyCase('id IN (SELECT case_id FROM consultations)')))();
    expectTalliesRecount();
    expectSameEverywhere();
  });
});
