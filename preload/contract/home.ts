/**
 * Home: the first screen after sign-in, the signed-in user's own work at a glance. One channel,
 * `home:summary`, read in one transaction and audited as a read of the user's own summary (the
 * audit row holds counts only, never a case).
 *
 * "Mine" is the caseload's rule: a case whose lead worker or allocated clinician is the user.
 * Cases that are closed or declined are left out of every section: Home is about the work still
 * to do; the Cases area keeps them. Every list is bounded at {@link HOME_LIST_LIMIT} items with
 * its `total`, so the screen can say "and N more" and link to where the full list lives.
 */
import { z } from 'zod';
import type { CaseStatus } from './case-records';
import { ANY_USER, channel } from './define';
import type { SessionType } from './intervention-records';

/** At most this many items in each list of the summary. */
export const HOME_LIST_LIMIT = 50;

/** Tasks due within this many days from today (today included) are "due soon" (the tasks rule). */
export const HOME_TASK_DUE_SOON_DAYS = 7;

/** One bounded list: the first {@link HOME_LIST_LIMIT} items and how many there are in all. */
export interface HomeList<T> {
  items: T[];
  total: number;
}

/** What every item on a case carries, so the screen can name the case and open it. */
export interface HomeCaseRef {
  caseId: string;
  reference: string;
  /** The young person's name (initials on consultation-only cases). */
  youngPersonName: string;
}

/** One of my open cases. */
export interface HomeCase extends HomeCaseRef {
  status: CaseStatus;
  /** True when I am the lead worker, false when I am an allocated clinician. */
  lead: boolean;
  /** Flags on the case not yet cleared. */
  openFlags: number;
}

/** One of my open tasks with a due date, overdue or due within the next 7 days. */
export interface HomeTask extends HomeCaseRef {
  taskId: string;
  title: string;
  dueDate: string;
}

/**
 * The 12-week statuses of an open assessment, as the Assessments area has them:
 * `awaiting_paperwork` is an assessment whose clock has not started (no paperwork-complete date).
 */
export const HOME_ASSESSMENT_STATUSES = ['overdue', 'due_soon', 'on_track', 'awaiting_paperwork'] as const;
export type HomeAssessmentStatus = (typeof HOME_ASSESSMENT_STATUSES)[number];

/** An open assessment on one of my cases. */
export interface HomeAssessment extends HomeCaseRef {
  assessmentId: string;
  dueDate: string | null;
  /** Days until the due date (negative: overdue); null while waiting for paperwork. */
  daysRemaining: number | null;
}

/** A flag not yet cleared on one of my cases. */
export interface HomeFlag extends HomeCaseRef {
  flagId: string;
  reason: string;
  addressBy: string | null;
  /** Past its address-by date. */
  overdue: boolean;
}

/** A booked intervention session this week, on a plan I deliver or a case of mine. */
export interface HomeInterventionSession extends HomeCaseRef {
  sessionId: string;
  sessionDate: string;
  /** `HH:MM`. */
  startTime: string;
  sessionType: SessionType;
}

/** A session this week of a Safe Home run I facilitate. */
export interface HomeSafeHomeSession {
  sessionId: string;
  runId: string;
  runTitle: string;
  kind: 'planned' | 'catch_up';
  /** The session's number in the programme (a catch-up repeats its session's number). */
  seq: number;
  sessionDate: string;
  /** Whether its register has been taken. */
  registerTaken: boolean;
}

/** Everything Home shows for the signed-in user. */
export interface HomeSummary {
  /** The vault's today (England), and this week's Monday and Sunday. */
  today: string;
  weekFrom: string;
  weekTo: string;
  /** The last day counted as "due soon" for tasks: today + 7 days. */
  dueSoonTo: string;
  caseload: HomeList<HomeCase>;
  overdueTasks: HomeList<HomeTask>;
  dueSoonTasks: HomeList<HomeTask>;
  /** Open assessments on my cases by 12-week status. */
  assessments: Record<HomeAssessmentStatus, HomeList<HomeAssessment>>;
  flags: HomeList<HomeFlag>;
  interventionSessions: HomeList<HomeInterventionSession>;
  safeHomeSessions: HomeList<HomeSafeHomeSession>;
}

export const homeChannels = {
  /**
   * The signed-in user's Home: open caseload, overdue and due-soon tasks, open assessments by
   * 12-week status, flags to address, this week's booked intervention sessions and the sessions
   * of Safe Home runs they facilitate. Every role may ask (a read-only user gets their own, often
   * empty). One audit row, `home.summary`, with counts only.
   */
  'home:summary': channel<HomeSummary>()(z.object({}).strict(), ANY_USER),
} as const;
