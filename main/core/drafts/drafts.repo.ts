/** SQL for drafts. Every query is scoped to one user: drafts are personal. */
import type { DraftSummary } from '../../../preload/contract/drafts';
import type { SessionUser } from '../../../preload/contract';
import { stmt } from '../db/statements';
import { visibleCaseCondition } from '../cases/visibility';
import type { Db } from '../db/connection';
import { draftRecord, toDraftSummary, type DraftRow, type DraftWithCase } from './drafts.record';

const SELECT = `SELECT ${draftRecord.select('d')}, c.reference AS case_reference
                FROM drafts d LEFT JOIN cases c ON c.id = d.case_id`;
/** One draft per form and user: a later save replaces the content, keeping the first id and created_at. */
const UPSERT = `${draftRecord.insertSql()}
  ON CONFLICT (user_id, form_key) DO UPDATE SET
    case_id = excluded.case_id, title = excluded.title, state = excluded.state, updated_at = excluded.updated_at`;

export interface StoredDraft extends DraftSummary {
  id: string;
  /** The form's state, as the JSON text it was stored as. */
  stateJson: string;
}

export function findDraft(db: Db, userId: string, key: string): StoredDraft | null {
  const row = stmt(db, `${SELECT} WHERE d.user_id = ? AND d.form_key = ?`).get(userId, key) as
    DraftWithCase | undefined;
  return row ? { ...toDraftSummary(row), id: row.id, stateJson: row.state } : null;
}

export interface DraftWrite {
  id: string;
  userId: string;
  key: string;
  caseId: string | null;
  title: string;
  stateJson: string;
  at: string;
}

/** Insert or replace the user's draft for a key; the first save's id and created_at stay. */
export function upsertDraft(db: Db, d: DraftWrite): void {
  const row: DraftRow = {
    id: d.id,
    user_id: d.userId,
    form_key: d.key,
    case_id: d.caseId,
    title: d.title,
    state: d.stateJson,
    created_at: d.at,
    updated_at: d.at,
  };
  stmt(db, UPSERT).run(row);
}

export function deleteDraft(db: Db, userId: string, key: string): boolean {
  return stmt(db, 'DELETE FROM drafts WHERE user_id = ? AND form_key = ?').run(userId, key).changes === 1;
}

/**
 * The user's drafts, most recently saved first. A draft of a case is listed only while the
 * case exists and the user may see it (the same rule as the caseload and search).
 */
export function listDrafts(db: Db, user: SessionUser): DraftSummary[] {
  const visible = visibleCaseCondition(user, 'c.id');
  const rows = db
    .prepare(
      `${SELECT} WHERE d.user_id = @userId AND (d.case_id IS NULL OR (c.id IS NOT NULL AND ${visible.sql}))
       ORDER BY d.updated_at DESC, d.id`,
    )
    .all({ ...visible.params, userId: user.id }) as DraftWithCase[];
  return rows.map(toDraftSummary);
}

/** Whether the user may see a case now (it exists and the visibility rule allows it). */
export function caseVisibleTo(db: Db, user: SessionUser, caseId: string): boolean {
  const visible = visibleCaseCondition(user, 'c.id');
  return (
    db.prepare(`SELECT 1 FROM cases c WHERE c.id = @caseId AND ${visible.sql}`).get({ ...visible.params, caseId }) !==
    undefined
  );
}
