/**
 * The session log: recording (or booking) a session on an active plan, editing it until it is
 * signed, signing and addenda (the generic sign-off), the paged log, and "start from the last
 * session". GBO ratings taken in a session are written with it, in its transaction.
 */
import { randomUUID } from 'node:crypto';
import type { ChannelParsedInput } from '../../../preload/contract';
import type { Page } from '../../../preload/contract/paging';
import type {
  InterventionSessionContent,
  InterventionSessionView,
} from '../../../preload/contract/intervention-records';
import { normaliseAttendance, startFromLastSession } from '../../../preload/contract/intervention-outcomes';
import { auditedRead, today } from '../cases/cases.service';
import type { Db } from '../db/connection';
import { AppError } from '../errors';
import { assertEditable } from '../reports/signoff/signoff';
import { addAddendumAudited, signAudited } from '../reports/signoff/signoff-audited';
import type { OpenVault } from '../vault/vault';
import { SESSION_SUBJECT, sessionViews } from './intervention-view';
import {
  deleteRating,
  insertRating,
  planGoals,
  reviseRating,
  sessionRatings,
  type PlanRow,
} from './interventions.repo';
import { requireActivePlan, requirePlan } from './interventions.service';
import {
  findSession,
  insertSession,
  lastHeldSession,
  pageSessions,
  reviseSession,
  type SessionRow,
} from './sessions.repo';

const WHAT = 'session note';

export function requireSession(db: Db, id: string): SessionRow {
  const row = findSession(db, id);
  if (!row) throw new AppError('NOT_FOUND', 'That session does not exist. It may have been removed.');
  return row;
}

export function oneSessionView(db: Db, id: string): InterventionSessionView {
  return sessionViews(db, [requireSession(db, id)])[0] as InterventionSessionView;
}

function staleSession(): AppError {
  return new AppError(
    'CONFLICT',
    'Someone changed this session note while you were editing it. Reload it to see their changes, then try again.',
  );
}

/** Dates fit the plan and today; the goals worked on and rated are the plan's own. */
function checkSession(vault: OpenVault, plan: PlanRow, s: InterventionSessionContent): void {
  const d = today(vault);
  if (s.sessionDate < plan.startDate) {
    throw new AppError('INVALID_INPUT', 'The session is dated before the plan started.');
  }
  if (s.attendance === 'planned' && s.sessionDate < d) {
    throw new AppError(
      'INVALID_INPUT',
      'A planned session is dated in the past. Record whether it was attended, cancelled or not attended.',
    );
  }
  if (s.attendance !== 'planned' && s.sessionDate > d) {
    throw new AppError(
      'INVALID_INPUT',
      'The session is dated in the future. Book it as planned, and record its attendance once it has happened.',
    );
  }
  const goals = new Set(planGoals(vault.db, plan.id).map((g) => g.id));
  if (s.goalIds.some((id) => !goals.has(id)) || s.ratings.some((r) => !goals.has(r.goalId))) {
    throw new AppError('INVALID_INPUT', 'The goals worked on and rated must be goals of this plan.');
  }
  if (new Set(s.goalIds).size !== s.goalIds.length) {
    throw new AppError('INVALID_INPUT', 'A goal is listed twice as worked on. List each once.');
  }
}

/**
 * Write the session's ratings. A goal rated again keeps its rating row (same id, next version),
 * so a bundle carries the change as an update of the same record rather than a second rating.
 */
function writeRatings(db: Db, plan: PlanRow, sessionId: string, s: InterventionSessionContent): void {
  const before = new Map(sessionRatings(db, sessionId).map((r) => [r.goalId, r]));
  for (const r of s.ratings) {
    const old = before.get(r.goalId);
    before.delete(r.goalId);
    if (old) {
      reviseRating(db, old.id, s.sessionDate, r.rating);
      continue;
    }
    insertRating(db, {
      id: randomUUID(),
      caseId: plan.caseId,
      goalId: r.goalId,
      sessionId,
      ratedOn: s.sessionDate,
      rating: r.rating,
      version: 1,
    });
  }
  for (const gone of before.values()) deleteRating(db, gone.id);
}

/** The session's own columns (ratings are rows of their own). */
function sessionFields(s: InterventionSessionContent) {
  const { ratings: _r, ...fields } = s;
  return fields;
}

