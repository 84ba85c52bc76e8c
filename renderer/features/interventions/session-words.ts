/**
 * A session and a plan's goals in words, as the session log and its forms say them: the
 * attendance with its reason, the goals by number ("Goal 2: …"), the ratings out of 10.
 */
import {
  ATTENDANCE_LABELS,
  type GoalView,
  type InterventionSessionContent,
} from '../../../preload/contract/interventions';

/** "Goal 2" - the number a goal keeps for life. */
export const goalName = (g: Pick<GoalView, 'seq'>): string => `Goal ${g.seq}`;

/** "Did not attend: not known", or just "Attended". */
export function attendanceWords(s: Pick<InterventionSessionContent, 'attendance' | 'attendanceReason'>): string {
  const label = ATTENDANCE_LABELS[s.attendance];
  return s.attendanceReason ? `${label}: ${s.attendanceReason}` : label;
}

/** "60 minutes", "1 hour 30 minutes". */
export function durationWords(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const hours = h === 0 ? '' : h === 1 ? '1 hour' : `${h} hours`;
  const mins = m === 0 ? '' : m === 1 ? '1 minute' : `${m} minutes`;
  return [hours, mins].filter(Boolean).join(' ') || '0 minutes';
}

/** The goals worked on, "Goal 1: …" each, in the plan's order. */
export function goalsWorkedOn(goalIds: readonly string[], goals: readonly GoalView[]): string[] {
  return goals.filter((g) => goalIds.includes(g.id)).map((g) => `${goalName(g)}: ${g.description}`);
}

/** The ratings taken, "Goal 1: 6 out of 10" each, in the plan's order. */
export function ratingLines(ratings: InterventionSessionContent['ratings'], goals: readonly GoalView[]): string[] {
  return goals.flatMap((g) => {
    const r = ratings.find((x) => x.goalId === g.id);
    return r ? [`${goalName(g)}: ${r.rating} out of 10`] : [];
  });
}
