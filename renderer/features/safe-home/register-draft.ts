/**
 * Taking one session's register, as the form holds it: a row per carer expected (their state,
 * reason, when apologies were sent, their own note), the group note and the themes covered.
 * `registerInput` turns it into the contract's input, or the errors to show by each field; the
 * core checks it all again (and checks the group note against every family member's name).
 */
import {
  groupNoteNamesProblem,
  registerSchema,
  WITHDRAWAL_REASON_LABELS,
  type EnrolmentView,
  type FamilyName,
  type RegisterInput,
  type RegisterState,
  type RunSessionView,
  type RunView,
} from '../../../preload/contract/safe-home';
import { localDateTimeIso, parseTime, parseUkDate, todayUk } from '../cases/case-page/uk-date';
import { cellsBySession, isExpected } from './register-grid';

export interface RegisterRow {
  enrolmentId: string;
  carerName: string;
  caseReference: string;
  /** '' until chosen: the form never guesses who came. */
  state: RegisterState | '';
  reason: string;
  /** When apologies were sent: a date (dd/mm/yyyy) and a time (HH:mm). */
  cancelledDate: string;
  cancelledTime: string;
  carerNote: string;
}

export interface RegisterDraft {
  rows: RegisterRow[];
  groupNote: string;
  /** The themes covered; starts as planned. */
  themeIds: string[];
}

/** The field ids of a row, shared by the form and the errors. */
export const rowFieldId = (
  enrolmentId: string,
  field: 'state' | 'reason' | 'cancelledDate' | 'cancelledTime' | 'carerNote',
) => `register-${field}-${enrolmentId}`;
export const GROUP_NOTE_ID = 'register-group-note';
/** The key of an error about the register as a whole, shown above its save button. */
export const REGISTER_FORM_ERROR = 'register-form';

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** "2026-02-10T18:05:00+00:00" -> ["10/02/2026", "18:05"] in the laptop's time zone. */
function splitDateTime(iso: string | null): [string, string] {
  if (!iso) return ['', ''];
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return ['', ''];
  return [
    `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()}`,
    `${pad(d.getHours())}:${pad(d.getMinutes())}`,
  ];
}

/** A withdrawal as the reason on a register: "Practical reasons (work, travel, childcare): shift work". */
function withdrawalWords(w: NonNullable<EnrolmentView['withdrawal']>): string {
  return w.detail ? `${WITHDRAWAL_REASON_LABELS[w.reason]}: ${w.detail}` : WITHDRAWAL_REASON_LABELS[w.reason];
}

/** The carers on a session's register: those it expects, plus anyone already marked on it. */
export function expectedCarers(run: RunView, session: RunSessionView): EnrolmentView[] {
  const marked = cellsBySession(run.register).get(session.id);
  return run.enrolments.filter((e) => isExpected(session, e) || marked?.has(e.id));
}

/**
 * The form's starting point: what the register already holds (states, reasons, the notes, so a
 * correction starts from them), else nothing chosen (a carer withdrawn on or before the session
 * date starts as withdrawn, with the withdrawal's reason).
 */
export function initialDraft(run: RunView, session: RunSessionView): RegisterDraft {
  const marked = cellsBySession(run.register).get(session.id);
  const rows = expectedCarers(run, session).map((e): RegisterRow => {
    const cell = marked?.get(e.id);
    const [cancelledDate, cancelledTime] = splitDateTime(cell?.cancelledAt ?? null);
    const withdrawnBefore = e.withdrawal && e.withdrawal.withdrawnOn <= session.sessionDate;
    return {
      enrolmentId: e.id,
      carerName: e.carerName,
      caseReference: e.caseReference,
      state: cell?.state ?? (withdrawnBefore ? 'withdrawn' : ''),
      reason: cell?.reason ?? (e.withdrawal && withdrawnBefore ? withdrawalWords(e.withdrawal) : ''),
      cancelledDate,
      cancelledTime,
      carerNote: cell?.carerNote ?? '',
    };
  });
  return { rows, groupNote: session.groupNote, themeIds: session.themes.map((t) => t.id) };
}

/** Split "Kerry Ellis" into a given and a family name for the names check. */
function familyNameOf(carerName: string): FamilyName {
  const parts = carerName.trim().split(/\s+/);
  return {
    givenName: parts[0] ?? null,
    familyName: parts.length > 1 ? parts.slice(1).join(' ') : null,
  };
}

/** The carers' names a group note contains (the core also checks the rest of each family). */
export function namesInGroupNote(note: string, run: RunView): string[] {
  return groupNoteNamesProblem(
    note,
    run.enrolments.map((e) => familyNameOf(e.carerName)),
  );
}

export function namesProblemMessage(names: readonly string[]): string {
  return `The group note goes on every attending family’s case, so it cannot name anyone of a family. Take out: ${names.join(', ')}. Put what is about one carer in their own note.`;
}

export type RegisterErrors = Record<string, string>;

/** The contract's input, or the errors by field id (nothing is sent while there are any). */
export function registerInput(
  draft: RegisterDraft,
  run: RunView,
  session: RunSessionView,
): { input: RegisterInput; errors: null } | { input: null; errors: RegisterErrors } {
  const errors: RegisterErrors = {};
  const entries: RegisterInput['entries'] = [];
  for (const row of draft.rows) {
    if (!row.state) {
      errors[rowFieldId(row.enrolmentId, 'state')] = `Choose whether ${row.carerName} attended.`;
      continue;
    }
    let cancelledAt: string | null = null;
    if (row.state === 'apologies') {
      const date = parseUkDate(row.cancelledDate);
      const time = parseTime(row.cancelledTime);
      if (!date)
        errors[rowFieldId(row.enrolmentId, 'cancelledDate')] =
          `Enter the date the apologies were sent as dd/mm/yyyy, for example ${todayUk()}.`;
      if (!time)
        errors[rowFieldId(row.enrolmentId, 'cancelledTime')] =
          'Enter the time the apologies were sent as HH:mm, for example 18:30.';
      if (date && time) cancelledAt = localDateTimeIso(date, time);
    }
    if (row.state === 'withdrawn' && !row.reason.trim()) {
      errors[rowFieldId(row.enrolmentId, 'reason')] = `Say why ${row.carerName} withdrew.`;
    }
    entries.push({
      enrolmentId: row.enrolmentId,
      state: row.state,
      reason: row.reason.trim() ? row.reason.trim() : null,
      cancelledAt,
      carerNote: row.carerNote,
    });
  }
  const names = namesInGroupNote(draft.groupNote, run);
  if (names.length > 0) errors[GROUP_NOTE_ID] = namesProblemMessage(names);
  if (Object.keys(errors).length > 0) return { input: null, errors };

  const planned = session.themes.map((t) => t.id);
  const asPlanned = planned.length === draft.themeIds.length && planned.every((id) => draft.themeIds.includes(id));
  const input: RegisterInput = {
    entries,
    groupNote: draft.groupNote,
    themeIdsCovered: asPlanned ? null : draft.themeIds,
  };
  const parsed = registerSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { input: null, errors: { [REGISTER_FORM_ERROR]: issue?.message ?? 'Check the register.' } };
  }
  return { input, errors: null };
}
