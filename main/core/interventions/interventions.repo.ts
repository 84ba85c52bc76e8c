/** SQL for intervention plans, their goals and ratings, and reviews. Rows map through the records. */
import type { Db } from '../db/connection';
import type { RowOf, ViewOf } from '../db/record';
import { stmt } from '../db/statements';
import { goalRecord, planRecord, ratingRecord, reviewRecord } from './interventions.records';

export type PlanRow = ViewOf<typeof planRecord.columns>;
export type GoalRow = ViewOf<typeof goalRecord.columns>;
export type RatingRow = ViewOf<typeof ratingRecord.columns>;
export type ReviewRow = ViewOf<typeof reviewRecord.columns>;

export function findPlan(db: Db, id: string): PlanRow | null {
  const row = stmt(db, `SELECT ${planRecord.select()} FROM intervention_plans WHERE id = ?`).get(id) as
    RowOf<typeof planRecord.columns> | undefined;
  return row ? planRecord.toView(row) : null;
}

/** A case's plans: the active one first, then the newest start first. */
export function casePlans(db: Db, caseId: string): PlanRow[] {
  return (
    stmt(
      db,
      `SELECT ${planRecord.select()} FROM intervention_plans WHERE case_id = ?
        ORDER BY state = 'active' DESC, start_date DESC, created_at DESC`,
    ).all(caseId) as RowOf<typeof planRecord.columns>[]
  ).map((r) => planRecord.toView(r));
}

export function activePlanOf(db: Db, caseId: string): string | null {
  const row = stmt(db, `SELECT id FROM intervention_plans WHERE case_id = ? AND state = 'active'`).get(caseId) as
    { id: string } | undefined;
  return row?.id ?? null;
}

export function insertPlan(db: Db, row: PlanRow): void {
  stmt(db, planRecord.insertSql()).run(planRecord.toRow(row));
}

const PLAN_FIELDS = ['plan_type', 'start_date', 'clinician_ids', 'network_care', 'updated_at', 'updated_by'] as const;
const CLOSE_FIELDS = [
  'state',
  'closed_on',
  'closure_reason',
  'closing_summary',
  'closing_recommendations',
  'updated_at',
  'updated_by',
] as const;

/** Write the plan's own fields (or its closure); false when it moved past `expectedVersion`. */
export function revisePlan(
  db: Db,
  id: string,
  expectedVersion: number,
  fields: Partial<PlanRow>,
  which: 'plan' | 'closure',
): boolean {
  const sql = planRecord.updateSql(which === 'plan' ? PLAN_FIELDS : CLOSE_FIELDS);
  return stmt(db, sql).run({ ...planRecord.toRow(fields), id, expected_version: expectedVersion }).changes === 1;
}

/** Bump the plan's version (its goals changed), so another editor's stale copy is refused. */
export function touchPlan(db: Db, id: string, at: string, by: string): void {
  stmt(db, 'UPDATE intervention_plans SET updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ?').run(
    at,
    by,
    id,
  );
}

export function planGoals(db: Db, planId: string): GoalRow[] {
  return (
    stmt(db, `SELECT ${goalRecord.select()} FROM intervention_goals WHERE plan_id = ? ORDER BY seq`).all(
      planId,
    ) as RowOf<typeof goalRecord.columns>[]
  ).map((r) => goalRecord.toView(r));
}

export function insertGoal(db: Db, row: GoalRow): void {
  stmt(db, goalRecord.insertSql()).run(goalRecord.toRow(row));
}

/** A goal keeps its number (seq) for life, so its chart and ratings never change places. */
export function reviseGoal(db: Db, id: string, area: string, description: string): void {
  stmt(db, 'UPDATE intervention_goals SET area = ?, description = ?, version = version + 1 WHERE id = ?').run(
    area,
    description,
    id,
  );
}

export function deleteGoal(db: Db, id: string): void {
  stmt(db, 'DELETE FROM intervention_goals WHERE id = ?').run(id);
}

