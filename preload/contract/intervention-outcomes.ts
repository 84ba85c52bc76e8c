/**
 * The rules of intervention outcomes that the core, the report and (later) the screens all
 * apply, as pure functions: a goal's change and whether it is reliable, a plan's attendance and
 * DNA rate, and the structure of a new session note started from the last one.
 */
import { attendanceNeedsReason, type Attendance, type InterventionSessionContent } from './intervention-records';

/**
 * A change of at least this many points on a 0-10 Goal Based Outcome is a reliable change (the
 * service's rule): smaller movements are within what a rating varies by on its own.
 */
export const RELIABLE_CHANGE_POINTS = 3;

/** How a goal moved from its first rating to its latest. */
export interface GboChange {
  first: number;
  latest: number;
  /** `latest - first`: positive is progress towards the goal. */
  change: number;
  /** Whether the change is at least {@link RELIABLE_CHANGE_POINTS}, either way. */
  reliable: boolean;
  /** The change in words, e.g. "Reliable improvement (+4)" (never a colour alone). */
  words: string;
}

/**
 * First, latest and change of a goal's ratings, taken in date order (ties keep the given order,
 * so a baseline given first stays first). Null with no ratings; with one rating the change is 0.
 */
export function gboChange(ratings: readonly { ratedOn: string; rating: number }[]): GboChange | null {
  if (ratings.length === 0) return null;
  const ordered = [...ratings].sort((a, b) => (a.ratedOn < b.ratedOn ? -1 : a.ratedOn > b.ratedOn ? 1 : 0));
  const first = (ordered[0] as { rating: number }).rating;
  const latest = (ordered[ordered.length - 1] as { rating: number }).rating;
  const change = latest - first;
  return { first, latest, change, reliable: isReliableChange(change), words: changeWords(change) };
}

/** Whether a change in GBO points is reliable: at least {@link RELIABLE_CHANGE_POINTS} up or down. */
export function isReliableChange(change: number): boolean {
  return Math.abs(change) >= RELIABLE_CHANGE_POINTS;
}

/** A change in words, the reliable ones said so: "Reliable improvement (+4)", "No change (0)". */
export function changeWords(change: number): string {
  const signed = change > 0 ? `+${change}` : String(change);
  if (change === 0) return 'No change (0)';
  if (isReliableChange(change))
    return change > 0 ? `Reliable improvement (${signed})` : `Reliable deterioration (${signed})`;
  return change > 0 ? `Improvement, not reliable (${signed})` : `Deterioration, not reliable (${signed})`;
}

/** A plan's attendance, over the sessions that have been held or were due to be. */
export interface AttendanceSummary {
  /** Every session that was due to take place: all but those still planned. */
  offered: number;
  attended: number;
  cancelledByFamily: number;
  cancelledByService: number;
  didNotAttend: number;
  /**
   * Did-not-attend as a share of the sessions the young person or family could have come to:
   * DNA / (offered - cancelled by the service), from 0 to 1. A session the service cancelled
   * was never really offered, so it counts neither way; one the family cancelled was offered
   * and is not a DNA. Null when no session counts (nothing offered yet).
   */
  dnaRate: number | null;
}

/** Count the attendances (planned sessions are left out) and work out the DNA rate. */
export function attendanceSummary(attendances: readonly Attendance[]): AttendanceSummary {
  const counts: Partial<Record<Attendance, number>> = {};
  for (const a of attendances) counts[a] = (counts[a] ?? 0) + 1;
  return attendanceSummaryOf(counts);
}

/** `attendanceSummary` of sessions already counted by attendance (the statistics' month tallies). */
export function attendanceSummaryOf(counts: Readonly<Partial<Record<Attendance, number>>>): AttendanceSummary {
  const attended = counts.attended ?? 0;
  const cancelledByFamily = counts.cancelled_by_family ?? 0;
  const cancelledByService = counts.cancelled_by_service ?? 0;
  const didNotAttend = counts.did_not_attend ?? 0;
  const offered = attended + cancelledByFamily + cancelledByService + didNotAttend;
  const base = offered - cancelledByService;
  return {
    offered,
    attended,
    cancelledByFamily,
    cancelledByService,
    didNotAttend,
    dnaRate: base === 0 ? null : didNotAttend / base,
  };
}

/** A DNA rate in words: "25%" or "No sessions yet". */
export function dnaRateWords(rate: number | null): string {
  return rate === null ? 'No sessions yet' : `${Math.round(rate * 100)}%`;
}

/**
 * "Start from the last session": a new note's structure filled from the last one. The type,
 * venue, start time, length, attendees and goals worked on carry over, and the last session's
 * next steps become the new note's starting content, so the clinician picks up where they left
 * off. The date is today and attendance `attended`; observations, ratings, next steps and any
 * reason are left empty, because they belong to the new session. With no last session the note
 * starts with the plan's goals and the service's usual defaults.
 */
export function startFromLastSession(
  last: InterventionSessionContent | null,
  today: string,
  planGoalIds: readonly string[],
): InterventionSessionContent {
  const goals = new Set(planGoalIds);
  const base: InterventionSessionContent = {
    sessionDate: today,
    startTime: '10:00',
    durationMinutes: 60,
    sessionType: 'individual',
    attendees: '',
    venue: 'clinic',
    attendance: 'attended',
    attendanceReason: null,
    goalIds: [...planGoalIds],
    content: '',
    observations: '',
    ratings: [],
    nextSteps: '',
  };
  if (!last) return base;
  return {
    ...base,
    startTime: last.startTime,
    durationMinutes: last.durationMinutes,
    sessionType: last.sessionType,
    attendees: last.attendees,
    venue: last.venue,
    goalIds: last.goalIds.filter((id) => goals.has(id)),
    content: last.nextSteps ? `Planned from the last session: ${last.nextSteps}` : '',
  };
}

/** The reason only where the attendance needs one, so a changed answer leaves no stale reason. */
export function normaliseAttendance(s: InterventionSessionContent): InterventionSessionContent {
  return { ...s, attendanceReason: attendanceNeedsReason(s.attendance) ? s.attendanceReason : null };
}
