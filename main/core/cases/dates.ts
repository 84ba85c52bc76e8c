/**
 * Date-only arithmetic for the case rules. Calendar dates are `YYYY-MM-DD` strings handled as
 * UTC midnights, so adding days never meets a clock change and leap years come from the
 * calendar itself. "Today" is the date in England (Europe/London), where the service works.
 */
import type { CaseStatus, ClockReading, Service } from '../../../preload/contract/case-records';

const DAY_MS = 86_400_000;

/** Twelve weeks, in calendar days (weekends count). */
export const ASSESSMENT_TARGET_DAYS = 84;
/** The clock shows "due soon" from this many days before the due date. */
export const DUE_SOON_DAYS = 14;

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

/** What the assessment clock depends on: the case's state as well as its dates. */
export interface ClockFacts {
  caseStatus: CaseStatus;
  /** False on consultation-only cases and when no service asked for or given is an assessment. */
  assessmentApplies: boolean;
  dueDate: string | null;
  completedDate: string | null;
}

/** Whether a case has a 12-week assessment clock at all (see {@link ClockFacts}). */
export function assessmentApplies(consultationOnly: boolean, services: readonly Service[]): boolean {
  return !consultationOnly && services.includes('assessment');
}

const NO_READING = { daysRemaining: null, week: null, completedInDays: null, completedOnTime: null };

/**
 * Where the assessment clock stands today: the one rule behind the caseload and the case page.
 * In order: no clock on declined cases or without an assessment (`none`); a completed date
 * means `complete`, whatever the status; a case closed without one was `not_assessed` (never
 * "overdue" or "awaiting paperwork"); no due date yet is `not_started`; otherwise the clock
 * runs. Boundaries: due today or within 14 days is `due_soon`; the day after the due date is
 * `overdue`. A running clock is in week 1 on the day the paperwork is complete and in week 12
 * from day 77 until the due date (day 84 is shown as week 12, not 13).
 */
export function readClock(facts: ClockFacts, today: string): ClockReading {
  const { caseStatus, dueDate, completedDate } = facts;
  if (!facts.assessmentApplies || caseStatus === 'declined') return { status: 'none', ...NO_READING };
  if (completedDate) {
    return {
      status: 'complete',
      ...NO_READING,
      completedInDays: dueDate ? daysBetween(addDays(dueDate, -ASSESSMENT_TARGET_DAYS), completedDate) : null,
      completedOnTime: dueDate ? completedDate <= dueDate : null,
    };
  }
  if (caseStatus === 'closed') return { status: 'not_assessed', ...NO_READING };
  if (!dueDate) return { status: 'not_started', ...NO_READING };
  const daysRemaining = daysBetween(today, dueDate);
  if (daysRemaining < 0) return { status: 'overdue', ...NO_READING, daysRemaining };
  const elapsed = ASSESSMENT_TARGET_DAYS - daysRemaining;
  const week = Math.min(ASSESSMENT_TARGET_DAYS / 7, Math.max(1, Math.floor(elapsed / 7) + 1));
  return { status: daysRemaining <= DUE_SOON_DAYS ? 'due_soon' : 'on_track', ...NO_READING, daysRemaining, week };
}
