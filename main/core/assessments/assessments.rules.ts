/**
 * The assessment rules that need no database: the order stages are done in, what the report
 * needs before it can be signed off, and how each stage stands against its plan and the
 * 12-week due date. The service applies them inside its transactions.
 */
import {
  DEFAULT_PLAN_DAYS,
  RECOMMENDATION_GROUPS,
  RECOMMENDATION_GROUP_LABELS,
  STAGE_LABELS,
  type AssessmentStage,
  type RecommendationGroup,
  type StageTiming,
} from '../../../preload/contract/assessment-records';
import { AppError } from '../errors';
import { addDays, daysBetween, formatUkDate } from '../cases/dates';

/** What the order rule needs of a stage. */
export interface StageFacts {
  id: string;
  stage: AssessmentStage;
  seq: number;
  subject: string | null;
  /** Done on (for the paperwork stage: the case's paperwork-complete date). */
  actualDate: string | null;
}

/** A stage's name with its interviewee, e.g. "Clinical interview (Young person)". */
export function stageName(s: Pick<StageFacts, 'stage' | 'subject'>): string {
  return s.subject ? `${STAGE_LABELS[s.stage]} (${s.subject})` : STAGE_LABELS[s.stage];
}

/**
 * Throw INVALID_INPUT unless `target` may be marked done on `actualDate`: every earlier stage
 * is done, on or before that date, and the date is not in the future. The clinical interviews
 * share a place in the pathway, so they can be done in any order among themselves.
 */
export function checkStageCompletion(
  stages: readonly StageFacts[],
  target: StageFacts,
  actualDate: string,
  today: string,
): void {
  if (target.stage === 'paperwork_complete') {
    throw new AppError(
      'INVALID_INPUT',
      'The paperwork stage is done when every required item of paperwork has been received: record it on the Paperwork tab.',
    );
  }
  if (target.actualDate) {
    throw new AppError(
      'INVALID_INPUT',
      `${stageName(target)} was already marked done on ${formatUkDate(target.actualDate)}.`,
    );
  }
  if (actualDate > today) {
    throw new AppError(
      'INVALID_INPUT',
      `${formatUkDate(actualDate)} is in the future. Mark a stage done on the day it happened.`,
    );
  }
  const earlier = stages.filter((s) => s.seq < target.seq);
  const notDone = earlier.filter((s) => !s.actualDate);
  if (notDone.length > 0) {
    throw new AppError(
      'INVALID_INPUT',
      `${stageName(target)} cannot be done yet: first ${notDone.map(stageName).join(', ')}. Stages are done in order.`,
    );
  }
  const latest = earlier.reduce<StageFacts | null>(
    (a, s) => (s.actualDate && (!a?.actualDate || s.actualDate > a.actualDate) ? s : a),
    null,
  );
  if (latest?.actualDate && actualDate < latest.actualDate) {
    throw new AppError(
      'INVALID_INPUT',
      `${stageName(target)} cannot be done on ${formatUkDate(actualDate)}, before ${stageName(latest)} (${formatUkDate(latest.actualDate)}).`,
    );
  }
}

/** What sign-off needs of an assessment. */
export interface SignOffFacts {
  formulation: string | null;
  riskToOthers: string | null;
  riskToSelf: string | null;
  riskFromOthers: string | null;
  recommendations: readonly { group: RecommendationGroup }[];
}

/**
 * Why the assessment report cannot be signed off yet: each reason in words, empty when it can.
 * The report must make sense of the behaviour (a formulation), analyse risks (all three rated)
 * and recommend on case management, safety planning, placement and treatment (one each at least).
 */
export function canSignOff(a: SignOffFacts): string[] {
  const reasons: string[] = [];
  if (!a.formulation?.trim()) reasons.push('Write the formulation.');
  const unrated = [
    a.riskToOthers ? null : 'to others',
    a.riskToSelf ? null : 'to self',
    a.riskFromOthers ? null : 'from others',
  ].filter((r): r is string => r !== null);
  if (unrated.length > 0) reasons.push(`Rate the risk of harm ${unrated.join(', ')}.`);
  for (const group of RECOMMENDATION_GROUPS) {
    if (!a.recommendations.some((r) => r.group === group)) {
      reasons.push(`Add at least one ${RECOMMENDATION_GROUP_LABELS[group].toLowerCase()} recommendation.`);
    }
  }
  return reasons;
}

/** A stage's planned date: as set, or by default that many days after the paperwork was complete. */
export function plannedDate(
  stage: AssessmentStage,
  stored: string | null,
  paperworkDate: string | null,
): { date: string | null; isDefault: boolean } {
  if (stored) return { date: stored, isDefault: false };
  if (!paperworkDate || stage === 'paperwork_complete') return { date: paperworkDate, isDefault: true };
  return { date: addDays(paperworkDate, DEFAULT_PLAN_DAYS[stage]), isDefault: true };
}

/** How a stage stands: done on or after its plan, still planned, past its plan, or unplanned. */
export function stageTiming(planned: string | null, actual: string | null, today: string): StageTiming {
  if (actual) return planned && actual > planned ? 'done_late' : 'done_on_plan';
  if (!planned) return 'unplanned';
  return planned < today ? 'past_plan' : 'planned';
}

/** Days after (positive) or before the due date that a stage was done, or is planned. */
export function daysAgainstDue(due: string | null, planned: string | null, actual: string | null): number | null {
  const on = actual ?? planned;
  return due && on ? daysBetween(due, on) : null;
}

/**
 * Throw INVALID_INPUT unless `target` may be undone: it is done, it is not the paperwork stage
 * (the Paperwork tab owns that date), and no later stage is done. Once the report is sent the
 * 12-week clock has stopped, so only "report sent" itself can be undone.
 */
export function checkStageReopen(
  stages: readonly StageFacts[],
  target: StageFacts,
  reportSentDate: string | null,
): void {
  if (target.stage === 'paperwork_complete') {
    throw new AppError(
      'INVALID_INPUT',
      'The paperwork stage follows the Paperwork tab: change the paperwork there rather than undoing the stage.',
    );
  }
  if (!target.actualDate) throw new AppError('INVALID_INPUT', `${stageName(target)} has not been marked done.`);
  if (reportSentDate && target.stage !== 'report_sent') {
    throw new AppError(
      'INVALID_INPUT',
      `The report was sent on ${formatUkDate(reportSentDate)}, so the 12-week clock has stopped. Undo “Report sent” first if it was marked in error.`,
    );
  }
  const later = stages.filter((s) => s.seq > target.seq && s.actualDate);
  const latest = later[later.length - 1];
  if (latest) {
    throw new AppError(
      'INVALID_INPUT',
      `Only the latest stage done can be undone: ${stageName(latest)} was done after ${stageName(target)}. Undo that first.`,
    );
  }
}

/**
 * The stage the pathway has reached: the last stage in order whose every entry (every
 * interview, for the clinical interviews) is done, stopping at the first one that is not.
 */
export function stageReached(stages: readonly StageFacts[]): AssessmentStage | null {
  let reached: AssessmentStage | null = null;
  const seqs = [...new Set(stages.map((s) => s.seq))].sort((a, b) => a - b);
  for (const seq of seqs) {
    const group = stages.filter((s) => s.seq === seq);
    if (group.length === 0 || group.some((s) => !s.actualDate)) break;
    reached = group[0]?.stage ?? reached;
  }
  return reached;
}
