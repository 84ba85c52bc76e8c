/**
 * The session form's working copy (typed text) and how it becomes the contract's session
 * input. It starts from a session's content: an empty note and "start from the last session"
 * both come from the contract's `startFromLastSession`, and editing starts from the saved note,
 * so the three fill the form the same way. The refusals are the contract's words
 * (`interventionSessionSchema`), plus the core's rules on dates, said by the field.
 */
import {
  attendanceNeedsReason,
  interventionSessionSchema,
  type Attendance,
  type InterventionSessionContent,
  type SessionType,
  type Venue,
} from '../../../preload/contract/intervention-records';
import { checkUkDate, isoToUk, parseTime, parseUkDate } from '../cases/case-page/uk-date';
import { RATING_PROBLEM, ratingOf } from './plan-draft';

export interface SessionDraft {
  sessionDate: string;
  startTime: string;
  duration: string;
  sessionType: SessionType;
  attendees: string;
  venue: Venue;
  attendance: Attendance;
  attendanceReason: string;
  goalIds: string[];
  /** Ratings as typed, by goal id (blank: not rated in this session). */
  ratings: Record<string, string>;
  content: string;
  observations: string;
  nextSteps: string;
}

/** Field keys: the draft's own, plus `rating-<goalId>` for each goal's rating. */
export type SessionErrors = Record<string, string>;

export const ratingField = (goalId: string) => `rating-${goalId}`;

/** The form filled from a session's content (a saved note, or the structure of a new one). */
export function sessionDraftOf(s: InterventionSessionContent): SessionDraft {
  return {
    sessionDate: isoToUk(s.sessionDate),
    startTime: s.startTime,
    duration: String(s.durationMinutes),
    sessionType: s.sessionType,
    attendees: s.attendees,
    venue: s.venue,
    attendance: s.attendance,
    attendanceReason: s.attendanceReason ?? '',
    goalIds: [...s.goalIds],
    ratings: Object.fromEntries(s.ratings.map((r) => [r.goalId, String(r.rating)])),
    content: s.content,
    observations: s.observations,
    nextSteps: s.nextSteps,
  };
}

/** Whether the form asks for goal ratings: only a session that was attended takes them. */
export const takesRatings = (a: Attendance): boolean => a === 'attended';

/** Whether the form asks which goals were (or will be) worked on: not for a session that was not held. */
export const takesGoals = (a: Attendance): boolean => a === 'attended' || a === 'planned';

/** A duration typed as text: the number when it is whole minutes, else NaN (the schema says why). */
function minutesOf(text: string): number {
  return /^\s*\d{1,4}\s*$/.test(text) ? Number(text) : Number.NaN;
}

/** "9:30" as the contract's "09:30"; anything else as typed, for the schema to refuse. */
function timeOf(text: string): string {
  const t = parseTime(text);
  return t ? `${String(t[0]).padStart(2, '0')}:${String(t[1]).padStart(2, '0')}` : text.trim();
}

/** What the draft says, before the contract's schema checks it. Ratings only when attended; goals only when held or booked. */
function toInput(d: SessionDraft) {
  const ratings = takesRatings(d.attendance)
    ? Object.entries(d.ratings).flatMap(([goalId, text]) => {
        const rating = ratingOf(text);
        return typeof rating === 'number' ? [{ goalId, rating }] : [];
      })
    : [];
  return {
    sessionDate: parseUkDate(d.sessionDate) ?? '',
    startTime: timeOf(d.startTime),
    durationMinutes: minutesOf(d.duration),
    sessionType: d.sessionType,
    attendees: d.attendees,
    venue: d.venue,
    attendance: d.attendance,
    // A reason left from an earlier answer is dropped, as the core does (normaliseAttendance).
    attendanceReason: attendanceNeedsReason(d.attendance) ? d.attendanceReason.trim() || null : null,
    goalIds: takesGoals(d.attendance) ? d.goalIds : [],
    content: d.content,
    observations: d.observations,
    ratings,
    nextSteps: d.nextSteps,
  };
}

const FIELD_OF_PATH: Record<string, keyof SessionDraft> = {
  sessionDate: 'sessionDate',
  startTime: 'startTime',
  durationMinutes: 'duration',
  sessionType: 'sessionType',
  attendees: 'attendees',
  venue: 'venue',
  attendance: 'attendance',
  attendanceReason: 'attendanceReason',
  goalIds: 'goalIds',
  content: 'content',
  observations: 'observations',
  ratings: 'ratings',
  nextSteps: 'nextSteps',
};

/**
 * Check the draft against the contract and the dates against today (`todayIso`: a booked session
 * is not in the past, a held one not in the future, as the core refuses). Returns the errors by
 * field and, when there are none, the input for `interventionSession:create` / `:update`.
 */
export function checkSession(
  d: SessionDraft,
  todayIso: string,
): { errors: SessionErrors; input: InterventionSessionContent | null } {
  const errors: SessionErrors = {};
  const date = checkUkDate(d.sessionDate, 'date of the session', true);
  const iso = parseUkDate(d.sessionDate);
  if (date) errors.sessionDate = date;
  else if (iso && d.attendance === 'planned' && iso < todayIso)
    errors.sessionDate = 'A planned session cannot be dated in the past. Record whether it was attended instead.';
  else if (iso && d.attendance !== 'planned' && iso > todayIso)
    errors.sessionDate = 'The session is dated in the future. Book it as planned, and record it once it has happened.';
  if (!d.duration.trim()) errors.duration = 'Enter how long the session lasted, in minutes.';
  if (takesRatings(d.attendance)) {
    for (const [goalId, text] of Object.entries(d.ratings)) {
      if (ratingOf(text) === undefined) errors[ratingField(goalId)] = RATING_PROBLEM;
    }
  }
  const parsed = interventionSessionSchema.safeParse(toInput(d));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = FIELD_OF_PATH[String(issue.path[0])];
      if (field && !errors[field]) errors[field] = issue.message;
    }
  }
  return { errors, input: parsed.success && Object.keys(errors).length === 0 ? parsed.data : null };
}
