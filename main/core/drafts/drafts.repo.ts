/** SQL for drafts. Every query is scoped to one user: drafts are personal. */
import type { DraftSummary } from '../../../preload/contract/drafts';
import type { SessionUser } from '../../../preload/contract';
import { stmt } from '../db/statements';
import { visibleCaseCondition } from '../cases/visibility';
import type { Db } from '../db/connection';

interface DraftRow {
  id: string;
  form_key: string;
  case_id: string | null;
  case_reference: string | null;
  title: string;
  state: string;
  created_at: string;
  updated_at: string;
}

function toSummary(r: DraftRow): DraftSummary {
  return {
    key: r.form_key,
    caseId: r.case_id,
    caseReference: r.case_reference,
    title: r.title,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

const SELECT = `SELECT d.id, d.form_key, d.case_id, c.reference AS case_reference, d.title, d.state,
                       d.created_at, d.updated_at
                FROM drafts d LEFT JOIN cases c ON c.id = d.case_id`;

export interface StoredDraft extends DraftSummary {
  id: string;
  /** The form's state, as the JSON text it was stored as. */
  stateJson: string;
}

export function findDraft(db: Db, userId: string, key: string): StoredDraft | null {
  const row = stmt(db, `${SELECT} WHERE d.user_id = ? AND d.form_key = ?`).get(userId, key) as DraftRow | undefined;
  return row ? { ...toSummary(row), id: row.id, stateJson: row.state } : null;
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
  stmt(
    db,
    `INSERT INTO drafts (id, user_id, form_key, case_id, title, state, created_at, updated_at)
     VALUES (@id, @userId, @key, @caseId, @title, @stateJson, @at, @at)
     ON CONFLICT (user_id, form_key) DO UPDATE SET
       case_id = excluded.case_id, title = excluded.title, state = excluded.state, updated_at = excluded.updated_at`,
  ).run(d);
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
    .all({ ...visible.params, userId: user.id }) as DraftRow[];
  return rows.map(toSummary);
}

/** Whether the user may see a case now (it exists and the visibility rule allows it). */
export function caseVisibleTo(db: Db, user: SessionUser, caseId: string): boolean {
  const visible = visibleCaseCondition(user, 'c.id');
  return (
    db.prepare(`SELECT 1 FROM cases c WHERE c.id = @caseId AND ${visible.sql}`).get({ ...visible.params, caseId }) !==
    undefined
  );
}
