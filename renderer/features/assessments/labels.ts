/** Words for the assessment screens (UK English). */
import type { AssessmentListStatus, StageTiming, StageView } from '../../../preload/contract';
import { STAGE_LABELS } from '../../../preload/contract';
import { days } from '../cases/case-page/labels';

export const TIMING_LABELS: Record<StageTiming, string> = {
  done_on_plan: 'Done on plan',
  done_late: 'Done after its planned date',
  planned: 'Planned',
  past_plan: 'Past its planned date',
  unplanned: 'Not planned',
};

export const LIST_STATUS_LABELS: Record<AssessmentListStatus, string> = {
  all: 'All open assessments',
  awaiting_paperwork: 'Waiting for paperwork',
  on_track: 'On track',
  due_soon: 'Due within 2 weeks',
  overdue: 'Overdue',
};

export function stageLabel(s: Pick<StageView, 'stage' | 'subject'>): string {
  return s.subject ? `${STAGE_LABELS[s.stage]}: ${s.subject}` : STAGE_LABELS[s.stage];
}

/** "3 days before the due date", "on the due date", "5 days after the due date". */
export function againstDue(n: number | null): string {
  if (n === null) return '';
  if (n === 0) return 'On the due date';
  return n < 0 ? `${days(-n)} before due` : `${days(n)} after due`;
}

/** "12 days left", "Due today", "3 days overdue", "Waiting for paperwork". */
export function daysLeft(n: number | null): string {
  if (n === null) return 'Waiting for paperwork';
  if (n === 0) return 'Due today';
  return n > 0 ? `${days(n)} left` : `${days(-n)} overdue`;
}

/** Risk, AIM3 and ERASOR levels in words. */
export const LEVEL_WORDS: Record<string, string> = { low: 'Low', medium: 'Medium', moderate: 'Moderate', high: 'High' };

/** The three risks: the level's field, its rationale's field, and their name. */
export const RISKS = [
  ['riskToOthers', 'riskToOthersRationale', 'Risk of harm to others'],
  ['riskToSelf', 'riskToSelfRationale', 'Risk of harm to self'],
  ['riskFromOthers', 'riskFromOthersRationale', 'Risk of harm from others'],
] as const;

/** The five need domains. */
export const NEEDS = [
  ['needDevelopmental', 'Developmental needs'],
  ['needFamily', 'Family needs'],
  ['needEducation', 'Education needs'],
  ['needEmotional', 'Emotional needs'],
  ['needRelationships', 'Relationship needs'],
] as const;
