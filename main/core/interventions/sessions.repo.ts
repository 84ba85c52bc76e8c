/** SQL for the session log and the safeguarding concerns raised in sessions. */
import type { Db } from '../db/connection';
import type { RowOf, ViewOf } from '../db/record';
import { stmt } from '../db/statements';
import { concernRecord, sessionRecord } from './interventions.records';

export type SessionRow = ViewOf<typeof sessionRecord.columns>;
export type ConcernRow = ViewOf<typeof concernRecord.columns>;
type StoredSession = RowOf<typeof sessionRecord.columns>;

export function findSession(db: Db, id: string): SessionRow | null {
  const row = stmt(db, `SELECT ${sessionRecord.select()} FROM intervention_sessions WHERE id = ?`).get(id) as
    StoredSession | undefined;
  return row ? sessionRecord.toView(row) : null;
}

export function insertSession(db: Db, row: SessionRow): void {
  stmt(db, sessionRecord.insertSql()).run(sessionRecord.toRow(row));
}

const EDITABLE = sessionRecord.except(['id', 'case_id', 'plan_id', 'created_at', 'created_by', 'version']);

/** Write a session's new content; false when it moved past `expectedVersion`. */
export function reviseSession(db: Db, id: string, expectedVersion: number, fields: Partial<SessionRow>): boolean {
  return (
    stmt(db, sessionRecord.updateSql(EDITABLE)).run({
      ...sessionRecord.toRow(fields),
      id,
      expected_version: expectedVersion,
    }).changes === 1
  );
}

/**
 * One page of a case's session log (or one plan's), newest first. Walks
 * `intervention_sessions_case` for the case; a plan's page is the same walk filtered by plan.
 */
export function pageSessions(
  db: Db,
  caseId: string,
  planId: string | null,
  limit: number,
  offset: number,
): { rows: SessionRow[]; total: number } {
  const where = planId ? 'case_id = @caseId AND plan_id = @planId' : 'case_id = @caseId';
  const rows = (
    stmt(
      db,
      `SELECT ${sessionRecord.select()} FROM intervention_sessions INDEXED BY intervention_sessions_case
        WHERE ${where} ORDER BY session_date DESC, start_time DESC, id LIMIT @limit OFFSET @offset`,
    ).all({ caseId, planId, limit, offset }) as StoredSession[]
  ).map((r) => sessionRecord.toView(r));
  const { n } = stmt(db, `SELECT count(*) AS n FROM intervention_sessions WHERE ${where}`).get({ caseId, planId }) as {
    n: number;
  };
  return { rows, total: n };
}

/** The plan's last held session (attended, cancelled or not attended), or null. */
export function lastHeldSession(db: Db, planId: string): SessionRow | null {
  const row = stmt(
    db,
    `SELECT ${sessionRecord.select()} FROM intervention_sessions
      WHERE plan_id = ? AND attendance = 'attended' ORDER BY session_date DESC, start_time DESC LIMIT 1`,
  ).get(planId) as StoredSession | undefined;
  return row ? sessionRecord.toView(row) : null;
}

/** Whether a planned session of the plan is dated after `date`. */
export function plannedAfter(db: Db, planId: string, date: string): boolean {
  return (
    stmt(
      db,
      `SELECT 1 FROM intervention_sessions WHERE plan_id = ? AND attendance = 'planned' AND session_date > ? LIMIT 1`,
    ).get(planId, date) !== undefined
  );
}

export function insertConcern(db: Db, row: ConcernRow): void {
  stmt(db, concernRecord.insertSql()).run(concernRecord.toRow(row));
}

/** The concerns of some sessions, oldest first, keyed by session. */
export function concernsOf(db: Db, sessionIds: readonly string[]): Map<string, ConcernRow[]> {
  const out = new Map<string, ConcernRow[]>();
  if (sessionIds.length === 0) return out;
  const rows = (
    stmt(
      db,
      `SELECT ${concernRecord.select('c')} FROM intervention_concerns c
        WHERE c.session_id IN (SELECT value FROM json_each(?)) ORDER BY c.created_at, c.id`,
    ).all(JSON.stringify(sessionIds)) as RowOf<typeof concernRecord.columns>[]
  ).map((r) => concernRecord.toView(r));
  for (const r of rows) out.set(r.sessionId, [...(out.get(r.sessionId) ?? []), r]);
  return out;
}

/**
 * Which of some sessions have been signed or given an addendum (subject kind `kind`): only those
 * need their sign-off read, so a page of the log makes one query here, not two per session.
 */
export function sessionsWithSignoff(db: Db, kind: string, sessionIds: readonly string[]): Set<string> {
  if (sessionIds.length === 0) return new Set();
  const rows = stmt(
    db,
    `SELECT subject_id AS id FROM report_signoffs
      WHERE subject_kind = @kind AND subject_id IN (SELECT value FROM json_each(@ids))
     UNION
     SELECT subject_id FROM report_addenda
      WHERE subject_kind = @kind AND subject_id IN (SELECT value FROM json_each(@ids))`,
  ).all({ kind, ids: JSON.stringify(sessionIds) }) as { id: string }[];
  return new Set(rows.map((r) => r.id));
}
