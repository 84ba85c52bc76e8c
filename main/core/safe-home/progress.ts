/**
 * From rows to the contract's progress: a session's themes as the rule needs them, a run's
 * status, and one carer's `CarerProgress` (the contract's `carerProgress` plus ratings and goals).
 * The run overview and a case's journey both come through here, so they agree.
 */
import type {
  CarerProgress,
  CompletionRule,
  EnrolmentView,
  RegisterState,
  RunView,
  ThemeRef,
} from '../../../preload/contract/safe-home-records';
import { carerProgress, type ProgressSession } from '../../../preload/contract/safe-home-rules';
import type { EnrolmentRow, GoalRow } from './families.repo';
import type { RunRow, SessionRow, ThemeRow } from './runs.repo';

export type ThemeIndex = ReadonlyMap<string, ThemeRow>;

/** The themes a session covered (when the register said so) or planned to cover. */
export function effectiveThemeIds(s: SessionRow): string[] {
  return s.coveredThemeIds ?? s.themeIds;
}

export function themeRef(t: ThemeRow): ThemeRef {
  return { id: t.id, label: t.label, aim: t.aim };
}

export function sessionThemes(s: SessionRow, themes: ThemeIndex): ThemeRef[] {
  return effectiveThemeIds(s)
    .map((id) => themes.get(id))
    .filter((t): t is ThemeRow => t !== undefined)
    .map(themeRef);
}

/** A session is held once its register is taken. */
export const isHeld = (s: SessionRow): boolean => s.registerTakenAt !== null;

export function progressSessions(sessions: readonly SessionRow[], themes: ThemeIndex): ProgressSession[] {
  return sessions.map((s) => ({
    id: s.id,
    kind: s.kind,
    seq: s.seq,
    held: isHeld(s),
    themes: effectiveThemeIds(s)
      .map((id) => themes.get(id))
      .filter((t): t is ThemeRow => t !== undefined)
      .map((t) => ({ ...themeRef(t), key: t.key })),
  }));
}

/** `planned` until a planned session is held, `finished` once closed. */
export function runStatus(run: RunRow, sessions: readonly SessionRow[]): RunView['status'] {
  if (run.closedOn !== null) return 'finished';
  return sessions.some((s) => s.kind === 'planned' && isHeld(s)) ? 'in_progress' : 'planned';
}

export function carerProgressOf(args: {
  run: RunRow;
  sessions: readonly ProgressSession[];
  enrolment: EnrolmentRow;
  goals: readonly GoalRow[];
  states: ReadonlyMap<string, RegisterState>;
  rule: CompletionRule;
}): CarerProgress {
  const { run, enrolment: e } = args;
  return {
    ...carerProgress({
      plannedSessions: run.plannedSessions,
      sessions: args.sessions,
      states: args.states,
      withdrawn: e.withdrawnOn !== null,
      runFinished: run.closedOn !== null,
      rule: args.rule,
    }),
    confidenceBefore: e.confidenceBefore,
    confidenceAfter: e.confidenceAfter,
    knowledgeBefore: e.knowledgeBefore,
    knowledgeAfter: e.knowledgeAfter,
    goals: args.goals.map((g) => ({
      id: g.id,
      description: g.description,
      baseline: g.baselineRating,
      latest: g.latestRating,
    })),
  };
}

export function withdrawalOf(e: EnrolmentRow): EnrolmentView['withdrawal'] {
  if (e.withdrawnOn === null || e.withdrawalReason === null) return null;
  return { withdrawnOn: e.withdrawnOn, reason: e.withdrawalReason, detail: e.withdrawalDetail ?? '' };
}
