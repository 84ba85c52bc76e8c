/**
 * Intervention plans: starting one with its goals, editing it, reviews and closure. Each write
 * is one immediate transaction with its audit row; a plan moved on since the user saw it is a
 * CONFLICT; a closed plan takes no more writes.
 */
import { randomUUID } from 'node:crypto';
import type { ChannelParsedInput } from '../../../preload/contract';
import type { PlanView } from '../../../preload/contract/intervention-records';
import { MAX_GOALS } from '../../../preload/contract/intervention-records';
import { isCaseWorker } from '../cases/cases.repo';
import { auditedRead, requireCase, today } from '../cases/cases.service';
import { formatUkDate } from '../cases/dates';
import { networkPeople } from '../consultations/consultations.repo';
import type { Db } from '../db/connection';
import { AppError } from '../errors';
import type { OpenVault } from '../vault/vault';
import { planView } from './intervention-view';
import {
  activePlanOf,
  casePlans,
  deleteGoal,
  findPlan,
  goalInUse,
  insertGoal,
  insertPlan,
  insertRating,
  insertReview,
  planGoals,
  revisePlan,
  reviseGoal,
  touchPlan,
  type PlanRow,
} from './interventions.repo';
import { plannedAfter } from './sessions.repo';

type PlanContent = ChannelParsedInput<'intervention:create'>['plan'];

export function requirePlan(db: Db, id: string): PlanRow {
  const row = findPlan(db, id);
  if (!row) throw new AppError('NOT_FOUND', 'That intervention plan does not exist. It may have been removed.');
  return row;
}

/** Refuse a write to a closed plan, saying when it closed. */
export function requireActivePlan(db: Db, id: string): PlanRow {
  const plan = requirePlan(db, id);
  if (plan.state !== 'active') {
    throw new AppError(
      'INVALID_INPUT',
      `This intervention plan was closed on ${formatUkDate(plan.closedOn ?? '')}, so nothing more can be added to it. Start a new plan if the work resumes.`,
    );
  }
  return plan;
}

function stalePlan(): AppError {
  return new AppError(
    'CONFLICT',
    'Someone changed this intervention plan while you were editing it. Reload it to see their changes, then try again.',
  );
}

/** The clinicians are active workers, the agencies the case's network, nothing twice, no future start. */
function checkPlan(vault: OpenVault, caseId: string, plan: PlanContent): void {
  if (plan.startDate > today(vault)) {
    throw new AppError('INVALID_INPUT', 'The start date is in the future. Start the plan on the day the work begins.');
  }
  if (new Set(plan.clinicianIds).size !== plan.clinicianIds.length) {
    throw new AppError('INVALID_INPUT', 'A clinician is listed twice. List each once.');
  }
  if (plan.clinicianIds.some((id) => !isCaseWorker(vault.db, id))) {
    throw new AppError('INVALID_INPUT', 'The clinicians must be active clinicians or administrators.');
  }
  const network = new Set(networkPeople(vault.db, caseId).map((p) => p.id));
  if (plan.networkCare.some((c) => !network.has(c.personId))) {
    throw new AppError(
      'INVALID_INPUT',
      'Other agencies’ care must name professionals on this case’s People tab. Add them there first.',
    );
  }
  if (new Set(plan.networkCare.map((c) => c.personId)).size !== plan.networkCare.length) {
    throw new AppError('INVALID_INPUT', 'An agency is listed twice. Put all its care in one entry.');
  }
}

export function listCasePlans(vault: OpenVault, caseId: string): PlanView[] {
  const d = today(vault);
  return auditedRead(vault, caseId, 'interventions', () =>
    casePlans(vault.db, caseId).map((p) => planView(vault.db, p, d)),
  );
}

export function createPlan(vault: OpenVault, caseId: string, plan: PlanContent): PlanView {
  const { db } = vault;
  return db
    .transaction(() => {
      requireCase(db, caseId);
      if (activePlanOf(db, caseId)) {
        throw new AppError(
          'INVALID_INPUT',
          'This case already has an active intervention plan. Close it before starting another.',
        );
      }
      if (plan.goals.some((g) => g.id !== null)) {
        throw new AppError('INVALID_INPUT', 'A new plan’s goals are new: leave out their ids.');
      }
      checkPlan(vault, caseId, plan);
      const id = randomUUID();
      const at = vault.now().toISOString();
      const by = vault.user.id;
      insertPlan(db, {
        id,
        caseId,
        planType: plan.planType,
        startDate: plan.startDate,
        clinicianIds: plan.clinicianIds,
        networkCare: plan.networkCare,
        state: 'active',
        closedOn: null,
        closureReason: null,
        closingSummary: null,
        closingRecommendations: null,
        createdAt: at,
        createdBy: by,
        updatedAt: at,
        updatedBy: by,
        version: 1,
      });
      plan.goals.forEach((g, i) => addGoal(db, { caseId, planId: id, seq: i + 1, goal: g, ratedOn: plan.startDate }));
      vault.audit({ action: 'intervention.create', entityType: 'intervention', entityId: id, caseId });
      return planView(db, requirePlan(db, id), today(vault));
    })
    .immediate();
}

