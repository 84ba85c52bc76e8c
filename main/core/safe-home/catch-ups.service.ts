/** Catch-up sessions: a shorter meeting for carers who missed a planned session, covering its themes. */
import type { ChannelParsedInput } from '../../../preload/contract';
import type { RunView } from '../../../preload/contract/safe-home-records';
import { formatUkDate } from '../cases/dates';
import { AppError } from '../errors';
import type { OpenVault } from '../vault/vault';
import { runEnrolments } from './families.repo';
import { auditForCases, requireOpenRun } from './guards';
import { effectiveThemeIds } from './progress';
import { newSession } from './run-plan';
import { runView } from './run-view';
import { findSession, insertSession, touchRun } from './runs.repo';

type CatchUp = ChannelParsedInput<'safeHomeSession:addCatchUp'>['catchUp'];

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
      if (planned.registerTakenAt === null) {
        throw new AppError(
          'INVALID_INPUT',
          `Session ${planned.seq} (${formatUkDate(planned.sessionDate)}) has not been held yet (no register): a catch-up is for carers who missed a session that took place.`,
        );
      }
      if (catchUp.sessionDate < planned.sessionDate) {
        throw new AppError(
          'INVALID_INPUT',
          `A catch-up comes after the session it repeats (${formatUkDate(planned.sessionDate)}).`,
        );
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
