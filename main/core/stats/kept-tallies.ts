/**
 * The counts kept by triggers since migration 290 (the statistics' month tallies and open
 * caseload, the Safe Home summary's cells, the plans' clinicians as rows), each beside the query
 * that counts it afresh from the records. They are derived data: nothing is lost if one drifts,
 * but a dashboard would show wrong figures without any error. `ncats verify` (and every restore)
 * recounts each inside a savepoint that is rolled back and says which differ.
 *
 * A later migration that redefines a tally exports its own backfill, and the entry here points to it.
 */
import type { Db } from '../db/connection';
import {
  MONTH_TALLIES_BACKFILL,
  OPEN_CASELOAD_BACKFILL,
  PLAN_CLINICIANS_BACKFILL,
  SAFE_HOME_CELLS_BACKFILL,
} from '../db/migrations/m0290-statistics-month-tallies';

export interface KeptTable {
  table: string;
  /** What it is for, in words for the check's report. */
  purpose: string;
  /** Every column, the key first: rows are compared whole, in this order. */
  columns: string;
  /** Rows that count: a tally's cell that went back to zero is the same as no cell. */
  counted: string;
  backfill: string;
}

export const KEPT_TABLES: readonly KeptTable[] = [
  {
    table: 'stats_month_counts',
    purpose: 'statistics by month',
    columns: 'tally, month, grp, n',
    counted: 'n <> 0',
    backfill: MONTH_TALLIES_BACKFILL,
  },
  {
    table: 'stats_open_caseload',
    purpose: 'open caseload by clinician',
    columns: 'user_key, n',
    counted: 'n <> 0',
    backfill: OPEN_CASELOAD_BACKFILL,
  },
  {
    table: 'safe_home_summary_cells',
    purpose: 'Safe Home summary',
    columns: 'planned_sessions, finished, withdrawn, attended, safety, last_seq, n',
    counted: 'n <> 0',
    backfill: SAFE_HOME_CELLS_BACKFILL,
  },
  {
    table: 'intervention_plan_clinicians',
    purpose: "intervention plans' clinicians",
    columns: 'user_id, plan_id',
    counted: '1',
    backfill: PLAN_CLINICIANS_BACKFILL,
  },
];

export interface KeptTableDrift {
  table: string;
  purpose: string;
  /** Rows kept that a fresh count does not give, plus rows it gives that are not kept. */
  differing: number;
}

function rowsOf(db: Db, kept: KeptTable): Set<string> {
  const rows = db.prepare(`SELECT ${kept.columns} FROM ${kept.table} WHERE ${kept.counted}`).raw().all();
  return new Set(rows.map((r) => JSON.stringify(r)));
}

/**
 * Each kept table against a fresh count of the records; only the tables that differ are returned.
 * Nothing is changed: the recount happens inside a savepoint that is always rolled back.
 */
export function keptTablesDrift(db: Db): KeptTableDrift[] {
  const drift: KeptTableDrift[] = [];
  for (const kept of KEPT_TABLES) {
    const before = rowsOf(db, kept);
    let fresh = new Set<string>();
    db.exec('SAVEPOINT kept_tally_recount');
    try {
      db.exec(`DELETE FROM ${kept.table}; ${kept.backfill}`);
      fresh = rowsOf(db, kept);
    } finally {
      db.exec('ROLLBACK TO kept_tally_recount; RELEASE kept_tally_recount');
    }
    let differing = 0;
    for (const row of before) if (!fresh.has(row)) differing++;
    for (const row of fresh) if (!before.has(row)) differing++;
    if (differing > 0) drift.push({ table: kept.table, purpose: kept.purpose, differing });
  }
  return drift;
}
