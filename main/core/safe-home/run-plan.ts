/**
 * A run's session plan: checking a run's content (facilitators, themes, the words every family
 * sees), laying out weekly sessions, and replacing the plan while keeping held sessions.
 */
import { randomUUID } from 'node:crypto';
import type { ChannelParsedInput } from '../../../preload/contract';
import { groupNoteNamesProblem } from '../../../preload/contract/safe-home-rules';
import { isCaseWorker } from '../cases/cases.repo';
import { addDays, formatUkDate } from '../cases/dates';
import type { Db } from '../db/connection';
import { AppError } from '../errors';
import { familyNames, wordList } from './guards';
import { isHeld } from './progress';
import {
  catchUpsFollowTheirSessions,
  deleteSession,
  findTheme,
  heldCatchUpFor,
  insertSession,
  movePlanNumbersAside,
  revisePlannedSession,
  type SessionRow,
} from './runs.repo';

export type RunContent = ChannelParsedInput<'safeHomeRun:create'>['run'];

/** Facilitators are active workers, each once; themes exist (and, newly chosen, are active). */
export function checkRun(db: Db, run: RunContent, keptThemeIds: ReadonlySet<string> = new Set()): void {
  if (new Set(run.facilitatorIds).size !== run.facilitatorIds.length) {
    throw new AppError('INVALID_INPUT', 'A facilitator is listed twice. List each once.');
  }
  if (run.facilitatorIds.some((id) => !isCaseWorker(db, id))) {
    throw new AppError('INVALID_INPUT', 'The facilitators must be active clinicians or administrators.');
  }
  run.sessions.forEach((s, i) => {
    if (new Set(s.themeIds).size !== s.themeIds.length) {
      throw new AppError('INVALID_INPUT', `Session ${i + 1} lists a theme twice. List each once.`);
    }
    for (const id of s.themeIds) {
      const theme = findTheme(db, id);
      if (!theme) throw new AppError('INVALID_INPUT', `Session ${i + 1} names a theme that is not on the theme list.`);
      if (!theme.active && !keptThemeIds.has(id)) {
        throw new AppError(
          'INVALID_INPUT',
          `Session ${i + 1}: the theme “${theme.label}” is retired and can no longer be planned.`,
        );
      }
    }
  });
}

/** The title and venue reach every family's journey, so they may name no enrolled family's people. */
export function checkRunWords(db: Db, run: { title: string; venue: string }, caseIds: readonly string[]): void {
  const names = familyNames(db, caseIds);
  const inTitle = groupNoteNamesProblem(`${run.title} ${run.venue}`, names);
  if (inTitle.length > 0) {
    throw new AppError(
      'INVALID_INPUT',
      `The run’s title or venue names people of an enrolled family (${wordList(inTitle)}). Every family in the run sees them: use words that name no family.`,
    );
  }
}

/** The plan as given, or weekly sessions from the start date with no themes yet. */
export function planOf(run: RunContent): { sessionDate: string; themeIds: string[]; id: string | null }[] {
  if (run.sessions.length > 0) return run.sessions;
  return Array.from({ length: run.plannedSessions }, (_, i) => ({
    id: null,
    sessionDate: addDays(run.startDate, 7 * i),
    themeIds: [],
  }));
}

export function newSession(
  runId: string,
  fields: Pick<SessionRow, 'kind' | 'seq' | 'sessionDate' | 'themeIds' | 'forSessionId' | 'forEnrolmentIds'>,
  at: string,
  by: string,
): SessionRow {
  return {
    id: randomUUID(),
    runId,
    ...fields,
    coveredThemeIds: null,
    registerTakenAt: null,
    registerTakenBy: null,
    createdAt: at,
    createdBy: by,
    updatedAt: at,
    updatedBy: by,
    version: 1,
  };
}

export function replacePlan(
  db: Db,
  runId: string,
  existing: readonly SessionRow[],
  plan: RunContent['sessions'],
  todayDate: string,
  at: string,
  by: string,
): void {
  const byId = new Map(existing.map((s) => [s.id, s]));
  const listed = new Set<string>();
  for (const s of plan) {
    if (s.id === null) continue;
    const old = byId.get(s.id);
    if (!old) throw new AppError('INVALID_INPUT', 'The plan names a session that is not one of this run’s.');
    if (listed.has(s.id)) throw new AppError('INVALID_INPUT', 'The plan lists a session twice.');
    listed.add(s.id);
    if (isHeld(old) && s.sessionDate > todayDate) {
      throw new AppError(
        'INVALID_INPUT',
        `Session ${old.seq} has its register, so it cannot move after today (${formatUkDate(s.sessionDate)}).`,
      );
    }
  }
  for (const old of existing) {
    if (listed.has(old.id)) continue;
    if (isHeld(old)) {
      throw new AppError(
        'INVALID_INPUT',
        `Session ${old.seq} (${formatUkDate(old.sessionDate)}) has its register, so it stays in the plan.`,
      );
    }
    // Its catch-ups go with it (ON DELETE CASCADE): refused if one of them has been held.
    if (heldCatchUpFor(db, old.id)) {
      throw new AppError(
        'INVALID_INPUT',
        `Session ${old.seq} (${formatUkDate(old.sessionDate)}) has a catch-up with a register, so it stays in the plan.`,
      );
    }
    deleteSession(db, old.id);
  }
  movePlanNumbersAside(db, runId);
  plan.forEach((s, i) => {
    const fields = { seq: i + 1, sessionDate: s.sessionDate, themeIds: s.themeIds, updatedAt: at, updatedBy: by };
    if (s.id === null) {
      insertSession(
        db,
        newSession(runId, { kind: 'planned', ...fields, forSessionId: null, forEnrolmentIds: [] }, at, by),
      );
    } else {
      revisePlannedSession(db, s.id, fields);
    }
  });
  catchUpsFollowTheirSessions(db, runId);
}
