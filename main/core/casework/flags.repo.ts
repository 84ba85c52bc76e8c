/** SQL for flags. Flags are never deleted: clearing one records who, when and how. */
import type { FlagView } from '../../../preload/contract/casework';
import type { Db } from '../db/connection';
import { stmt } from '../db/statements';
import { flagRecord, toFlagFields, type FlagWithRaiser } from './flags.record';

export type FlagRow = Omit<FlagView, 'state'>;

const SELECT = `SELECT ${flagRecord.select('f')}, coalesce(u.display_name, '') AS raised_by_name
  FROM flags f LEFT JOIN users u ON u.id = f.raised_by`;
/** A new flag is open: its clearing columns stay NULL and `version` starts at the DDL's default. */
const INSERT = flagRecord.insertSql(flagRecord.except(['cleared_at', 'cleared_by', 'clearing_note', 'version']));
const CLEAR = flagRecord.updateSql(
  ['cleared_at', 'cleared_by', 'clearing_note', 'updated_at', 'updated_by'],
  'id = @id AND cleared_at IS NULL',
);

export function insertFlag(
  db: Db,
  f: { id: string; caseId: string; reason: string; addressBy: string | null; at: string; by: string },
): void {
  stmt(db, INSERT).run({
    ...flagRecord.toRow(f),
    raised_by: f.by,
    raised_at: f.at,
    updated_at: f.at,
    updated_by: f.by,
  });
}

export function findFlag(db: Db, id: string): FlagRow | null {
  const row = stmt(db, `${SELECT} WHERE f.id = ?`).get(id) as FlagWithRaiser | undefined;
  return row ? toFlagFields(row) : null;
}

/** Clear an open flag. Returns false if it was already cleared. */
export function clearFlagRow(db: Db, id: string, note: string, at: string, by: string): boolean {
  return (
    stmt(db, CLEAR).run({ id, cleared_at: at, cleared_by: by, clearing_note: note, updated_at: at, updated_by: by })
      .changes === 1
  );
}

/** A case's flags: open ones first, then newest first. */
export function listFlags(db: Db, caseId: string): FlagRow[] {
  const rows = stmt(db, `${SELECT} WHERE f.case_id = ? ORDER BY f.cleared_at IS NOT NULL, f.raised_at DESC`).all(
    caseId,
  ) as FlagWithRaiser[];
  return rows.map(toFlagFields);
}
