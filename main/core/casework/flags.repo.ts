/** SQL for flags. Flags are never deleted: clearing one records who, when and how. */
import type { FlagView } from '../../../preload/contract/casework';
import type { Db } from '../db/connection';
import { stmt } from '../db/statements';

export type FlagRow = Omit<FlagView, 'state'>;

const SELECT = `SELECT f.id, f.case_id AS caseId, f.reason, f.raised_by AS raisedBy,
    coalesce(u.display_name, '') AS raisedByName, f.raised_at AS raisedAt, f.address_by AS addressBy,
    f.cleared_at AS clearedAt, f.cleared_by AS clearedBy, f.clearing_note AS clearingNote, f.version
  FROM flags f LEFT JOIN users u ON u.id = f.raised_by`;

export function insertFlag(
  db: Db,
  f: { id: string; caseId: string; reason: string; addressBy: string | null; at: string; by: string },
): void {
  stmt(
    db,
    `INSERT INTO flags (id, case_id, reason, raised_by, raised_at, address_by, updated_at, updated_by)
     VALUES (@id, @caseId, @reason, @by, @at, @addressBy, @at, @by)`,
  ).run(f);
}

export function findFlag(db: Db, id: string): FlagRow | null {
  return (stmt(db, `${SELECT} WHERE f.id = ?`).get(id) as FlagRow | undefined) ?? null;
}

/** Clear an open flag. Returns false if it was already cleared. */
export function clearFlagRow(db: Db, id: string, note: string, at: string, by: string): boolean {
  return (
    stmt(
      db,
      `UPDATE flags SET cleared_at = @at, cleared_by = @by, clearing_note = @note, updated_at = @at, updated_by = @by,
         version = version + 1
       WHERE id = @id AND cleared_at IS NULL`,
    ).run({ id, note, at, by }).changes === 1
  );
}

/** A case's flags: open ones first, then newest first. */
export function listFlags(db: Db, caseId: string): FlagRow[] {
  return stmt(db, `${SELECT} WHERE f.case_id = ? ORDER BY f.cleared_at IS NOT NULL, f.raised_at DESC`).all(
    caseId,
  ) as FlagRow[];
}
