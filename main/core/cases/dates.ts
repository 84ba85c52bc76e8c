/**
 * Date-only arithmetic for the case rules. Calendar dates are `YYYY-MM-DD` strings handled as
 * UTC midnights, so adding days never meets a clock change and leap years come from the
 * calendar itself. "Today" is the date in England (Europe/London), where the service works.
 */
import type { ClockStatus } from '../../../preload/contract/case-records';

const DAY_MS = 86_400_000;

/** Twelve weeks, in calendar days (weekends count). */
export const ASSESSMENT_TARGET_DAYS = 84;
/** The clock shows "due soon" from this many days before the due date. */
export const DUE_SOON_DAYS = 14;
/** Oldest age (in whole years, at referral) the service accepts. */
export const MAX_AGE_AT_REFERRAL = 21;

function toUtc(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

export function addDays(date: string, days: number): string {
  return new Date(toUtc(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

/**
 * Age in whole years on a date. A birthday not yet reached this year does not count. Someone
 * born on 29 February has their birthday on 1 March in other years (as in UK law): comparing
 * month and day does exactly that, since 28/02 sorts before 29/02 and 01/03 after it.
 */
export function ageOn(dateOfBirth: string, on: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  const beforeBirthday = m < bm || (m === bm && d < bd);
  return y - by - (beforeBirthday ? 1 : 0);
}

const londonDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date in England at this moment (en-CA formats as YYYY-MM-DD). */
export function localDate(at: Date): string {
  return londonDate.format(at);
}

/** Show a date the UK way: dd/mm/yyyy. */
export function formatUkDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

/** Accept `dd/mm/yyyy` (or `d/m/yyyy`) or ISO `yyyy-mm-dd`; null if neither or not a real date. */
export function parseUserDate(text: string): string | null {
  const trimmed = text.trim();
  let iso: string | null = null;
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(trimmed);
  if (uk) iso = `${uk[3]}-${uk[2]?.padStart(2, '0')}-${uk[1]?.padStart(2, '0')}`;
  else if (/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) iso = trimmed;
  if (!iso) return null;
  const t = toUtc(iso);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === iso ? iso : null;
}

/** Due date of the assessment: paperwork-complete date + 84 calendar days. */
export function assessmentDueDate(paperworkCompleteDate: string): string {
  return addDays(paperworkCompleteDate, ASSESSMENT_TARGET_DAYS);
}

/**
 * Where the assessment clock stands today. Boundaries: due today or within 14 days is due_soon;
 * the day after the due date is overdue.
 */
export function clockStatus(
  dueDate: string | null,
  completedDate: string | null,
  today: string,
): { status: ClockStatus; daysRemaining: number | null } {
  if (completedDate) return { status: 'complete', daysRemaining: null };
  if (!dueDate) return { status: 'not_started', daysRemaining: null };
  const daysRemaining = daysBetween(today, dueDate);
  if (daysRemaining < 0) return { status: 'overdue', daysRemaining };
  if (daysRemaining <= DUE_SOON_DAYS) return { status: 'due_soon', daysRemaining };
  return { status: 'on_track', daysRemaining };
}