/** Whether a goal has been rated or named as worked on in any session. */
export function goalInUse(db: Db, goalId: string): boolean {
  const rated = stmt(db, 'SELECT 1 FROM intervention_goal_ratings WHERE goal_id = ? LIMIT 1').get(goalId);
  if (rated) return true;
  return (
    stmt(
      db,
      `SELECT 1 FROM intervention_sessions s, json_each(s.goal_ids) g
        WHERE s.plan_id = (SELECT plan_id FROM intervention_goals WHERE id = @goal) AND g.value = @goal LIMIT 1`,
    ).get({ goal: goalId }) !== undefined
  );
}

/** Every rating of a plan's goals, oldest first (baselines before session ratings on the same day). */
export function planRatings(db: Db, planId: string): RatingRow[] {
  return (
    stmt(
      db,
      `SELECT ${ratingRecord.select('r')} FROM intervention_goal_ratings r
         JOIN intervention_goals g ON g.id = r.goal_id
        WHERE g.plan_id = ? ORDER BY r.rated_on, r.session_id IS NOT NULL, r.id`,
    ).all(planId) as RowOf<typeof ratingRecord.columns>[]
  ).map((r) => ratingRecord.toView(r));
}

export function sessionRatings(db: Db, sessionId: string): RatingRow[] {
  return (
    stmt(
      db,
      `SELECT ${ratingRecord.select()} FROM intervention_goal_ratings WHERE session_id = ? ORDER BY goal_id`,
    ).all(sessionId) as RowOf<typeof ratingRecord.columns>[]
  ).map((r) => ratingRecord.toView(r));
}

/** The ratings taken in some sessions, keyed by session (one query for a page of the log). */
export function ratingsOfSessions(db: Db, sessionIds: readonly string[]): Map<string, RatingRow[]> {
  const out = new Map<string, RatingRow[]>();
  if (sessionIds.length === 0) return out;
  const rows = (
    stmt(
      db,
      `SELECT ${ratingRecord.select('r')} FROM intervention_goal_ratings r
        WHERE r.session_id IN (SELECT value FROM json_each(?)) ORDER BY r.session_id, r.goal_id`,
    ).all(JSON.stringify(sessionIds)) as RowOf<typeof ratingRecord.columns>[]
  ).map((r) => ratingRecord.toView(r));
  for (const r of rows) if (r.sessionId) out.set(r.sessionId, [...(out.get(r.sessionId) ?? []), r]);
  return out;
}

export function insertRating(db: Db, row: RatingRow): void {
  stmt(db, ratingRecord.insertSql()).run(ratingRecord.toRow(row));
}

export function reviseRating(db: Db, id: string, ratedOn: string, rating: number): void {
  stmt(db, 'UPDATE intervention_goal_ratings SET rated_on = ?, rating = ?, version = version + 1 WHERE id = ?').run(
    ratedOn,
    rating,
    id,
  );
}

export function deleteRating(db: Db, id: string): void {
  stmt(db, 'DELETE FROM intervention_goal_ratings WHERE id = ?').run(id);
}

export function planReviews(db: Db, planId: string): ReviewRow[] {
  return (
    stmt(
      db,
      `SELECT ${reviewRecord.select()} FROM intervention_reviews WHERE plan_id = ? ORDER BY review_date, created_at`,
    ).all(planId) as RowOf<typeof reviewRecord.columns>[]
  ).map((r) => reviewRecord.toView(r));
}

export function insertReview(db: Db, row: ReviewRow): void {
  stmt(db, reviewRecord.insertSql()).run(reviewRecord.toRow(row));
}

/** The attendance of every session of a plan (for the counts), and its next planned session. */
export function planAttendance(db: Db, planId: string, today: string): { attendances: string[]; next: string | null } {
  const attendances = (
    stmt(db, `SELECT attendance AS a FROM intervention_sessions WHERE plan_id = ? AND attendance <> 'planned'`).all(
      planId,
    ) as { a: string }[]
  ).map((r) => r.a);
  const next = stmt(
    db,
    `SELECT min(session_date) AS d FROM intervention_sessions WHERE plan_id = ? AND attendance = 'planned' AND session_date >= ?`,
  ).get(planId, today) as { d: string | null };
  return { attendances, next: next.d };
}

/** Names of users, by id (for clinicians and authors). */
export function userNames(db: Db, ids: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const id of ids) {
    const row = stmt(db, 'SELECT display_name AS n FROM users WHERE id = ?').get(id) as { n: string } | undefined;
    if (row) out.set(id, row.n);
  }
  return out;
}
