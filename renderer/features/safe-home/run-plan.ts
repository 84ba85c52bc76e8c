/**
 * A run's details and session plan as the forms hold them (dates typed dd/mm/yyyy), and the
 * contract's `RunInput` they make. Editing the details keeps the plan: sessions keep their ids
 * (and so their registers), a longer run gains weekly sessions after the last, a shorter one
 * loses its last sessions (the core refuses if one of those has a register).
 */
import type { Delivery, RunInput, RunView } from '../../../preload/contract/safe-home';
import { DEFAULT_PLANNED_SESSIONS } from '../../../preload/contract/safe-home';
import { checkUkDate, isoToUk, parseUkDate } from '../cases/case-page/uk-date';

export interface RunDetailsDraft {
  title: string;
  delivery: Delivery;
  facilitatorIds: string[];
  startDate: string;
  plannedSessions: string;
  venue: string;
}

export interface PlanRow {
  /** Null for a session being added. */
  id: string | null;
  sessionDate: string;
  themeIds: string[];
}

export function detailsDraftOf(run: RunView | null, me: string | null): RunDetailsDraft {
  if (!run) {
    return {
      title: '',
      delivery: 'group',
      facilitatorIds: me ? [me] : [],
      startDate: '',
      plannedSessions: String(DEFAULT_PLANNED_SESSIONS),
      venue: '',
    };
  }
  return {
    title: run.title,
    delivery: run.delivery,
    facilitatorIds: run.facilitators.map((f) => f.id),
    startDate: isoToUk(run.startDate),
    plannedSessions: String(run.plannedSessions),
    venue: run.venue,
  };
}

/** The run's planned sessions as plan rows (catch-ups are not part of the plan). */
export function planRowsOf(run: RunView): PlanRow[] {
  return run.sessions
    .filter((s) => s.kind === 'planned')
    .map((s) => ({ id: s.id, sessionDate: isoToUk(s.sessionDate), themeIds: s.themes.map((t) => t.id) }));
}

/** yyyy-mm-dd plus some days, by the calendar (no time zone to trip over). */
export function addDaysIso(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const at = new Date(Date.UTC(y, m - 1, d + days));
  return at.toISOString().slice(0, 10);
}

/** The plan made `count` long: rows kept in order, weekly sessions added after the last. */
export function resizePlan(rows: readonly PlanRow[], count: number, startIso: string): PlanRow[] {
  const kept = rows.slice(0, count);
  let last = parseUkDate(kept.at(-1)?.sessionDate ?? '') ?? addDaysIso(startIso, -7);
  while (kept.length < count) {
    last = addDaysIso(last, 7);
    kept.push({ id: null, sessionDate: isoToUk(last), themeIds: [] });
  }
  return kept;
}

export type PlanErrors = Record<string, string>;
export const planDateId = (i: number) => `plan-date-${i}`;

/**
 * The run input of the details and plan, or the errors by field id. `rows` null: a new run,
 * whose plan the core lays out weekly from the start date.
 */
export function runInputOf(
  draft: RunDetailsDraft,
  rows: readonly PlanRow[] | null,
): { input: RunInput; errors: null } | { input: null; errors: PlanErrors } {
  const errors: PlanErrors = {};
  if (!draft.title.trim()) errors['run-title'] = 'Give the run a title the team will recognise (no family names).';
  if (draft.facilitatorIds.length === 0) errors['run-facilitators'] = 'Choose at least one facilitator.';
  const startError = checkUkDate(draft.startDate, 'start date', true);
  if (startError) errors['run-start'] = startError;
  if (!draft.venue.trim()) errors['run-venue'] = 'Say where the sessions are held.';
  const planned = Number(draft.plannedSessions);
  const start = parseUkDate(draft.startDate);
  const sessions: RunInput['sessions'] = [];
  if (rows && start) {
    const sized = resizePlan(rows, planned, start);
    sized.forEach((r, i) => {
      const date = parseUkDate(r.sessionDate);
      const problem = checkUkDate(r.sessionDate, `date of session ${i + 1}`, true);
      if (problem || !date) {
        errors[planDateId(i)] = problem ?? `Enter the date of session ${i + 1}.`;
        return;
      }
      const previous = sessions.at(-1);
      if (previous && date < previous.sessionDate) {
        errors[planDateId(i)] = `Session ${i + 1} is before session ${i}: list the sessions in date order.`;
      } else if (i === 0 && date < start) {
        errors[planDateId(i)] = 'The first session cannot be before the start date.';
      }
      sessions.push({ id: r.id, sessionDate: date, themeIds: r.themeIds });
    });
  }
  if (Object.keys(errors).length > 0) return { input: null, errors };
  return {
    input: {
      title: draft.title.trim(),
      delivery: draft.delivery,
      facilitatorIds: draft.facilitatorIds,
      startDate: start ?? '',
      plannedSessions: planned,
      venue: draft.venue.trim(),
      sessions,
    },
    errors: null,
  };
}
