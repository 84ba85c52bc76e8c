/**
 * Which tables hold a case's records, read from the schema itself rather than from a list kept
 * by hand: every table with a `case_id` column holds rows of one case, and the tables below them
 * (note revisions, assessment stages ...) reach their case through a foreign key with
 * ON DELETE CASCADE. A module added later is therefore covered by the same rule the moment its
 * migration runs, and `assertNothingLeft` checks the bundle registry's own view of the case file
 * on top, so a table that escapes both is found before the disposal commits.
 */
import type { Db } from '../db/connection';
import { AppError } from '../errors';
import type { BundleRegistry } from '../bundles/registry';

/**
 * Tables with a `case_id` that outlive a disposal, and why. The audit chain keeps its rows: they
 * hold ids and codes, not names or clinical content, and deleting one would break the chain.
 */
export const KEPT_AFTER_DISPOSAL: Readonly<Record<string, string>> = {
  audit_log: 'the hash-chained audit trail: ids and action codes only, and the chain must still verify',
};

/** Every ordinary table with a `case_id` column, except those kept. `cases` itself is not among them. */
export function caseTables(db: Db): string[] {
  const tables = db
    .prepare(
      `SELECT m.name FROM sqlite_schema m
       WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.sql NOT LIKE 'CREATE VIRTUAL TABLE%'
         AND EXISTS (SELECT 1 FROM pragma_table_info(m.name) c WHERE c.name = 'case_id')
       ORDER BY m.name`,
    )
    .all() as { name: string }[];
  return tables.map((t) => t.name).filter((name) => !(name in KEPT_AFTER_DISPOSAL));
}

/**
 * The full-text indexes (FTS5). One without FTS5's `secure-delete` keeps a deleted row's terms in
 * older segments until it is merged; `notes_fts` and `documents_fts` have it (migration 270).
 */
export function fullTextIndexes(db: Db): string[] {
  const rows = db
    .prepare(
      `SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%USING fts5%' ORDER BY name`,
    )
    .all() as { name: string }[];
  return rows.map((r) => r.name);
}

/** Whether `index` removes a deleted row's terms as it is deleted (FTS5 `secure-delete`, kept in its config). */
export function deletesSecurely(db: Db, index: string): boolean {
  return db.prepare(`SELECT v FROM "${index}_config" WHERE k = 'secure-delete'`).pluck().get() === 1;
}

/**
 * Delete every row of the case: each case table by `case_id` (their children cascade), then the
 * case. Foreign keys are checked at commit instead of per statement, so the order of the tables
 * does not matter; a reference left pointing at a deleted row makes the commit fail, and the
 * whole disposal with it.
 */
export function deleteCaseRows(db: Db, caseId: string): Record<string, number> {
  db.pragma('defer_foreign_keys = ON');
  const removed: Record<string, number> = {};
  for (const table of caseTables(db)) {
    removed[table] = db.prepare(`DELETE FROM ${table} WHERE case_id = ?`).run(caseId).changes;
  }
  removed.cases = db.prepare('DELETE FROM cases WHERE id = ?').run(caseId).changes;
  return removed;
}

/**
 * Refuse (and so roll back) when anything of the case is still there: a case table with a row,
 * or a bundle module that still collects a record for it (a module whose table escaped the
 * schema rule). The users module is skipped: users are not the case's records.
 */
export function assertNothingLeft(db: Db, caseId: string, registry: BundleRegistry): void {
  const left: string[] = [];
  for (const table of caseTables(db)) {
    if (db.prepare(`SELECT 1 FROM ${table} WHERE case_id = ? LIMIT 1`).get(caseId)) left.push(table);
  }
  if (db.prepare('SELECT 1 FROM cases WHERE id = ?').get(caseId)) left.push('cases');
  for (const module of registry.modules) {
    if (module.name === 'users') continue;
    if (module.collect(db, caseId, { includeThirdPartySensitive: true }).length > 0)
      left.push(`bundle module ${module.name}`);
  }
  if (left.length > 0) {
    throw new AppError(
      'INTERNAL',
      `Disposal stopped, nothing was removed: records of the case were left in ${left.join(', ')}.`,
    );
  }
}
