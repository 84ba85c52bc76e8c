/**
 * The register grid's pure parts: which cells a run has (carers x sessions), what each says in
 * words, and where the arrow keys move. The grid component draws these; tests check them without
 * a browser.
 */
import {
  REGISTER_STATE_LABELS,
  REGISTER_STATE_MARKS,
  type EnrolmentView,
  type RegisterCell,
  type RegisterState,
  type RunSessionView,
  type RunView,
} from '../../../preload/contract/safe-home';
import { formatDate } from '../../lib/dates';

/** What one cell of the grid shows: a register state, not yet taken, or not expected there. */
export type CellStatus =
  | { kind: 'state'; state: RegisterState; mark: string; words: string; reason: string | null }
  | { kind: 'not_taken'; mark: string; words: string }
  | { kind: 'not_expected'; mark: string; words: string };

/** The register's entries by session, then by enrolment, for lookups while drawing. */
export function cellsBySession(register: readonly RegisterCell[]): Map<string, Map<string, RegisterCell>> {
  const found = new Map<string, Map<string, RegisterCell>>();
  for (const cell of register) {
    let row = found.get(cell.sessionId);
    if (!row) found.set(cell.sessionId, (row = new Map()));
    row.set(cell.enrolmentId, cell);
  }
  return found;
}

/**
 * Whether a carer is on a session's register (as the core decides it): a planned session from
 * the day they were enrolled; a catch-up only for its carers.
 */
export function isExpected(session: RunSessionView, enrolment: EnrolmentView): boolean {
  return session.kind === 'planned'
    ? enrolment.enrolledOn <= session.sessionDate
    : session.forEnrolmentIds.includes(enrolment.id);
}

export function cellStatus(
  session: RunSessionView,
  enrolment: EnrolmentView,
  cell: RegisterCell | undefined,
): CellStatus {
  if (cell) {
    return {
      kind: 'state',
      state: cell.state,
      mark: REGISTER_STATE_MARKS[cell.state],
      words: REGISTER_STATE_LABELS[cell.state],
      reason: cell.reason,
    };
  }
  if (!isExpected(session, enrolment)) {
    const words = session.kind === 'planned' ? 'Not yet enrolled' : 'Not part of this catch-up';
    return { kind: 'not_expected', mark: '', words };
  }
  return { kind: 'not_taken', mark: '–', words: session.registerTakenAt ? 'Not on the register' : 'Not yet taken' };
}

/** A session's column heading: "3" and its date, or "Catch-up 3" for a catch-up of session 3. */
export function sessionHeading(session: RunSessionView): { short: string; full: string } {
  const date = formatDate(session.sessionDate);
  return session.kind === 'planned'
    ? { short: `${session.seq}`, full: `Session ${session.seq}, ${date}` }
    : { short: `C${session.seq}`, full: `Catch-up for session ${session.seq}, ${date}` };
}

export type GridKey = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown' | 'Home' | 'End';
export const GRID_KEYS: readonly string[] = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End'];

/**
 * The cell the focus moves to from (row, col) on a key, staying inside the grid (no wrapping: a
 * screen-reader user hears the edge rather than jumping to the other side). Home and End go to
 * the row's first and last session.
 */
export function moveInGrid(
  at: { row: number; col: number },
  key: GridKey,
  size: { rows: number; cols: number },
): { row: number; col: number } {
  const clamp = (n: number, max: number) => Math.max(0, Math.min(max - 1, n));
  switch (key) {
    case 'ArrowLeft':
      return { row: at.row, col: clamp(at.col - 1, size.cols) };
    case 'ArrowRight':
      return { row: at.row, col: clamp(at.col + 1, size.cols) };
    case 'ArrowUp':
      return { row: clamp(at.row - 1, size.rows), col: at.col };
    case 'ArrowDown':
      return { row: clamp(at.row + 1, size.rows), col: at.col };
    case 'Home':
      return { row: at.row, col: 0 };
    case 'End':
      return { row: at.row, col: size.cols - 1 };
  }
}

/** Whether the run takes registers and changes now (a finished run must be reopened first). */
export function isOpen(run: RunView): boolean {
  return run.status !== 'finished';
}