function addGoal(
  db: Db,
  g: { caseId: string; planId: string; seq: number; goal: PlanContent['goals'][number]; ratedOn: string },
): void {
  const goalId = randomUUID();
  insertGoal(db, {
    id: goalId,
    caseId: g.caseId,
    planId: g.planId,
    seq: g.seq,
    area: g.goal.area,
    description: g.goal.description,
    version: 1,
  });
  if (g.goal.baselineRating !== null) {
    insertRating(db, {
      id: randomUUID(),
      caseId: g.caseId,
      goalId,
      sessionId: null,
      ratedOn: g.ratedOn,
      rating: g.goal.baselineRating,
      version: 1,
    });
  }
}

export function updatePlan(vault: OpenVault, planId: string, expectedVersion: number, plan: PlanContent): PlanView {
  const { db } = vault;
  return db
    .transaction(() => {
      const row = requireActivePlan(db, planId);
      if (row.version !== expectedVersion) throw stalePlan();
      checkPlan(vault, row.caseId, plan);
      const at = vault.now().toISOString();
      const by = vault.user.id;
      const existing = planGoals(db, planId);
      const kept = new Set(plan.goals.flatMap((g) => (g.id ? [g.id] : [])));
      if ([...kept].some((id) => !existing.some((g) => g.id === id))) {
        throw new AppError('INVALID_INPUT', 'A goal named in the plan is not one of its goals. Reload the plan.');
      }
      for (const g of existing.filter((x) => !kept.has(x.id))) {
        if (goalInUse(db, g.id)) {
          throw new AppError(
            'INVALID_INPUT',
            `Goal ${g.seq} has been rated or worked on in a session, so it stays in the plan (its history is part of the record).`,
          );
        }
        deleteGoal(db, g.id);
      }
      const free = [1, 2, 3].filter((n) => !existing.some((g) => kept.has(g.id) && g.seq === n));
      for (const g of plan.goals) {
        if (g.id) reviseGoal(db, g.id, g.area, g.description);
        else
          addGoal(db, { caseId: row.caseId, planId, seq: free.shift() ?? MAX_GOALS, goal: g, ratedOn: today(vault) });
      }
      const fields = { ...plan, updatedAt: at, updatedBy: by };
      if (!revisePlan(db, planId, expectedVersion, fields, 'plan')) throw stalePlan();
      vault.audit({
        action: 'intervention.update',
        entityType: 'intervention',
        entityId: planId,
        caseId: row.caseId,
        detail: { goals: plan.goals.length },
      });
      return planView(db, requirePlan(db, planId), today(vault));
    })
    .immediate();
}

export function addReview(
  vault: OpenVault,
  planId: string,
  review: ChannelParsedInput<'intervention:addReview'>['review'],
): PlanView {
  const { db } = vault;
  return db
    .transaction(() => {
      const plan = requireActivePlan(db, planId);
      if (review.reviewDate > today(vault)) {
        throw new AppError(
          'INVALID_INPUT',
          'The review date is in the future. Record a review once it has taken place.',
        );
      }
      if (review.reviewDate < plan.startDate) {
        throw new AppError('INVALID_INPUT', 'The review date is before the plan started.');
      }
      const id = randomUUID();
      const at = vault.now().toISOString();
      insertReview(db, {
        ...review,
        id,
        caseId: plan.caseId,
        planId,
        createdAt: at,
        createdBy: vault.user.id,
        version: 1,
      });
      touchPlan(db, planId, at, vault.user.id);
      vault.audit({ action: 'intervention.review', entityType: 'intervention', entityId: planId, caseId: plan.caseId });
      return planView(db, requirePlan(db, planId), today(vault));
    })
    .immediate();
}

export function closePlan(
  vault: OpenVault,
  planId: string,
  expectedVersion: number,
  closure: ChannelParsedInput<'intervention:close'>['closure'],
): PlanView {
  const { db } = vault;
  return db
    .transaction(() => {
      const plan = requireActivePlan(db, planId);
      if (plan.version !== expectedVersion) throw stalePlan();
      if (closure.closedOn > today(vault) || closure.closedOn < plan.startDate) {
        throw new AppError('INVALID_INPUT', 'The closing date must be between the plan’s start and today.');
      }
      if (plannedAfter(db, planId, closure.closedOn)) {
        throw new AppError(
          'INVALID_INPUT',
          'A session is still booked after the closing date. Record it as cancelled, or close the plan after it.',
        );
      }
      const at = vault.now().toISOString();
      const fields: Partial<PlanRow> = {
        state: 'closed',
        closedOn: closure.closedOn,
        closureReason: closure.reason,
        closingSummary: closure.summary,
        closingRecommendations: closure.recommendations,
        updatedAt: at,
        updatedBy: vault.user.id,
      };
      if (!revisePlan(db, planId, expectedVersion, fields, 'closure')) throw stalePlan();
      vault.audit({
        action: 'intervention.close',
        entityType: 'intervention',
        entityId: planId,
        caseId: plan.caseId,
        detail: { reason: closure.reason },
      });
      return planView(db, requirePlan(db, planId), today(vault));
    })
    .immediate();
}
