/** The assessment as the case page shows it, assembled from its rows and its case's clock. */
import type { AssessmentView, StageView } from '../../../preload/contract/assessment-records';
import { findCase, userDisplayName, type CaseRow } from '../cases/cases.repo';
import { daysBetween } from '../cases/dates';
import type { Db } from '../db/connection';
import { AppError } from '../errors';
import type { BehaviourView, RecommendationView } from '../../../preload/contract/assessment-records';
import {
  assessmentRecord,
  behaviourRecord,
  recommendationRecord,
  type AssessmentRow,
  type BehaviourRow,
  type RecommendationRow,
  type StageRow,
} from './assessments.records';
import { listBehaviours, listRecommendations, listStages } from './assessments.repo';
import { signoffState } from '../reports/signoff/signoff';
import { ASSESSMENT_SUBJECT } from './assessment-lock';
import { canSignOff, daysAgainstDue, plannedDate, stageTiming, type StageFacts } from './assessments.rules';

export function behaviourView(row: BehaviourRow): BehaviourView {
  const {
    caseId: _c,
    createdAt: _ca,
    createdBy: _cb,
    updatedAt: _ua,
    updatedBy: _ub,
    ...rest
  } = behaviourRecord.toView(row);
  return rest;
}

export function recommendationView(row: RecommendationRow): RecommendationView {
  const { caseId: _c, createdAt: _ca, updatedAt: _ua, updatedBy: _ub, grp, ...rest } = recommendationRecord.toView(row);
  return { ...rest, group: grp };
}

/** The paperwork stage is done when the case's paperwork is: its date comes from the case. */
export function stageActual(row: StageRow, c: CaseRow): string | null {
  return row.stage === 'paperwork_complete' ? c.paperwork_complete_date : row.actual_date;
}

export function stageFacts(rows: readonly StageRow[], c: CaseRow): StageFacts[] {
  return rows.map((r) => ({
    id: r.id,
    stage: r.stage,
    seq: r.seq,
    subject: r.subject_label,
    actualDate: stageActual(r, c),
  }));
}

export function caseOf(db: Db, caseId: string): CaseRow {
  const c = findCase(db, caseId);
  if (!c) throw new AppError('NOT_FOUND', 'That case does not exist. It may have been removed.');
  return c;
}

function stageViews(db: Db, rows: StageRow[], c: CaseRow, today: string): StageView[] {
  const firstOpen = Math.min(...rows.filter((r) => !stageActual(r, c)).map((r) => r.seq));
  return rows.map((r) => {
    const actual = stageActual(r, c);
    const plan = plannedDate(r.stage, r.planned_date, c.paperwork_complete_date);
    return {
      id: r.id,
      stage: r.stage,
      subject: r.subject_label,
      subjectPersonId: r.subject_person_id,
      plannedDate: plan.date,
      plannedIsDefault: plan.isDefault,
      actualDate: actual,
      ownerId: r.owner_id,
      ownerName: userDisplayName(db, r.owner_id),
      timing: stageTiming(plan.date, actual, today),
      daysAgainstDue: daysAgainstDue(c.assessment_due_date, plan.date, actual),
      isNext: !actual && r.seq === firstOpen,
      version: r.version,
    };
  });
}

/** Everything the Assessment tab shows of one assessment. No audit row: callers decide. */
export function loadAssessmentView(db: Db, row: AssessmentRow, today: string): AssessmentView {
  const c = caseOf(db, row.case_id);
  const {
    openedBy: _openedBy,
    updatedAt: _u,
    updatedBy: _b,
    stageReached: _s,
    ...fields
  } = assessmentRecord.toView(row);
  const recommendations = listRecommendations(db, row.id).map(recommendationView);
  const behaviours = listBehaviours(db, row.id).map(behaviourView);
  const paperwork = c.paperwork_complete_date;
  const sent = row.report_sent_date;
  return {
    ...fields,
    openedByName: userDisplayName(db, row.opened_by),
    paperworkCompleteDate: paperwork,
    dueDate: c.assessment_due_date,
    completedInDays: sent && paperwork ? daysBetween(paperwork, sent) : null,
    completedOnTime: sent && c.assessment_due_date ? sent <= c.assessment_due_date : null,
    stages: stageViews(db, listStages(db, row.id), c, today),
    behaviours,
    recommendations,
    signOffBlockers: canSignOff({ ...fields, recommendations }),
    signoff: signoffState(db, ASSESSMENT_SUBJECT, row.id),
  };
}
