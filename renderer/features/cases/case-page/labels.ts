/** Words for the case record's codes, as clinicians say them (UK English). */
import { formatDate } from '../../../lib/dates';
import type {
  AssessmentClock,
  CaseStatus,
  ClockReading,
  ClockStatus,
  ConsentStatus,
  LegalStatus,
  NoteType,
  PersonKind,
  Placement,
  ProfessionalRole,
  Service,
  TaskState,
  FlagState,
} from '../../../../preload/contract';
import { chronologyKind, isChronologyKind } from '../../../../preload/contract/chronology-kinds';

export const STATUS_LABELS: Record<CaseStatus, string> = {
  referred: 'Referred',
  accepted: 'Accepted',
  declined: 'Declined',
  active: 'Active',
  closed: 'Closed',
};

export const SERVICE_LABELS: Record<Service, string> = {
  consultation: 'Professional consultation',
  assessment: 'Assessment',
  attachment_assessment: 'Attachment assessment',
  intervention: 'Intervention (treatment)',
  safe_home: 'Safe Home',
};

export const LEGAL_STATUS_LABELS: Record<LegalStatus, string> = {
  police_investigation_active: 'Police investigation active',
  charged: 'Charged',
  court_order: 'Court order',
  none: 'None: no police or court involvement',
  not_known: 'Not known',
};

export const PLACEMENT_LABELS: Record<Placement, string> = {
  family_home: 'Family home',
  kinship: 'Kinship care',
  foster: 'Foster care',
  residential: 'Residential',
  secure: 'Secure',
  other: 'Other',
  not_known: 'Not known',
};

export const CONSENT_STATUS_LABELS: Record<ConsentStatus, string> = {
  given: 'Given',
  given_with_limits: 'Given with limits',
  refused: 'Refused',
  not_yet_sought: 'Not yet sought',
  not_known: 'Not known',
};

export const PERSON_KIND_LABELS: Record<PersonKind, string> = {
  referrer: 'Referrer',
  professional: 'Professional',
  parent_carer: 'Parent or carer',
  sibling: 'Sibling',
  household_child: 'Other child in the household',
};

export const ROLE_LABELS: Record<ProfessionalRole, string> = {
  social_worker: 'Social worker',
  police: 'Police',
  camhs: 'CAMHS',
  yot: 'Youth offending team',
  school: 'School or college',
  gp: 'GP',
  other: 'Other',
};

export const NOTE_TYPE_LABELS: Record<NoteType, string> = {
  case_note: 'Case note',
  session: 'Session',
  meeting: 'Meeting',
  phone_call: 'Phone call',
  email: 'Email',
  supervision: 'Supervision',
  other: 'Other',
};

/** The state of the assessment clock in words (the case page's title for it). */
export const CLOCK_LABELS: Record<ClockStatus, string> = {
  not_started: 'Awaiting paperwork',
  on_track: 'On track',
  due_soon: 'Due within 14 days',
  overdue: 'Overdue',
  complete: 'Assessment completed',
  not_assessed: 'Not assessed',
  none: 'No assessment clock',
};

/** Weeks in the assessment target (84 days). */
const TARGET_WEEKS = 12;

/**
 * Where the clock stands, in a few words: "Week 5 of 12", "Due in 9 days" (the last 14),
 * "3 days overdue", "Completed in 70 days, on time" (", late" when after the due date), "Not assessed".
 */
export function clockText(clock: ClockReading): string {
  const { status, week, daysRemaining, completedInDays } = clock;
  switch (status) {
    case 'on_track':
      return `Week ${week ?? 1} of ${TARGET_WEEKS}`;
    case 'due_soon':
      // Its own words, not only its colour: the last two weeks.
      return daysRemaining === 0 ? 'Due today' : `Due in ${days(daysRemaining ?? 0)}`;
    case 'overdue':
      return `${days(-(daysRemaining ?? 0))} overdue`;
    case 'complete':
      if (completedInDays === null) return 'Completed';
      // On time or late in words, so the caseload says which without the colour (report sent stops the clock).
      if (clock.completedOnTime === null) return `Completed in ${days(completedInDays)}`;
      return `Completed in ${days(completedInDays)}, ${clock.completedOnTime ? 'on time' : 'late'}`;
    default:
      return CLOCK_LABELS[status];
  }
}

/** The clock's dates in a sentence, for the case page (dd/mm/yyyy). */
export function clockDetail(clock: AssessmentClock): string {
  const due = clock.assessmentDueDate ? formatDate(clock.assessmentDueDate) : null;
  const n = clock.daysRemaining ?? 0;
  switch (clock.status) {
    case 'not_started':
      return 'Waiting for paperwork: the 12 weeks start when every required item has been received.';
    case 'on_track':
    case 'due_soon':
      return `Due ${due}: ${days(n)} remaining.`;
    case 'overdue':
      return `Was due ${due}: ${days(-n)} overdue.`;
    case 'complete': {
      const on = `Completed on ${formatDate(clock.assessmentCompletedDate)}`;
      if (clock.completedInDays === null || !due) return `${on}.`;
      const after = `${days(clock.completedInDays)} after the paperwork was complete`;
      return clock.completedOnTime ? `${on}, ${after}: on time (due ${due}).` : `${on}, ${after}: late (due ${due}).`;
    }
    case 'not_assessed':
      return `The case was closed without an assessment completed date${due ? ` (it was due ${due})` : ''}.`;
    case 'none':
      return 'This case has no assessment clock.';
  }
}

export const TASK_STATE_LABELS: Record<TaskState, string> = {
  open: 'Open',
  due_soon: 'Due within 7 days',
  overdue: 'Overdue',
  done: 'Done',
};

export const FLAG_STATE_LABELS: Record<FlagState, string> = {
  open: 'Open',
  overdue: 'Open, past its address-by date',
  cleared: 'Cleared',
};

/**
 * A chronology kind's short label, from its one definition in the contract. Sources can only
 * name defined kinds; should a fragment's SQL still select another, it reads as its id in words
 * (as on the printed chronology) rather than breaking the tab.
 */
export function chronologyKindLabel(kind: string): string {
  return isChronologyKind(kind) ? chronologyKind(kind).label : kind.replace(/_/g, ' ');
}

/** "1 day", "3 days". */
export function days(n: number): string {
  return n === 1 ? '1 day' : `${n} days`;
}

/** Bytes in words: 980 bytes, 12.4 KB, 3.1 MB, 1.2 GB. */
export function formatBytes(n: number): string {
  if (n < 1024) return n === 1 ? '1 byte' : `${n} bytes`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = n / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}
