/**
 * A family's safety plan in a run: versions with dates, numbered 1, 2, ... in date order within
 * the family's run (worked out on read, so a version dated between two others takes its place),
 * each reviewed in a held session of that run. The family is a case with a carer enrolled in it.
 */
import { randomUUID } from 'node:crypto';
import type { ChannelParsedInput } from '../../../preload/contract';
import type { SafetyPlanVersionView } from '../../../preload/contract/safe-home-records';
import { today } from '../cases/cases.service';
import { formatUkDate } from '../cases/dates';
import type { Db } from '../db/connection';
import { AppError } from '../errors';
import type { OpenVault } from '../vault/vault';
import {
  caseSafetyPlans,
  findSafetyPlan,
  insertSafetyPlan,
  markSafetyPlanReviewed,
  runEnrolments,
  type SafetyPlanRow,
} from './families.repo';
import { auditForCases, notAfterToday, requireOpenRun, stale } from './guards';
import { findSession, userNames } from './runs.repo';

type PlanInput = ChannelParsedInput<'safeHomeSafetyPlan:addVersion'>['plan'];

/** A case's versions as views, numbered within each run. */
export function safetyPlanViews(db: Db, rows: readonly SafetyPlanRow[]): SafetyPlanVersionView[] {
  const authors = userNames(
    db,
    rows.map((r) => r.createdBy),
  );
  const counters = new Map<string, number>();
  return rows.map((r) => {
    const versionNo = (counters.get(r.runId) ?? 0) + 1;
    counters.set(r.runId, versionNo);
    const session = r.reviewedInSessionId ? findSession(db, r.reviewedInSessionId) : null;
    return {
      id: r.id,
      runId: r.runId,
      caseId: r.caseId,
      versionNo,
      versionDate: r.versionDate,
      content: r.content,
      reviewedIn: session ? { sessionId: session.id, seq: session.seq, sessionDate: session.sessionDate } : null,
      createdByName: authors.get(r.createdBy) ?? 'A former user',
      version: r.version,
    };
  });
}

function viewOf(db: Db, id: string): SafetyPlanVersionView {
  const row = findSafetyPlan(db, id);
  if (!row) throw new AppError('NOT_FOUND', 'That safety-plan version does not exist.');
  const all = caseSafetyPlans(db, row.caseId).filter((r) => r.runId === row.runId);
  const view = safetyPlanViews(db, all).find((v) => v.id === id);
  if (!view) throw new AppError('NOT_FOUND', 'That safety-plan version does not exist.');
  return view;
}

/** The session a version is reviewed in: a held session of the run, on or after the version's date. */
function checkReviewSession(db: Db, runId: string, sessionId: string, versionDate: string): void {
  const session = findSession(db, sessionId);
  if (!session || session.runId !== runId) {
    throw new AppError('INVALID_INPUT', 'A safety plan is reviewed in a session of its own run: choose one.');
  }
  if (session.registerTakenAt === null) {
    throw new AppError(
      'INVALID_INPUT',
      `Session ${session.seq} (${formatUkDate(session.sessionDate)}) has not been held yet (no register): a plan is reviewed in a session that took place.`,
    );
  }
  if (session.sessionDate < versionDate) {
    throw new AppError(
      'INVALID_INPUT',
      `Session ${session.seq} (${formatUkDate(session.sessionDate)}) is before this version of the plan (${formatUkDate(versionDate)}).`,
    );
  }
}

export function addSafetyPlanVersion(vault: OpenVault, runId: string, plan: PlanInput): SafetyPlanVersionView {
  const { db } = vault;
  return db
    .transaction(() => {
      const run = requireOpenRun(db, runId);
      if (!runEnrolments(db, runId).some((e) => e.caseId === plan.caseId)) {
        throw new AppError('INVALID_INPUT', 'No carer of this case is enrolled in the run. Enrol a carer first.');
      }
      notAfterToday(plan.versionDate, today(vault), 'The date of this version of the plan');
      if (plan.versionDate < run.startDate) {
        throw new AppError(
          'INVALID_INPUT',
          `The run starts on ${formatUkDate(run.startDate)}: date the plan on or after it.`,
        );
      }
      if (plan.reviewedInSessionId) checkReviewSession(db, runId, plan.reviewedInSessionId, plan.versionDate);
      const id = randomUUID();
      const at = vault.now().toISOString();
      insertSafetyPlan(db, {
        id,
        runId,
        caseId: plan.caseId,
        versionDate: plan.versionDate,
        content: plan.content,
        reviewedInSessionId: plan.reviewedInSessionId,
        createdAt: at,
        createdBy: vault.user.id,
        updatedAt: at,
        updatedBy: vault.user.id,
        version: 1,
      });
      auditForCases(
        vault,
        { action: 'safeHomeSafetyPlan.addVersion', entityType: 'safeHomeSafetyPlan', entityId: id, runId },
        [plan.caseId],
      );
      return viewOf(db, id);
    })
    .immediate();
}

export function markReviewed(
  vault: OpenVault,
  versionId: string,
  expectedVersion: number,
  sessionId: string,
): SafetyPlanVersionView {
  const { db } = vault;
  return db
    .transaction(() => {
      const row = findSafetyPlan(db, versionId);
      if (!row) throw new AppError('NOT_FOUND', 'That safety-plan version does not exist.');
      requireOpenRun(db, row.runId);
      if (row.version !== expectedVersion) throw stale('safety plan');
      checkReviewSession(db, row.runId, sessionId, row.versionDate);
      const at = vault.now().toISOString();
      if (
        !markSafetyPlanReviewed(db, versionId, expectedVersion, {
          reviewedInSessionId: sessionId,
          updatedAt: at,
          updatedBy: vault.user.id,
        })
      ) {
        throw stale('safety plan');
      }
      auditForCases(
        vault,
        {
          action: 'safeHomeSafetyPlan.markReviewed',
          entityType: 'safeHomeSafetyPlan',
          entityId: versionId,
          runId: row.runId,
          detail: { sessionId },
        },
        [row.caseId],
      );
      return viewOf(db, versionId);
    })
    .immediate();
}
