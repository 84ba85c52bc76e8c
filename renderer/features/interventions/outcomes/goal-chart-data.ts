/**
 * What a goal's outcome chart and its table show, worked out once from the plan so the chart,
 * the table and the summary line can never disagree. Pure: no React, no recharts.
 */
import {
  GBO_MAX,
  GBO_MIN,
  GOAL_AREA_LABELS,
  RELIABLE_CHANGE_POINTS,
  SESSION_TYPE_LABELS,
  changeWords,
  gboChange,
  isReliableChange,
  type GboChange,
  type GoalView,
  type InterventionSessionView,
} from '../../../../preload/contract';
import { formatDate } from '../../../lib/dates';

/** One rating of a goal as plotted and tabled. */
export interface GoalChartPoint {
  /** Position in date order (two ratings may share a date). */
  index: number;
  ratedOn: string;
  /** Days since 01/01/1970: the chart's x value, so ratings sit apart as far as their dates do. */
  day: number;
  /** dd/mm/yyyy, the axis tick and the table's date. */
  dateLabel: string;
  rating: number;
  /** Points from the first rating: positive is progress towards the goal. */
  fromFirst: number;
  /** Whether this rating is a reliable change from the first (at least 3 points either way). */
  reliable: boolean;
  /** Where the rating was taken: "Baseline, when the goal was set" or "Individual session". */
  takenAt: string;
}

export interface GoalChartData {
  goalId: string;
  /** "Goal 1", as the plan numbers them. */
  name: string;
  description: string;
  areaLabel: string;
  points: GoalChartPoint[];
  /** First, latest and change (null with no ratings yet). */
  change: GboChange | null;
  /** The summary written under the heading, e.g. "First 2, latest 7: Reliable improvement (+5)." */
  summary: string;
}

/** A calendar date (yyyy-mm-dd) as a count of days, whatever the laptop's time zone. */
export function dayNumber(isoDate: string): number {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number) as [number, number, number];
  return Math.round(Date.UTC(y, m - 1, d) / 86_400_000);
}

/** The axis ticks of a chart by date: each date once, in order. */
export function dayTicks(days: readonly number[]): number[] {
  return [...new Set(days)].sort((a, b) => a - b);
}

/** Where a rating was taken, in words: the baseline, a session of the log, or a session not loaded. */
function takenAtWords(sessionId: string | null, sessions: ReadonlyMap<string, InterventionSessionView>): string {
  if (sessionId === null) return 'Baseline, when the goal was set';
  const session = sessions.get(sessionId);
  return session ? `${SESSION_TYPE_LABELS[session.sessionType]} session` : 'Session';
}

/**
 * The chart data of one goal: its ratings in date order (ties keep the stored order, so the
 * baseline stays first, as `gboChange` takes them), each with its change from the first.
 */
export function goalChartData(goal: GoalView, sessions: readonly InterventionSessionView[]): GoalChartData {
  const bySession = new Map(sessions.map((s) => [s.id, s]));
  const ordered = goal.ratings
    .map((r, i) => ({ r, i }))
    .sort((a, b) => (a.r.ratedOn < b.r.ratedOn ? -1 : a.r.ratedOn > b.r.ratedOn ? 1 : a.i - b.i))
    .map(({ r }) => r);
  const first = ordered[0]?.rating ?? 0;
  const points = ordered.map((r, index) => {
    const fromFirst = r.rating - first;
    return {
      index,
      ratedOn: r.ratedOn,
      day: dayNumber(r.ratedOn),
      dateLabel: formatDate(r.ratedOn),
      rating: r.rating,
      fromFirst,
      reliable: isReliableChange(fromFirst),
      takenAt: takenAtWords(r.sessionId, bySession),
    };
  });
  const change = gboChange(ordered);
  return {
    goalId: goal.id,
    name: `Goal ${goal.seq}`,
    description: goal.description,
    areaLabel: GOAL_AREA_LABELS[goal.area],
    points,
    change,
    summary: goalSummary(change, points.length),
  };
}

/** The goal's first, latest and change in one sentence, the reliable change said in words. */
export function goalSummary(change: GboChange | null, ratings: number): string {
  if (!change) return 'Not rated yet.';
  if (ratings === 1) return `Rated once: ${change.first} out of 10. Change shows from the second rating.`;
  return `First ${change.first}, latest ${change.latest} out of 10: ${change.words}.`;
}

/** A rating's change from the first in the table: "+4, reliable" or "+1" or "First rating". */
export function fromFirstWords(point: GoalChartPoint): string {
  if (point.index === 0) return 'First rating';
  return point.reliable ? `${changeWords(point.fromFirst)}` : signed(point.fromFirst);
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}

/**
 * Where the chart draws its reliable-change guides: the first rating plus and minus
 * {@link RELIABLE_CHANGE_POINTS}, each only where it falls on the 0-10 scale. None before a
 * second rating, when there is no change to judge.
 */
export function reliableGuides(points: readonly GoalChartPoint[]): number[] {
  const first = points[0];
  if (!first || points.length < 2) return [];
  return [first.rating - RELIABLE_CHANGE_POINTS, first.rating + RELIABLE_CHANGE_POINTS].filter(
    (y) => y >= GBO_MIN && y <= GBO_MAX,
  );
}
