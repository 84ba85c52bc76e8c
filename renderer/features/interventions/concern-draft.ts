/**
 * The safeguarding concern form's working copy and how it becomes the contract's concern input:
 * who was informed and when (a date and a time typed the UK way, sent with the laptop's
 * offset), and the follow-up task the core creates with the concern and its flag.
 */
import { concernSchema, type ConcernInput } from '../../../preload/contract/intervention-records';
import { formatDate } from '../../lib/dates';
import { checkUkDate, localDateTimeIso, parseTime, parseUkDate } from '../cases/case-page/uk-date';

export interface ConcernDraft {
  description: string;
  actionTaken: string;
  informedPersonIds: string[];
  informedDate: string;
  informedTime: string;
  taskTitle: string;
  taskOwnerId: string;
  taskDueDate: string;
}

export type ConcernErrors = Partial<Record<keyof ConcernDraft, string>>;

/** A new concern: informed today, now; the follow-up task named after the session and owned by the clinician. */
export function newConcernDraft(sessionDate: string, todayUk: string, now: string, ownerId: string): ConcernDraft {
  return {
    description: '',
    actionTaken: '',
    informedPersonIds: [],
    informedDate: todayUk,
    informedTime: now,
    taskTitle: `Follow up the safeguarding concern from the session of ${formatDate(sessionDate)}`,
    taskOwnerId: ownerId,
    taskDueDate: '',
  };
}

/** When they were informed, as the contract's ISO timestamp with the laptop's offset (or '' if unreadable). */
function informedAtOf(d: ConcernDraft): string {
  const date = parseUkDate(d.informedDate);
  const time = parseTime(d.informedTime);
  return date && time ? localDateTimeIso(date, time) : '';
}

const FIELD_OF_PATH: Record<string, keyof ConcernDraft> = {
  description: 'description',
  actionTaken: 'actionTaken',
  informedPersonIds: 'informedPersonIds',
  informedAt: 'informedDate',
  'followUp.title': 'taskTitle',
  'followUp.ownerId': 'taskOwnerId',
  'followUp.dueDate': 'taskDueDate',
};

/**
 * Check the draft against the contract (and `nowMs`: they cannot have been told in the future).
 * Returns the errors by field and, when there are none, the input for `interventionSession:raiseConcern`.
 */
export function checkConcern(d: ConcernDraft, nowMs: number): { errors: ConcernErrors; input: ConcernInput | null } {
  const errors: ConcernErrors = {};
  const date = checkUkDate(d.informedDate, 'date they were informed', true);
  if (date) errors.informedDate = date;
  if (!parseTime(d.informedTime)) errors.informedTime = 'Enter the time they were informed as HH:MM (24-hour).';
  const informedAt = informedAtOf(d);
  if (informedAt && new Date(informedAt).getTime() > nowMs)
    errors.informedDate = 'They cannot have been informed in the future. Check the date and time.';
  const due = checkUkDate(d.taskDueDate, 'due date of the task', false);
  if (due) errors.taskDueDate = due;
  if (!d.taskOwnerId) errors.taskOwnerId = 'Choose who will follow the concern up.';
  const parsed = concernSchema.safeParse({
    description: d.description,
    actionTaken: d.actionTaken,
    informedPersonIds: d.informedPersonIds,
    informedAt,
    followUp: { title: d.taskTitle, ownerId: d.taskOwnerId, dueDate: parseUkDate(d.taskDueDate) },
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = FIELD_OF_PATH[issue.path.join('.')];
      // An unreadable time is said by the time field; the schema's "when" would repeat it by the date.
      if (field === 'informedDate' && errors.informedTime) continue;
      if (field && !errors[field]) errors[field] = issue.message;
    }
  }
  return { errors, input: parsed.success && Object.keys(errors).length === 0 ? parsed.data : null };
}
