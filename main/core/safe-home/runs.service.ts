/**
 * Runs: starting one with its session plan, changing it, finishing and reopening it, catch-ups,
 * and reading one run (the service's own view, audited as a read of every enrolled case). Each
 * write is one immediate transaction with its audit rows; a stale version is a CONFLICT; a
 * finished run refuses writes until reopened with a reason.
 */
import { randomUUID } from 'node:crypto';
import type { ChannelParsedInput } from '../../../preload/contract';
import type { RunView } from '../../../preload/contract/safe-home-records';
import { groupNoteNamesProblem } from '../../../preload/contract/safe-home-rules';
import { isCaseWorker } from '../cases/cases.repo';
import { today } from '../cases/cases.service';
import { addDays, formatUkDate } from '../cases/dates';
import type { Db } from '../db/connection';
import { AppError } from '../errors';
import type { OpenVault } from '../vault/vault';
import { runEnrolments } from './families.repo';
import { auditForCases, familyNames, notAfterToday, requireOpenRun, stale, wordList } from './guards';
import { effectiveThemeIds, isHeld } from './progress';
import { requireRun, runCaseIds, runView } from './run-view';
import {
  catchUpsFollowTheirSessions,
  deleteSession,
  findSession,
  findTheme,
  insertRun,
  insertSession,
  movePlanNumbersAside,
  reviseRun,
  revisePlannedSession,
  runSessions,
  touchRun,
  type SessionRow,
} from './runs.repo';

type RunContent = ChannelParsedInput<'safeHomeRun:create'>['run'];
type CatchUp = ChannelParsedInput<'safeHomeSession:addCatchUp'>['catchUp'];

