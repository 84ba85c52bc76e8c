/**
 * SQL for what belongs to a family: enrolments with their goals, register entries (with the
 * per-carer note) and safety-plan versions. Every query here that serves one case selects by
 * `case_id`, never by the run alone, so a case's view cannot pick up another family's rows.
 */
import type { Db } from '../db/connection';
import type { RowOf, ViewOf } from '../db/record';
import { stmt } from '../db/statements';
import { enrolmentRecord, goalRecord, registerEntryRecord, safetyPlanRecord } from './safe-home.records';

export type EnrolmentRow = ViewOf<typeof enrolmentRecord.columns>;
export type GoalRow = ViewOf<typeof goalRecord.columns>;
export type RegisterEntryRow = ViewOf<typeof registerEntryRecord.columns>;
export type SafetyPlanRow = ViewOf<typeof safetyPlanRecord.columns>;

type EnrolmentSqlRow = RowOf<typeof enrolmentRecord.columns>;
const enrolments = (rows: unknown[]) => (rows as EnrolmentSqlRow[]).map((r) => enrolmentRecord.toView(r));

// ---------------------------------------------------------------------------------------------
// Enrolments and goals

/** A run's carers, in the order they were enrolled. */
export function runEnrolments(db: Db, runId: string): EnrolmentRow[] {
  return enrolments(
    stmt(
      db,
      `SELECT ${enrolmentRecord.select()} FROM safe_home_enrolments WHERE run_id = ? ORDER BY enrolled_on, created_at, id`,
    ).all(runId),
  );
}

/** A case's carers in every run, oldest run first. */
export function caseEnrolments(db: Db, caseId: string): EnrolmentRow[] {
  return enrolments(
    stmt(
      db,
      `SELECT ${enrolmentRecord.select('e')} FROM safe_home_enrolments e JOIN safe_home_runs r ON r.id = e.run_id
        WHERE e.case_id = ? ORDER BY r.start_date, r.id, e.enrolled_on, e.created_at, e.id`,
    ).all(caseId),
  );
}

export function findEnrolment(db: Db, id: string): EnrolmentRow | null {
  const row = stmt(db, `SELECT ${enrolmentRecord.select()} FROM safe_home_enrolments WHERE id = ?`).get(id);
  return row ? enrolmentRecord.toView(row as EnrolmentSqlRow) : null;
}

export function enrolmentOfPerson(db: Db, runId: string, personId: string): string | null {
  const row = stmt(db, 'SELECT id FROM safe_home_enrolments WHERE run_id = ? AND person_id = ?').get(
    runId,
    personId,
  ) as { id: string } | undefined;
  return row?.id ?? null;
}

export function insertEnrolment(db: Db, row: EnrolmentRow): void {
  stmt(db, enrolmentRecord.insertSql()).run(enrolmentRecord.toRow(row));
}

const RATING_FIELDS = [
  'confidence_before',
  'knowledge_before',
  'confidence_after',
  'knowledge_after',
  'updated_at',
  'updated_by',
] as const;
const WITHDRAWAL_FIELDS = [
  'withdrawn_on',
  'withdrawal_reason',
  'withdrawal_detail',
  'updated_at',
  'updated_by',
] as const;

/** Write the ratings or the withdrawal; false when the enrolment moved past `expectedVersion`. */
export function reviseEnrolment(
  db: Db,
  id: string,
  expectedVersion: number,
  fields: Partial<EnrolmentRow>,
  which: 'ratings' | 'withdrawal',
): boolean {
  const sql = enrolmentRecord.updateSql(which === 'ratings' ? RATING_FIELDS : WITHDRAWAL_FIELDS);
  return stmt(db, sql).run({ ...enrolmentRecord.toRow(fields), id, expected_version: expectedVersion }).changes === 1;
}

/** The goals of some enrolments by enrolment id, in their numbered order (one query). */
export function goalsOf(db: Db, enrolmentIds: readonly string[]): Map<string, GoalRow[]> {
  const out = new Map<string, GoalRow[]>();
  if (enrolmentIds.length === 0) return out;
  const rows = (
    stmt(
      db,
      `SELECT ${goalRecord.select()} FROM safe_home_goals
        WHERE enrolment_id IN (SELECT value FROM json_each(?)) ORDER BY enrolment_id, seq`,
    ).all(JSON.stringify(enrolmentIds)) as RowOf<typeof goalRecord.columns>[]
  ).map((r) => goalRecord.toView(r));
  for (const g of rows) out.set(g.enrolmentId, [...(out.get(g.enrolmentId) ?? []), g]);
  return out;
}

