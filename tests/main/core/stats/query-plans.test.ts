/**
 * The statistics' speed rests on their query plans (BENCHMARKS.md, statistics_compute_year_ms):
 * each measure reaches its period's records through an index and reads no wide table whole. The
 * vault is encrypted page by page, so a whole-table scan means thousands of pages decrypted at
 * 10,000 cases. SQLite plans the same on an empty vault as on a full one here (the app never runs
 * ANALYZE, so no table sizes steer it), so a fresh vault shows the plans a large one gets.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import '../../../../main/core/core';
import type { Db } from '../../../../main/core/db/connection';
import { registeredMeasures, type MeasurePeriod } from '../../../../main/core/stats/measure-registry';
import { makeVault, type TestVault } from '../cases/fixtures';

let t: TestVault;
beforeEach(async () => {
  t = await makeVault('2025-06-15T10:00:00Z');
});
afterEach(() => t.cleanup());

/** Every statement the measures prepare for one computation (`db.prepare` watched meanwhile). */
function measureStatements(db: Db, period: MeasurePeriod): string[] {
  const seen: string[] = [];
  const prepare = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    seen.push(sql);
    return prepare(sql);
  }) as Db['prepare'];
  try {
    for (const m of registeredMeasures()) m.compute(db, { ...period });
  } finally {
    db.prepare = prepare as Db['prepare'];
  }
  return seen;
}

/** What a plan may scan whole: the users (a handful) and the open caseload's own subqueries. */
const SMALL_SCANS = /^SCAN (users|open_cases|workers|o|CONSTANT ROW)\b/;

/**
 * The tables with a row (or more) per case: thousands of pages at 10,000 cases. A statement that
 * reads none of them (the training events, Safe Home's runs: hundreds of rows) is not checked.
 */
const CASE_TABLES = /\b(cases|young_people|case_services|case_clinicians|case_status_history|intervention_sessions|assessments|consultations)\b/;

describe('the statistics’ query plans', () => {
  it('read each period through an index, never a case table whole', () => {
    const period = { from: '2025-01-01', to: '2025-12-31', today: '2025-06-15' };
    const statements = measureStatements(t.vault.db, period);
    expect(statements.length).toBeGreaterThan(5);
    const scans = statements.filter((sql) => CASE_TABLES.test(sql)).flatMap((sql) => {
      const used = Object.fromEntries(Object.entries(period).filter(([k]) => sql.includes(`@${k}`)));
      const plan = t.vault.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(used) as { detail: string }[];
      return plan.map((p) => p.detail).filter((d) => d.startsWith('SCAN ') && !SMALL_SCANS.test(d));
    });
    expect(scans).toEqual([]);
  });

  it('use the covering indexes of migration 150 where the measures rest on them', () => {
    const period = { from: '2025-01-01', to: '2025-12-31', today: '2025-06-15' };
    const plans = measureStatements(t.vault.db, period)
      .map((sql) => {
        const used = Object.fromEntries(Object.entries(period).filter(([k]) => sql.includes(`@${k}`)));
        return (t.vault.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(used) as { detail: string }[])
          .map((p) => p.detail)
          .join('\n');
      })
      .join('\n');
    for (const index of [
      'intervention_sessions_date',
      'cases_report_sent',
      'cases_open_lead',
      'case_status_history_changed',
      'cases_referral_source',
      'young_people_local_authority',
      'case_services_requested',
    ]) {
      expect(plans).toMatch(new RegExp(`USING COVERING INDEX ${index}\\b`));
    }
  });
});