/** Facilitators are active workers, each once; themes exist (and, newly chosen, are active). */
function checkRun(db: Db, run: RunContent, keptThemeIds: ReadonlySet<string> = new Set()): void {
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
function planOf(run: RunContent): { sessionDate: string; themeIds: string[]; id: string | null }[] {
  if (run.sessions.length > 0) return run.sessions;
  return Array.from({ length: run.plannedSessions }, (_, i) => ({
    id: null,
    sessionDate: addDays(run.startDate, 7 * i),
    themeIds: [],
  }));
}

function newSession(
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

export function createRun(vault: OpenVault, run: RunContent): RunView {
  const { db } = vault;
  return db
    .transaction(() => {
      if (run.sessions.some((s) => s.id !== null)) {
        throw new AppError('INVALID_INPUT', 'A new run’s sessions are new: leave out their ids.');
      }
      checkRun(db, run);
      const id = randomUUID();
      const at = vault.now().toISOString();
      const by = vault.user.id;
      insertRun(db, {
        id,
        title: run.title,
        delivery: run.delivery,
        facilitatorIds: run.facilitatorIds,
        startDate: run.startDate,
        plannedSessions: run.plannedSessions,
        venue: run.venue,
        closedOn: null,
        createdAt: at,
        createdBy: by,
        updatedAt: at,
        updatedBy: by,
        version: 1,
      });
      planOf(run).forEach((s, i) =>
        insertSession(
          db,
          newSession(
            id,
            {
              kind: 'planned',
              seq: i + 1,
              sessionDate: s.sessionDate,
              themeIds: s.themeIds,
              forSessionId: null,
              forEnrolmentIds: [],
            },
            at,
            by,
          ),
        ),
      );
      auditForCases(vault, { action: 'safeHomeRun.create', entityType: 'safeHomeRun', entityId: id, runId: id }, []);
      return runView(db, id);
    })
    .immediate();
}

/**
 * Change a run and its plan. A kept session (by id) keeps its register; a held session cannot
 * move after today; a session left out is removed only if its register has not been taken. An
 * empty plan keeps the sessions as they are (refused if the number of sessions changes).
 */
export function updateRun(vault: OpenVault, runId: string, expectedVersion: number, run: RunContent): RunView {
  const { db } = vault;
  return db
    .transaction(() => {
      const current = requireOpenRun(db, runId);
      if (current.version !== expectedVersion) throw stale('Safe Home run');
      const existing = runSessions(db, runId).filter((s) => s.kind === 'planned');
      const kept = new Set(existing.flatMap((s) => s.themeIds));
      checkRun(db, run, kept);
      const caseIds = runCaseIds(db, runId);
      checkRunWords(db, run, caseIds);
      if (run.delivery === 'family' && caseIds.length > 1) {
        throw new AppError(
          'INVALID_INPUT',
          'Carers of more than one family are enrolled, so the run cannot be for one family. Keep it a group.',
        );
      }
      const at = vault.now().toISOString();
      const by = vault.user.id;
      if (run.sessions.length === 0 && run.plannedSessions !== existing.length) {
        throw new AppError(
          'INVALID_INPUT',
          `The run has ${existing.length} sessions planned: list the ${run.plannedSessions} sessions of the new plan.`,
        );
      }
      const first = existing[0];
      if (run.sessions.length === 0 && first && first.sessionDate < run.startDate) {
        throw new AppError(
          'INVALID_INPUT',
          `Session 1 is on ${formatUkDate(first.sessionDate)}, before the new start date. Move it in the plan as well.`,
        );
      }
      if (run.sessions.length > 0) replacePlan(db, runId, existing, run.sessions, today(vault), at, by);
      if (!reviseRun(db, runId, expectedVersion, { ...run, updatedAt: at, updatedBy: by }, 'run')) {
        throw stale('Safe Home run');
      }
      auditForCases(
        vault,
        { action: 'safeHomeRun.update', entityType: 'safeHomeRun', entityId: runId, runId },
        caseIds,
      );
      return runView(db, runId);
    })
    .immediate();
}

function replacePlan(
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

/** Finish a run on a date: every planned session up to that date must have its register. */
export function closeRun(vault: OpenVault, runId: string, expectedVersion: number, closedOn: string): RunView {
  const { db } = vault;
  return db
    .transaction(() => {
      const run = requireOpenRun(db, runId);
      if (run.version !== expectedVersion) throw stale('Safe Home run');
      notAfterToday(closedOn, today(vault), 'The date the run finished');
      if (closedOn < run.startDate) {
        throw new AppError('INVALID_INPUT', `A run cannot finish before it starts (${formatUkDate(run.startDate)}).`);
      }
      const missing = runSessions(db, runId).filter(
        (s) => s.kind === 'planned' && !isHeld(s) && s.sessionDate <= closedOn,
      );
      if (missing.length > 0) {
        const list = missing.map((s) => `${s.seq} (${formatUkDate(s.sessionDate)})`).join(', ');
        throw new AppError(
          'INVALID_INPUT',
          `Session${missing.length > 1 ? 's' : ''} ${list} ${missing.length > 1 ? 'have' : 'has'} no register. Take it, or take the session out of the plan, before finishing the run.`,
        );
      }
      const at = vault.now().toISOString();
      if (!reviseRun(db, runId, expectedVersion, { closedOn, updatedAt: at, updatedBy: vault.user.id }, 'closure')) {
        throw stale('Safe Home run');
      }
      auditForCases(
        vault,
        { action: 'safeHomeRun.close', entityType: 'safeHomeRun', entityId: runId, runId, detail: { closedOn } },
        runCaseIds(db, runId),
      );
      return runView(db, runId);
    })
    .immediate();
}

export function reopenRun(vault: OpenVault, runId: string, expectedVersion: number, reason: string): RunView {
  const { db } = vault;
  return db
    .transaction(() => {
      const run = requireRun(db, runId);
      if (run.closedOn === null)
        throw new AppError('INVALID_INPUT', 'This run has not finished, so it is open already.');
      if (run.version !== expectedVersion) throw stale('Safe Home run');
      const at = vault.now().toISOString();
      if (
        !reviseRun(db, runId, expectedVersion, { closedOn: null, updatedAt: at, updatedBy: vault.user.id }, 'closure')
      ) {
        throw stale('Safe Home run');
      }
      auditForCases(
        vault,
        {
          action: 'safeHomeRun.reopen',
          entityType: 'safeHomeRun',
          entityId: runId,
          runId,
          detail: { reason, wasClosedOn: run.closedOn },
        },
        runCaseIds(db, runId),
      );
      return runView(db, runId);
    })
    .immediate();
}

/** A catch-up for some carers, covering the themes of the planned session they missed. */
export function addCatchUp(vault: OpenVault, runId: string, catchUp: CatchUp): RunView {
  const { db } = vault;
  return db
    .transaction(() => {
      const run = requireOpenRun(db, runId);
      const planned = findSession(db, catchUp.forSessionId);
      if (!planned || planned.runId !== runId || planned.kind !== 'planned') {
        throw new AppError('INVALID_INPUT', 'A catch-up repeats one of this run’s planned sessions: choose one.');
      }
      if (catchUp.sessionDate < run.startDate) {
        throw new AppError(
          'INVALID_INPUT',
          `A catch-up cannot be before the run starts (${formatUkDate(run.startDate)}).`,
        );
      }
      const enrolments = new Map(runEnrolments(db, runId).map((e) => [e.id, e]));
      if (new Set(catchUp.enrolmentIds).size !== catchUp.enrolmentIds.length) {
        throw new AppError('INVALID_INPUT', 'A carer is listed twice for the catch-up. List each once.');
      }
      for (const id of catchUp.enrolmentIds) {
        const e = enrolments.get(id);
        if (!e) throw new AppError('INVALID_INPUT', 'A catch-up is for carers enrolled in this run.');
        if (e.withdrawnOn !== null && e.withdrawnOn <= catchUp.sessionDate) {
          throw new AppError(
            'INVALID_INPUT',
            `A carer on the catch-up withdrew on ${formatUkDate(e.withdrawnOn)}, before it. Leave them off.`,
          );
        }
      }
      const at = vault.now().toISOString();
      const session = newSession(
        runId,
        {
          kind: 'catch_up',
          seq: planned.seq,
          sessionDate: catchUp.sessionDate,
          themeIds: effectiveThemeIds(planned),
          forSessionId: planned.id,
          forEnrolmentIds: catchUp.enrolmentIds,
        },
        at,
        vault.user.id,
      );
      insertSession(db, session);
      touchRun(db, runId, at, vault.user.id);
      auditForCases(
        vault,
        {
          action: 'safeHomeSession.addCatchUp',
          entityType: 'safeHomeSession',
          entityId: session.id,
          runId,
          detail: { forSeq: planned.seq },
        },
        catchUp.enrolmentIds.map((id) => enrolments.get(id)?.caseId ?? ''),
      );
      return runView(db, runId);
    })
    .immediate();
}

/** One run's overview, audited as `case.read` of every enrolled case (it shows their carers). */
export function getRun(vault: OpenVault, runId: string): RunView {
  return vault.db
    .transaction(() => {
      const view = runView(vault.db, runId);
      for (const caseId of runCaseIds(vault.db, runId)) {
        vault.audit({
          action: 'case.read',
          entityType: 'case',
          entityId: caseId,
          caseId,
          detail: { view: 'safe_home_run', runId },
        });
      }
      return view;
    })
    .immediate();
}