export function createSession(
  vault: OpenVault,
  planId: string,
  input: ChannelParsedInput<'interventionSession:create'>['session'],
): InterventionSessionView {
  const { db } = vault;
  const s = normaliseAttendance(input);
  return db
    .transaction(() => {
      const plan = requireActivePlan(db, planId);
      checkSession(vault, plan, s);
      const id = randomUUID();
      const at = vault.now().toISOString();
      const by = vault.user.id;
      insertSession(db, {
        ...sessionFields(s),
        id,
        caseId: plan.caseId,
        planId,
        createdAt: at,
        createdBy: by,
        updatedAt: at,
        updatedBy: by,
        version: 1,
      });
      writeRatings(db, plan, id, s);
      vault.audit({
        action: 'interventionSession.create',
        entityType: 'intervention_session',
        entityId: id,
        caseId: plan.caseId,
        detail: { attendance: s.attendance, ratings: s.ratings.length },
      });
      return oneSessionView(db, id);
    })
    .immediate();
}

export function updateSession(
  vault: OpenVault,
  sessionId: string,
  expectedVersion: number,
  input: ChannelParsedInput<'interventionSession:update'>['session'],
): InterventionSessionView {
  const { db } = vault;
  const s = normaliseAttendance(input);
  return db
    .transaction(() => {
      const row = requireSession(db, sessionId);
      assertEditable(db, { kind: SESSION_SUBJECT, id: sessionId }, WHAT);
      if (row.version !== expectedVersion) throw staleSession();
      const plan = requireActivePlan(db, row.planId);
      checkSession(vault, plan, s);
      const fields = { ...sessionFields(s), updatedAt: vault.now().toISOString(), updatedBy: vault.user.id };
      if (!reviseSession(db, sessionId, expectedVersion, fields)) throw staleSession();
      writeRatings(db, plan, sessionId, s);
      vault.audit({
        action: 'interventionSession.update',
        entityType: 'intervention_session',
        entityId: sessionId,
        caseId: row.caseId,
        // Field names only: never clinical text in the audit log.
        detail: { fields: Object.keys(s), attendance: s.attendance },
      });
      return oneSessionView(db, sessionId);
    })
    .immediate();
}

export function sessionLog(
  vault: OpenVault,
  q: ChannelParsedInput<'interventionSession:log'>,
): Page<InterventionSessionView> {
  return auditedRead(vault, q.caseId, 'intervention sessions', () => {
    if (q.planId && requirePlan(vault.db, q.planId).caseId !== q.caseId) {
      throw new AppError('INVALID_INPUT', 'That plan belongs to another case.');
    }
    const { rows, total } = pageSessions(vault.db, q.caseId, q.planId, q.limit, q.offset);
    return { items: sessionViews(vault.db, rows), total, offset: q.offset, limit: q.limit };
  });
}

export function startFromLast(vault: OpenVault, planId: string): InterventionSessionContent {
  const plan = requirePlan(vault.db, planId);
  return auditedRead(vault, plan.caseId, 'intervention session draft', () => {
    const last = lastHeldSession(vault.db, planId);
    const goalIds = planGoals(vault.db, planId).map((g) => g.id);
    const lastContent = last ? { ...last, ratings: [] } : null;
    return startFromLastSession(lastContent, today(vault), goalIds);
  });
}

export function signSession(vault: OpenVault, sessionId: string, expectedVersion: number): InterventionSessionView {
  const { db } = vault;
  return db
    .transaction(() => {
      const row = requireSession(db, sessionId);
      if (row.version !== expectedVersion) throw staleSession();
      if (row.attendance === 'planned') {
        throw new AppError('INVALID_INPUT', 'This session has not happened yet. Record its attendance before signing.');
      }
      const { signoff: _s, concerns: _c, ...content } = oneSessionView(db, sessionId);
      signAudited(
        vault,
        { kind: SESSION_SUBJECT, id: sessionId, caseId: row.caseId },
        row.version,
        content,
        WHAT,
        'intervention_session',
      );
      return oneSessionView(db, sessionId);
    })
    .immediate();
}

export function addSessionAddendum(vault: OpenVault, sessionId: string, text: string): InterventionSessionView {
  const { db } = vault;
  return db
    .transaction(() => {
      const row = requireSession(db, sessionId);
      addAddendumAudited(
        vault,
        { kind: SESSION_SUBJECT, id: sessionId, caseId: row.caseId },
        text,
        WHAT,
        'intervention_session',
      );
      return oneSessionView(db, sessionId);
    })
    .immediate();
}
