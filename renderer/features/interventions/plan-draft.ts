/**
 * The plan form's working copy (what the clinician has typed, as text) and how it becomes the
 * contract's plan input. The words of every refusal are the contract's own (`planSchema`,
 * `gboRatingSchema`), so the form says what the router would say; this file turns text into
 * values and says which field a problem belongs to.
 */
import {
  GOAL_AREAS,
  MAX_GOALS,
  gboRatingSchema,
  planSchema,
  type GoalArea,
  type PlanContent,
  type PlanType,
  type PlanView,
} from '../../../preload/contract/intervention-records';
import { checkUkDate, isoToUk, parseUkDate } from '../cases/case-page/uk-date';

export interface GoalDraft {
  /** Keeps React's list stable while goals are added and removed (not saved). */
  key: number;
  /** The goal's id when it is already on the plan; null for a new one. */
  id: string | null;
  area: GoalArea;
  description: string;
  /** The baseline rating as typed (0-10, or blank); only a new goal takes one. */
  baseline: string;
}

export interface PlanDraft {
  planType: PlanType | '';
  startDate: string;
  clinicianIds: string[];
  /** The other agencies' care, by the professional (People tab) giving it. */
  networkCare: { personId: string; care: string }[];
  goals: GoalDraft[];
}

/** Field keys: the draft's own, plus `goal-<key>-description` / `-baseline` and `care-<personId>`. */
export type PlanErrors = Record<string, string>;

export const goalField = (key: number, part: 'description' | 'baseline' | 'area') => `goal-${key}-${part}`;
export const careField = (personId: string) => `care-${personId}`;

/** The three goal areas of the service's aims, in order: a new plan offers one goal in each. */
const DEFAULT_AREAS = GOAL_AREAS.filter((a) => a !== 'other');

/** A new plan: today, the signed-in clinician, and a goal in each of the service's aims. */
export function newPlanDraft(todayUk: string, clinicianId: string | null): PlanDraft {
  return {
    planType: '',
    startDate: todayUk,
    clinicianIds: clinicianId ? [clinicianId] : [],
    networkCare: [],
    goals: DEFAULT_AREAS.slice(0, MAX_GOALS).map((area, i) => ({
      key: i + 1,
      id: null,
      area,
      description: '',
      baseline: '',
    })),
  };
}

/** The form filled from a saved plan, to change it. */
export function planDraftOf(p: PlanView): PlanDraft {
  return {
    planType: p.planType,
    startDate: isoToUk(p.startDate),
    clinicianIds: p.clinicians.map((c) => c.id),
    networkCare: p.networkCare.map((c) => ({ personId: c.personId, care: c.care })),
    goals: p.goals.map((g) => ({ key: g.seq, id: g.id, area: g.area, description: g.description, baseline: '' })),
  };
}

/** The next free key for a goal added to the draft. */
export function nextGoalKey(goals: readonly GoalDraft[]): number {
  return Math.max(0, ...goals.map((g) => g.key)) + 1;
}

/** A baseline typed as text: null when blank, the number when whole and in range, else undefined. */
export function ratingOf(text: string): number | null | undefined {
  const t = text.trim();
  if (t === '') return null;
  if (!/^\d{1,2}$/.test(t)) return undefined;
  const parsed = gboRatingSchema.safeParse(Number(t));
  return parsed.success ? parsed.data : undefined;
}

/** The words for a rating that is not a whole number from 0 to 10 (the contract's). */
export const RATING_PROBLEM = gboRatingSchema.safeParse(-1).error?.issues[0]?.message ?? 'Enter 0 to 10.';

/** What the draft says, before the contract's schema has checked it (so a blank choice stays blank). */
function toInput(d: PlanDraft) {
  return {
    planType: d.planType,
    startDate: parseUkDate(d.startDate) ?? '',
    clinicianIds: d.clinicianIds,
    networkCare: d.networkCare.map((c) => ({ personId: c.personId, care: c.care })),
    goals: d.goals.map((g) => ({
      id: g.id,
      area: g.area,
      description: g.description,
      baselineRating: g.id ? null : (ratingOf(g.baseline) ?? null),
    })),
  };
}

/** Which field a contract issue belongs to. */
function fieldOf(d: PlanDraft, path: readonly PropertyKey[]): string | null {
  const [top, index, part] = path;
  if (top === 'goals' && typeof index === 'number') {
    const goal = d.goals[index];
    if (!goal) return 'goals';
    return goalField(goal.key, part === 'baselineRating' ? 'baseline' : part === 'area' ? 'area' : 'description');
  }
  if (top === 'networkCare' && typeof index === 'number') {
    const care = d.networkCare[index];
    return care ? careField(care.personId) : 'networkCare';
  }
  return typeof top === 'string' ? top : null;
}

/**
 * Check the draft. Returns the errors by field (empty when none) and, when there are none, the
 * input for `intervention:create` / `intervention:update`.
 */
export function checkPlan(d: PlanDraft): { errors: PlanErrors; input: PlanContent | null } {
  const errors: PlanErrors = {};
  const date = checkUkDate(d.startDate, 'start date', true);
  if (date) errors.startDate = date;
  for (const g of d.goals) {
    if (!g.id && ratingOf(g.baseline) === undefined) errors[goalField(g.key, 'baseline')] = RATING_PROBLEM;
  }
  const parsed = planSchema.safeParse(toInput(d));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = fieldOf(d, issue.path);
      if (field && !errors[field]) errors[field] = issue.message;
    }
  }
  return { errors, input: parsed.success && Object.keys(errors).length === 0 ? parsed.data : null };
}
