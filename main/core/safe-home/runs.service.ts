/**
 * Runs: starting one with its session plan, changing it, finishing and reopening it,
 * and reading one run (the service's own view, audited as a read of every enrolled case). Each
 * write is one immediate transaction with its audit rows; a stale version is a CONFLICT; a
 * finished run refuses writes until reopened with a reason.
 */
import { randomUUID } from 'node:crypto';
import type { RunView } from '../../../preload/contract/safe-home-records';
import { today } from '../cases/cases.service';
import { formatUkDate } from '../cases/dates';
import { AppError } from '../errors';
import type { OpenVault } from '../vault/vault';
import { auditForCases, notAfterToday, requireOpenRun, stale } from './guards';
import { isHeld } from './progress';
import { checkRun, checkRunWords, newSession, planOf, replacePlan, type RunContent } from './run-plan';
import { requireRun, runCaseIds, runView } from './run-view';
import { insertRun, insertSession, reviseRun, runSessions } from './runs.repo';

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
