/** SQL for the paperwork checklist: configurable item types and each case's received items. */
import type { Db } from '../db/connection';
import type { PaperworkItemView } from '../../../preload/contract/case-records';
import type { PaperworkType } from '../../../preload/contract/cases';
import { stmt } from '../db/statements';

export function listPaperworkTypes(db: Db): PaperworkType[] {
  return (
    stmt(
      db,
      'SELECT id, name, required, sort_order AS sortOrder FROM paperwork_item_types WHERE retired = 0 ORDER BY sort_order',
    ).all() as { id: string; name: string; required: number; sortOrder: number }[]
  ).map((r) => ({ ...r, required: r.required === 1 }));
}

export function findPaperworkType(db: Db, id: string): PaperworkType | null {
  return listPaperworkTypes(db).find((t) => t.id === id) ?? null;
}

/** Every current item type, with what this case has received. */
export function listCasePaperwork(db: Db, caseId: string): PaperworkItemView[] {
  return (
    stmt(
      db,
      `SELECT t.id AS typeId, t.name, t.required, p.received_date AS receivedDate, p.notes
       FROM paperwork_item_types t LEFT JOIN case_paperwork p ON p.type_id = t.id AND p.case_id = ?
       WHERE t.retired = 0 ORDER BY t.sort_order`,
    ).all(caseId) as (Omit<PaperworkItemView, 'required'> & { required: number })[]
  ).map((r) => ({ ...r, required: r.required === 1 }));
}

export function upsertCasePaperwork(
  db: Db,
  item: { caseId: string; typeId: string; receivedDate: string | null; notes: string | null },
  at: string,
  by: string,
): void {
  stmt(
    db,
    `INSERT INTO case_paperwork (case_id, type_id, received_date, notes, updated_at, updated_by)
     VALUES (@caseId, @typeId, @receivedDate, @notes, @at, @by)
     ON CONFLICT (case_id, type_id) DO UPDATE SET received_date = excluded.received_date, notes = excluded.notes,
       updated_at = excluded.updated_at, updated_by = excluded.updated_by, version = version + 1`,
  ).run({ ...item, at, by });
}

/**
 * The paperwork-complete date: the latest received date of the required items, once every
 * required item has one; null while any is missing.
 */
export function paperworkCompleteDate(items: PaperworkItemView[]): string | null {
  const required = items.filter((i) => i.required);
  if (required.length === 0 || required.some((i) => !i.receivedDate)) return null;
  return (
    required
      .map((i) => i.receivedDate as string)
      .sort()
      .at(-1) ?? null
  );
}

/** Insert or change one checklist item type (retired items stay, for cases that hold them). */
export function upsertPaperworkType(
  db: Db,
  type: { id: string; name: string; required: boolean; sortOrder: number; retired: boolean },
): void {
  stmt(
    db,
    `INSERT INTO paperwork_item_types (id, name, required, sort_order, retired)
     VALUES (@id, @name, @required, @sortOrder, @retired)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, required = excluded.required,
       sort_order = excluded.sort_order, retired = excluded.retired`,
  ).run({ ...type, required: type.required ? 1 : 0, retired: type.retired ? 1 : 0 });
}

export function paperworkTypeExists(db: Db, id: string): boolean {
  return stmt(db, 'SELECT 1 FROM paperwork_item_types WHERE id = ?').get(id) !== undefined;
}

export function nextPaperworkSortOrder(db: Db): number {
  return (stmt(db, 'SELECT coalesce(max(sort_order), 0) + 10 AS n FROM paperwork_item_types').get() as { n: number }).n;
}
