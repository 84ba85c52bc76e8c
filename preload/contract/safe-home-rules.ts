/**
 * The rules of Safe Home that the core, the report and the screens all apply, as pure
 * functions: a carer's progress and completion, and the check that keeps a group note free of
 * any family's names. The core feeds them rows; nothing here reads a database.
 */
import {
  SAFETY_PLAN_THEME_KEY,
  type CarerProgress,
  type CompletionRule,
  type RegisterState,
  type SafeHomeSessionKind,
  type ThemeRef,
} from './safe-home-records';

/** A session as the progress rule needs it. */
export interface ProgressSession {
  id: string;
  kind: SafeHomeSessionKind;
  seq: number;
  /** Themes with their keys, so that the safety-plan theme is found whatever its label. */
  themes: (ThemeRef & { key: string | null })[];
  held: boolean;
}

export interface ProgressInput {
  plannedSessions: number;
  sessions: readonly ProgressSession[];
  /** This carer's register states by session id (absent: not on that register). */
  states: ReadonlyMap<string, RegisterState>;
  withdrawn: boolean;
  /** The run is closed: an enrolment not completed by now will not be. */
  runFinished: boolean;
  rule: CompletionRule;
}

/**
 * A carer's sessions attended of planned, themes covered and missed, and completion by the
 * rule. Attendance is counted against the run's **planned** number of sessions, not those held,
 * so a carer cannot complete before enough of the programme has happened. Catch-ups cover
 * themes (and may be the safety-plan session) but do not count as sessions attended.
 */
export function carerProgress(
  input: ProgressInput,
): Omit<CarerProgress, 'confidenceBefore' | 'confidenceAfter' | 'knowledgeBefore' | 'knowledgeAfter' | 'goals'> {
  const planned = input.sessions.filter((s) => s.kind === 'planned');
  const held = planned.filter((s) => s.held);
  const attendedIds = new Set(input.sessions.filter((s) => input.states.get(s.id) === 'attended').map((s) => s.id));
  const sessionsAttended = planned.filter((s) => attendedIds.has(s.id)).length;
  const catchUpsAttended = input.sessions.filter((s) => s.kind === 'catch_up' && attendedIds.has(s.id)).length;

  const covered = new Map<string, ThemeRef>();
  let attendedSafetyPlanSession = false;
  for (const s of input.sessions) {
    if (!attendedIds.has(s.id)) continue;
    for (const t of s.themes) {
      covered.set(t.id, { id: t.id, label: t.label, aim: t.aim });
      if (t.key === SAFETY_PLAN_THEME_KEY) attendedSafetyPlanSession = true;
    }
  }
  const missed = new Map<string, ThemeRef>();
  for (const s of held) {
    for (const t of s.themes) if (!covered.has(t.id)) missed.set(t.id, { id: t.id, label: t.label, aim: t.aim });
  }

  const percent = input.plannedSessions > 0 ? Math.round((sessionsAttended / input.plannedSessions) * 100) : 0;
  const completion = completionOf({ ...input, sessionsAttended, attendedSafetyPlanSession });

  return {
    plannedSessions: input.plannedSessions,
    sessionsHeld: held.length,
    sessionsAttended,
    catchUpsAttended,
    themesCovered: [...covered.values()],
    themesMissed: [...missed.values()],
    attendedSafetyPlanSession,
    completion,
    completionWords: completionWords(
      completion,
      sessionsAttended,
      input.plannedSessions,
      percent,
      input.rule,
      attendedSafetyPlanSession,
    ),
  };
}

/**
 * The completion rule alone, from the counts: what `carerProgress` decides, for callers that
 * count attendance in SQL for many carers at once (the service view) and must agree with it.
 */
export function completionOf(c: {
  sessionsAttended: number;
  plannedSessions: number;
  attendedSafetyPlanSession: boolean;
  withdrawn: boolean;
  runFinished: boolean;
  rule: CompletionRule;
}): CarerProgress['completion'] {
  const meetsAttendance = c.sessionsAttended * 100 >= c.rule.minAttendancePercent * c.plannedSessions;
  const meetsSafetyPlan = !c.rule.requireSafetyPlanSession || c.attendedSafetyPlanSession;
  if (c.withdrawn) return 'withdrawn';
  if (meetsAttendance && meetsSafetyPlan) return 'completed';
  return c.runFinished ? 'not_completed' : 'in_progress';
}

function completionWords(
  completion: CarerProgress['completion'],
  attended: number,
  planned: number,
  percent: number,
  rule: CompletionRule,
  safetyPlan: boolean,
): string {
  const sessions = `${attended} of ${planned} sessions (${percent} %)`;
  const plan = rule.requireSafetyPlanSession
    ? safetyPlan
      ? ' and the safety-plan session'
      : ', safety-plan session not yet attended'
    : '';
  switch (completion) {
    case 'completed':
      return `Completed: ${sessions}${plan}`;
    case 'withdrawn':
      return `Withdrew after ${sessions}`;
    case 'not_completed':
      return `Did not complete: ${sessions}${plan} (the rule is ${rule.minAttendancePercent} %${rule.requireSafetyPlanSession ? ' and the safety-plan session' : ''})`;
    case 'in_progress':
      return `In progress: ${sessions}${plan}`;
  }
}

/** A person of an enrolled family whose name must not appear in a group note. */
export interface FamilyName {
  givenName: string | null;
  familyName: string | null;
  /** Other names the person is known by (preferred name, alias). */
  otherNames?: readonly string[];
}

/** Names shorter than this are not searched for as words on their own ("Al", "Jo" are too common in prose). */
const MIN_NAME_LENGTH = 3;

/**
 * The names of enrolled families' people that a group note contains, as whole words and in any
 * case (empty: the note may be saved). The group note goes to every attending family's case, so
 * naming anyone of one family would show that family to the others; the screen says to move the
 * words into that carer's own note. Full names are checked as phrases; single names of at least
 * three letters as words.
 */
export function groupNoteNamesProblem(note: string, people: readonly FamilyName[]): string[] {
  const text = ` ${normalise(note)} `;
  const found = new Set<string>();
  for (const p of people) {
    const candidates = [p.givenName, p.familyName, ...(p.otherNames ?? [])];
    const full = [p.givenName, p.familyName].filter(Boolean).join(' ');
    if (full.includes(' ') && text.includes(` ${normalise(full)} `)) found.add(full);
    for (const name of candidates) {
      if (!name || name.trim().length < MIN_NAME_LENGTH) continue;
      if (text.includes(` ${normalise(name)} `)) found.add(name.trim());
    }
  }
  return [...found];
}

/**
 * Lower case, every run of non-letters (apostrophes and hyphens kept inside names) one space,
 * and a possessive or quoting apostrophe at a word's edge dropped, so "Kian’s" and "‘Kian’"
 * are found as "Kian" while "O’Neill" stays whole.
 */
function normalise(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFC')
    .replace(/[^\p{L}'’-]+/gu, ' ')
    .replace(/['’]s(?= |$)/gu, '')
    .replace(/(^| )['’-]+|['’-]+(?= |$)/gu, '$1')
    .trim();
}
