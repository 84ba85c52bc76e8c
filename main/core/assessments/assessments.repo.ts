/** SQL of the assessment module. Row mapping comes from the record definitions. */
import type { Db } from '../db/connection';
import { stmt } from '../db/statements';
import {
  assessmentRecord,
  behaviourRecord,
  recommendationRecord,
  stageRecord,
  type AssessmentRow,
  type BehaviourRow,
  type RecommendationRow,
  type StageRow,
} from './assessments.records';

/**
 * Write the given columns of one row and bump its version, only if it is still at
 * `expectedVersion`. False when someone changed it first.
 */
function updateVersioned(
  db: Db,
  table: string,
  id: string,
  fields: Record<string, unknown>,
  expected: number,
): boolean {
  const names = Object.keys(fields).filter((n) => n !== 'id' && n !== 'version');
  const sets = names.map((n) => `${n} = @${n}`).join(', ');
  const sql = `UPDATE ${table} SET ${sets}, version = version + 1 WHERE id = @id AND version = @expected`;
  return stmt(db, sql).run({ ...fields, id, expected }).changes === 1;
}

// Assessments ---------------------------------------------------------------------------------

export function insertAssessment(db: Db, row: AssessmentRow): void {
  stmt(db, assessmentRecord.insertSql()).run(row);
}

export function findAssessment(db: Db, id: string): AssessmentRow | null {
  const sql = `SELECT ${assessmentRecord.select()} FROM assessments WHERE id = ?`;
  return (stmt(db, sql).get(id) as AssessmentRow | undefined) ?? null;
}

/** The case's open assessment, else its latest. */
export function findCurrentAssessment(db: Db, caseId: string): AssessmentRow | null {
  const sql = `SELECT ${assessmentRecord.select()} FROM assessments WHERE case_id = ?
    ORDER BY state = 'open' DESC, opened_at DESC LIMIT 1`;
  return (stmt(db, sql).get(caseId) as AssessmentRow | undefined) ?? null;
}

export function updateAssessmentRow(db: Db, id: string, fields: Partial<AssessmentRow>, expected: number): boolean {
  return updateVersioned(db, 'assessments', id, fields, expected);
}

// Stages --------------------------------------------------------------------------------------

export function insertStage(db: Db, row: StageRow): void {
  stmt(db, stageRecord.insertSql()).run(row);
}

export function listStages(db: Db, assessmentId: string): StageRow[] {
  const sql = `SELECT ${stageRecord.select()} FROM assessment_stages WHERE assessment_id = ?
    ORDER BY seq, subject_person_id IS NOT NULL, subject_label`;
  return stmt(db, sql).all(assessmentId) as StageRow[];
}

export function findStage(db: Db, id: string): StageRow | null {
  const sql = `SELECT ${stageRecord.select()} FROM assessment_stages WHERE id = ?`;
  return (stmt(db, sql).get(id) as StageRow | undefined) ?? null;
}

export function updateStageRow(db: Db, id: string, fields: Partial<StageRow>, expected: number): boolean {
  return updateVersioned(db, 'assessment_stages', id, fields, expected);
}

// Behaviours ----------------------------------------------------------------------------------

export function insertBehaviour(db: Db, row: BehaviourRow): void {
  stmt(db, behaviourRecord.insertSql()).run(row);
}

export function listBehaviours(db: Db, assessmentId: string): BehaviourRow[] {
  const sql = `SELECT ${behaviourRecord.select()} FROM assessment_behaviours WHERE assessment_id = ? ORDER BY occurred_on, created_at`;
  return stmt(db, sql).all(assessmentId) as BehaviourRow[];
}

export function findBehaviour(db: Db, id: string): BehaviourRow | null {
  const sql = `SELECT ${behaviourRecord.select()} FROM assessment_behaviours WHERE id = ?`;
  return (stmt(db, sql).get(id) as BehaviourRow | undefined) ?? null;
}

export function updateBehaviourRow(db: Db, id: string, fields: Partial<BehaviourRow>, expected: number): boolean {
  return updateVersioned(db, 'assessment_behaviours', id, fields, expected);
}

export function deleteBehaviour(db: Db, id: string, expected: number): boolean {
  return stmt(db, 'DELETE FROM assessment_behaviours WHERE id = ? AND version = ?').run(id, expected).changes === 1;
}

// Recommendations -----------------------------------------------------------------------------

export function insertRecommendation(db: Db, row: RecommendationRow): void {
  stmt(db, recommendationRecord.insertSql()).run(row);
}

export function listRecommendations(db: Db, assessmentId: string): RecommendationRow[] {
  const sql = `SELECT ${recommendationRecord.select()} FROM assessment_recommendations WHERE assessment_id = ?
    ORDER BY CASE grp WHEN 'case_management' THEN 0 WHEN 'safety_planning' THEN 1 WHEN 'placement' THEN 2 ELSE 3 END, created_at`;
  return stmt(db, sql).all(assessmentId) as RecommendationRow[];
}

export function findRecommendation(db: Db, id: string): RecommendationRow | null {
  const sql = `SELECT ${recommendationRecord.select()} FROM assessment_recommendations WHERE id = ?`;
  return (stmt(db, sql).get(id) as RecommendationRow | undefined) ?? null;
}

export function deleteRecommendation(db: Db, id: string, expected: number): boolean {
  return (
    stmt(db, 'DELETE FROM assessment_recommendations WHERE id = ? AND version = ?').run(id, expected).changes === 1
  );
}

/** Record on the case the day its assessment report was sent: the 12-week clock stops there. */
export function stopCaseClock(db: Db, caseId: string, completedDate: string, at: string, by: string): void {
  stmt(
    db,
    `UPDATE cases SET assessment_completed_date = ?, updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ?`,
  ).run(completedDate, at, by, caseId);
}

/** Undo `stopCaseClock`: the report sent was undone, so the 12-week clock runs again. */
export function restartCaseClock(db: Db, caseId: string, at: string, by: string): void {
  stmt(
    db,
    `UPDATE cases SET assessment_completed_date = NULL, updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ?`,
  ).run(at, by, caseId);
}
