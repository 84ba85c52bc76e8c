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

const PERIOD = { from: '2025-01-01', to: '2025-12-31', today: '2025-06-15' };

/**
 * The plan of one of the measures' statements: its period's parameters bound, and any other
 * named parameter a measure uses (a setting it reads first, say) given the period's first day.
 */
function planOf(db: Db, sql: string): string[] {
  const names = [...new Set([...sql.matchAll(/@([a-z_]\w*)/gi)].map((m) => m[1] as string))];
  const values = Object.fromEntries(names.map((n) => [n, (PERIOD as Record<string, string>)[n] ?? PERIOD.from]));
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(values) as { detail: string }[]).map((p) => p.detail);
}

/**
 * The measures' statements that read a per-case table, with their plans: every measure from its
 * records (as it reads the days of the months a period cuts), not from the month tallies.
 */
function casePlans(db: Db): string[][] {
  return measureStatements(db, { ...PERIOD, fromRecords: true })
    .filter((sql) => CASE_TABLES.test(sql))
    .map((sql) => planOf(db, sql));
}

describe('the statistics’ query plans', () => {
  it('read each period through an index, never a case table whole', () => {
    const plans = casePlans(t.vault.db);
    expect(plans.length).toBeGreaterThan(5);
    expect(plans.flat().filter((d) => d.startsWith('SCAN ') && !SMALL_SCANS.test(d))).toEqual([]);
  });

  it('use the covering indexes of migration 150 where the measures rest on them', () => {
    const plans = casePlans(t.vault.db).flat().join('\n');
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

  it('read the whole months from the month tallies by their key, and the caseload from its kept counts', () => {
    const db = t.vault.db;
    const statements = measureStatements(db, { ...PERIOD, from: '2024-12-16', to: '2025-12-15' });
    const tallyReads = statements.filter((sql) => sql.includes('stats_month_counts'));
    expect(tallyReads.length).toBeGreaterThan(0);
    for (const sql of tallyReads) {
      expect(planOf(db, sql)).toEqual([expect.stringMatching(/^SEARCH stats_month_counts USING PRIMARY KEY \(tally=\? AND month>\? AND month<\?\)$/)]);
    }
    expect(statements.some((sql) => sql.includes('stats_open_caseload'))).toBe(true);
    // Only today's month and the two cut months are read from the records, through the same indexes.
    const records = statements.filter((sql) => CASE_TABLES.test(sql)).map((sql) => planOf(db, sql));
    expect(records.flat().filter((d) => d.startsWith('SCAN ') && !SMALL_SCANS.test(d))).toEqual([]);
  });
});
