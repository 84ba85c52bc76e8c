/** SQL for batch (ongoing) consultations: agreements, their sessions and the cases discussed. */
import type {
  AgreementSummary,
  AgreementView,
  DiscussedCaseView,
  SessionView,
} from '../../../preload/contract/consultations';
import type { Db } from '../db/connection';
import type { RowOf, ViewOf } from '../db/record';
import { stmt } from '../db/statements';
import { agreementRecord, discussedCaseRecord, sessionRecord } from './consultations.records';

export type AgreementRow = ViewOf<typeof agreementRecord.columns>;
export type SessionRow = ViewOf<typeof sessionRecord.columns>;
export type DiscussedCaseRow = ViewOf<typeof discussedCaseRecord.columns>;

function agreementView(r: AgreementRow): AgreementView {
  return {
    id: r.id,
    organisation: r.organisation,
    team: r.team,
    frequency: r.frequency,
    startDate: r.startDate,
    endDate: r.endDate,
    contact: r.contact,
    version: r.version,
  };
}

export function findAgreement(db: Db, id: string): AgreementView | null {
  const row = stmt(db, `SELECT ${agreementRecord.select()} FROM batch_agreements WHERE id = ?`).get(id) as
    RowOf<typeof agreementRecord.columns> | undefined;
  return row ? agreementView(agreementRecord.toView(row)) : null;
}

export function insertAgreement(db: Db, row: AgreementRow): void {
  stmt(db, agreementRecord.insertSql()).run(agreementRecord.toRow(row));
}

/** Write new fields; false when the agreement moved past `expectedVersion`. */
export function reviseAgreement(db: Db, id: string, expectedVersion: number, fields: Partial<AgreementRow>): boolean {
  const row = agreementRecord.toRow(fields);
  const set = Object.keys(row)
    .map((c) => `${c} = @${c}`)
    .join(', ');
  return (
    stmt(
      db,
      `UPDATE batch_agreements SET ${set}, version = version + 1 WHERE id = @id AND version = @expectedVersion`,
    ).run({ ...row, id, expectedVersion }).changes === 1
  );
}

/** Agreements by organisation, each with its next session on or after `today`. */
export function pageAgreements(
  db: Db,
  today: string,
  limit: number,
  offset: number,
): { rows: AgreementSummary[]; total: number } {
  const rows = (
    stmt(
      db,
      `SELECT ${agreementRecord.select('a')},
              (SELECT min(s.session_date) FROM batch_sessions s WHERE s.agreement_id = a.id AND s.session_date >= @today)
                AS next_session_date,
              (SELECT count(*) FROM batch_sessions s WHERE s.agreement_id = a.id) AS session_count
         FROM batch_agreements a
        ORDER BY a.organisation COLLATE NOCASE, a.id
        LIMIT @limit OFFSET @offset`,
    ).all({ today, limit, offset }) as (RowOf<typeof agreementRecord.columns> & {
      next_session_date: string | null;
      session_count: number;
    })[]
  ).map((r) => ({
    ...agreementView(agreementRecord.toView(r)),
    nextSessionDate: r.next_session_date,
    sessionCount: r.session_count,
  }));
  const total = (stmt(db, 'SELECT count(*) AS n FROM batch_agreements').get() as { n: number }).n;
  return { rows, total };
}

export function insertSession(db: Db, row: SessionRow, discussed: readonly DiscussedCaseRow[]): void {
  stmt(db, sessionRecord.insertSql()).run(sessionRecord.toRow(row));
  for (const d of discussed) stmt(db, discussedCaseRecord.insertSql()).run(discussedCaseRecord.toRow(d));
}

/** An agreement's sessions, newest first, with the cases discussed (linked ones by reference). */
export function agreementSessions(db: Db, agreementId: string): SessionView[] {
  const sessions = (
    stmt(
      db,
      `SELECT ${sessionRecord.select()} FROM batch_sessions WHERE agreement_id = ? ORDER BY session_date DESC, created_at DESC`,
    ).all(agreementId) as RowOf<typeof sessionRecord.columns>[]
  ).map((r) => sessionRecord.toView(r));
  const discussed = stmt(
    db,
    `SELECT d.session_id AS sessionId, d.case_id AS caseId, coalesce(k.reference, d.anonymous_ref, '') AS label,
            d.discussion
       FROM batch_session_cases d
       JOIN batch_sessions s ON s.id = d.session_id
       LEFT JOIN cases k ON k.id = d.case_id
      WHERE s.agreement_id = ? ORDER BY d.rowid`,
  ).all(agreementId) as (DiscussedCaseView & { sessionId: string })[];
  return sessions.map((s) => ({
    id: s.id,
    agreementId: s.agreementId,
    sessionDate: s.sessionDate,
    attendees: s.attendees,
    themes: s.themes,
    reflectiveNotes: s.reflectiveNotes,
    advice: s.advice,
    version: s.version,
    discussedCases: discussed.filter((d) => d.sessionId === s.id).map(({ sessionId: _s, ...d }) => d),
  }));
}

export function findSession(db: Db, id: string): SessionRow | null {
  const row = stmt(db, `SELECT ${sessionRecord.select()} FROM batch_sessions WHERE id = ?`).get(id) as
    RowOf<typeof sessionRecord.columns> | undefined;
  return row ? sessionRecord.toView(row) : null;
}

/** The cases a session discussed, in the order they were listed. */
export function sessionDiscussed(db: Db, sessionId: string): DiscussedCaseRow[] {
  return (
    stmt(db, `SELECT ${discussedCaseRecord.select()} FROM batch_session_cases WHERE session_id = ? ORDER BY rowid`).all(
      sessionId,
    ) as RowOf<typeof discussedCaseRecord.columns>[]
  ).map((r) => discussedCaseRecord.toView(r));
}

const SESSION_FIELDS = [
  'session_date',
  'attendees',
  'themes',
  'reflective_notes',
  'advice',
  'updated_at',
  'updated_by',
] as const;

/**
 * Write a session's fields and replace its cases discussed, if it is still at `expectedVersion`.
 * False when it moved on (nothing written).
 */
export function reviseSession(
  db: Db,
  row: SessionRow,
  expectedVersion: number,
  discussed: readonly DiscussedCaseRow[],
): boolean {
  const stored = sessionRecord.toRow(row);
  const params: Record<string, unknown> = { id: row.id, expected_version: expectedVersion };
  for (const c of SESSION_FIELDS) params[c] = stored[c];
  if (stmt(db, sessionRecord.updateSql(SESSION_FIELDS)).run(params).changes !== 1) return false;
  stmt(db, 'DELETE FROM batch_session_cases WHERE session_id = ?').run(row.id);
  for (const d of discussed) stmt(db, discussedCaseRecord.insertSql()).run(discussedCaseRecord.toRow(d));
  return true;
}

/** Delete a session and its cases discussed if it is still at `expectedVersion`. */
export function deleteSession(db: Db, id: string, expectedVersion: number): boolean {
  const current = stmt(db, 'SELECT version FROM batch_sessions WHERE id = ?').get(id) as
    { version: number } | undefined;
  if (current?.version !== expectedVersion) return false;
  // The cascade would do this too; said here so the rule does not rest on the pragma alone.
  stmt(db, 'DELETE FROM batch_session_cases WHERE session_id = ?').run(id);
  return stmt(db, 'DELETE FROM batch_sessions WHERE id = ? AND version = ?').run(id, expectedVersion).changes === 1;
}