export function insertGoal(db: Db, row: GoalRow): void {
  stmt(db, goalRecord.insertSql()).run(goalRecord.toRow(row));
}

export function rateGoal(db: Db, id: string, rating: number): void {
  stmt(db, 'UPDATE safe_home_goals SET latest_rating = ?, version = version + 1 WHERE id = ?').run(rating, id);
}

// ---------------------------------------------------------------------------------------------
// The register

type EntrySqlRow = RowOf<typeof registerEntryRecord.columns>;

/** Every register entry of a run (the grid), in session date order. */
export function runRegister(db: Db, runId: string): RegisterEntryRow[] {
  return (
    stmt(
      db,
      `SELECT ${registerEntryRecord.select('g')} FROM safe_home_sessions s
         JOIN safe_home_register g ON g.session_id = s.id
        WHERE s.run_id = ? ORDER BY s.session_date, s.kind, s.seq, s.id, g.enrolment_id`,
    ).all(runId) as EntrySqlRow[]
  ).map((r) => registerEntryRecord.toView(r));
}

/** One case's register entries (its own carers only). */
export function caseRegister(db: Db, caseId: string): RegisterEntryRow[] {
  return (
    stmt(
      db,
      `SELECT ${registerEntryRecord.select()} FROM safe_home_register WHERE case_id = ? ORDER BY enrolment_id, session_id`,
    ).all(caseId) as EntrySqlRow[]
  ).map((r) => registerEntryRecord.toView(r));
}

export function sessionRegister(db: Db, sessionId: string): RegisterEntryRow[] {
  return (
    stmt(db, `SELECT ${registerEntryRecord.select()} FROM safe_home_register WHERE session_id = ?`).all(
      sessionId,
    ) as EntrySqlRow[]
  ).map((r) => registerEntryRecord.toView(r));
}

/** Write one carer's entry in a session's register, replacing what was there. */
export function putRegisterEntry(db: Db, row: Omit<RegisterEntryRow, 'version'>): void {
  stmt(
    db,
    `INSERT INTO safe_home_register (id, case_id, session_id, enrolment_id, state, reason, cancelled_at, carer_note,
       updated_at, updated_by)
     VALUES (@id, @case_id, @session_id, @enrolment_id, @state, @reason, @cancelled_at, @carer_note, @updated_at, @updated_by)
     ON CONFLICT (session_id, enrolment_id) DO UPDATE SET state = excluded.state, reason = excluded.reason,
       cancelled_at = excluded.cancelled_at, carer_note = excluded.carer_note, updated_at = excluded.updated_at,
       updated_by = excluded.updated_by, version = version + 1`,
  ).run(registerEntryRecord.toRow(row));
}

export function deleteRegisterEntry(db: Db, sessionId: string, enrolmentId: string): void {
  stmt(db, 'DELETE FROM safe_home_register WHERE session_id = ? AND enrolment_id = ?').run(sessionId, enrolmentId);
}

// ---------------------------------------------------------------------------------------------
// Safety plans

type PlanSqlRow = RowOf<typeof safetyPlanRecord.columns>;

/** A case's safety-plan versions in every run, in each run's date order (the numbering order). */
export function caseSafetyPlans(db: Db, caseId: string): SafetyPlanRow[] {
  return (
    stmt(
      db,
      `SELECT ${safetyPlanRecord.select()} FROM safe_home_safety_plans WHERE case_id = ?
        ORDER BY run_id, version_date, created_at, id`,
    ).all(caseId) as PlanSqlRow[]
  ).map((r) => safetyPlanRecord.toView(r));
}

export function findSafetyPlan(db: Db, id: string): SafetyPlanRow | null {
  const row = stmt(db, `SELECT ${safetyPlanRecord.select()} FROM safe_home_safety_plans WHERE id = ?`).get(id);
  return row ? safetyPlanRecord.toView(row as PlanSqlRow) : null;
}

export function insertSafetyPlan(db: Db, row: SafetyPlanRow): void {
  stmt(db, safetyPlanRecord.insertSql()).run(safetyPlanRecord.toRow(row));
}

/** False when the version moved past `expectedVersion`. */
export function markSafetyPlanReviewed(
  db: Db,
  id: string,
  expectedVersion: number,
  fields: Pick<SafetyPlanRow, 'reviewedInSessionId' | 'updatedAt' | 'updatedBy'>,
): boolean {
  const sql = safetyPlanRecord.updateSql(['reviewed_in_session_id', 'updated_at', 'updated_by']);
  return stmt(db, sql).run({ ...safetyPlanRecord.toRow(fields), id, expected_version: expectedVersion }).changes === 1;
}
