/**
 * Safe Home's views: what the channels of `safe-home.ts` return (the run overview and its register
 * grid, the service view, a case's carers' journeys and safety plans). The vocabularies and input
 * schemas they use are in `safe-home-records.ts`, which re-exports these.
 */
import type {
  SafeHomeAim,
  SafeHomeSessionKind,
  RegisterState,
  WithdrawalInput,
  WithdrawalReason,
  Delivery,
} from './safe-home-records';

export interface ThemeRef {
  id: string;
  label: string;
  aim: SafeHomeAim;
}

export interface RunSessionView {
  id: string;
  kind: SafeHomeSessionKind;
  /** 1..plannedSessions for planned sessions; a catch-up carries the number of the session it repeats. */
  seq: number;
  sessionDate: string;
  themes: ThemeRef[];
  /** Null until the register is taken. */
  registerTakenAt: string | null;
  /** For a catch-up, the enrolments it is for. */
  forEnrolmentIds: string[];
  /**
   * The group note as written ('' when none), so a register can be corrected with it in view.
   * The run overview is the service's own view; a family's journey shows it only for sessions
   * that family's carer attended.
   */
  groupNote: string;
  version: number;
}

/** A carer in a run, as the run overview shows them (the service's own view, not a family's). */
export interface EnrolmentView {
  id: string;
  runId: string;
  caseId: string;
  caseReference: string;
  personId: string;
  carerName: string;
  /** E.g. "Mother", as on the People tab. */
  relationship: string | null;
  enrolledOn: string;
  withdrawal: (WithdrawalInput & { reason: WithdrawalReason }) | null;
  progress: CarerProgress;
  version: number;
}

/** Per carer: what the summary, the journey and the overview all show. */
export interface CarerProgress {
  plannedSessions: number;
  /** Planned sessions held so far (register taken). */
  sessionsHeld: number;
  /** Planned sessions the carer attended (catch-ups not counted). */
  sessionsAttended: number;
  catchUpsAttended: number;
  /** Themes of attended sessions and catch-ups, in plan order. */
  themesCovered: ThemeRef[];
  /** Themes of sessions held that the carer did not cover. */
  themesMissed: ThemeRef[];
  attendedSafetyPlanSession: boolean;
  /** By the completion rule: `in_progress` until the run finishes or the carer withdraws. */
  completion: 'in_progress' | 'completed' | 'not_completed' | 'withdrawn';
  /** The completion in words, e.g. "Completed: 11 of 13 sessions (85 %) and the safety-plan session". */
  completionWords: string;
  confidenceBefore: number | null;
  confidenceAfter: number | null;
  knowledgeBefore: number | null;
  knowledgeAfter: number | null;
  goals: { id: string; description: string; baseline: number | null; latest: number | null }[];
}

/** One cell of the register grid. */
export interface RegisterCell {
  sessionId: string;
  enrolmentId: string;
  state: RegisterState;
  reason: string | null;
  cancelledAt: string | null;
  /** This carer's own note ('' when none), for correcting the register; shown only on their case otherwise. */
  carerNote: string;
}

/** The run overview: the plan, the carers, and the register grid (carers x sessions). */
export interface RunView {
  id: string;
  title: string;
  delivery: Delivery;
  facilitators: { id: string; name: string }[];
  startDate: string;
  plannedSessions: number;
  venue: string;
  /** `planned` before the first session is held, `finished` once closed. */
  status: 'planned' | 'in_progress' | 'finished';
  closedOn: string | null;
  /** Planned sessions by seq, then catch-ups by date. */
  sessions: RunSessionView[];
  enrolments: EnrolmentView[];
  /** Every register entry taken; a cell absent is "not yet taken". */
  register: RegisterCell[];
  /** Themes covered by sessions held so far, with how many times. */
  themesDelivered: { theme: ThemeRef; sessions: number }[];
  version: number;
}

/** A row of the service view. */
export interface RunListItem {
  id: string;
  title: string;
  delivery: Delivery;
  startDate: string;
  status: RunView['status'];
  plannedSessions: number;
  sessionsHeld: number;
  carersEnrolled: number;
  carersWithdrawn: number;
  carersCompleted: number;
  nextSessionDate: string | null;
}

/**
 * The service view's figures: runs in progress, completion rates, and where carers drop out
 * (for each session number, how many carers' last attended session it was among those who
 * withdrew or did not complete).
 */
export interface SafeHomeServiceView {
  runsInProgress: number;
  runsFinished: number;
  carersEnrolled: number;
  carersCompleted: number;
  carersWithdrawn: number;
  /** Completed / (completed + not completed + withdrawn) over finished enrolments; null if none. */
  completionRate: number | null;
  /** By the number of the last planned session attended; `seq` 0: the carer attended none. */
  dropOutBySession: { seq: number; carers: number }[];
}

/** One session in a carer's journey on their own case: nothing of any other family. */
export interface JourneySessionView {
  sessionId: string;
  kind: SafeHomeSessionKind;
  seq: number;
  sessionDate: string;
  themes: ThemeRef[];
  state: RegisterState | null;
  reason: string | null;
  /** The group note (present only when this carer attended). */
  groupNote: string | null;
  /** This carer's own note. */
  carerNote: string | null;
}

export interface SafetyPlanVersionView {
  id: string;
  runId: string;
  caseId: string;
  /** 1, 2, ... in date order within the family's run. */
  versionNo: number;
  versionDate: string;
  content: string;
  reviewedIn: { sessionId: string; seq: number; sessionDate: string } | null;
  createdByName: string;
  version: number;
}

/** A carer's Safe Home journey as their case shows it (and the report and the bundle carry). */
export interface CarerJourneyView {
  enrolmentId: string;
  runId: string;
  runTitle: string;
  delivery: Delivery;
  carerName: string;
  relationship: string | null;
  enrolledOn: string;
  withdrawal: EnrolmentView['withdrawal'];
  progress: CarerProgress;
  sessions: JourneySessionView[];
}

/** The Safe Home of one case: its carers' journeys and the family's safety-plan versions. */
export interface CaseSafeHomeView {
  caseId: string;
  journeys: CarerJourneyView[];
  safetyPlans: SafetyPlanVersionView[];
}
