/**
 * What the Interventions tab does: each write goes through the contract, then the tab shows the
 * plans and the session log as the core returns them. A session changes its plan's attendance,
 * ratings and next session, so the plans are fetched again with the log; every write changes
 * the chronology and the access log, which are fetched again when next shown. A safeguarding
 * concern also raises a flag and a task, so the case's flags and tasks are fetched at once.
 */
import type {
  ClosureInput,
  ConcernInput,
  InterventionSessionContent,
  InterventionSessionView,
  PlanContent,
  PlanView,
  ReviewInput,
} from '../../../preload/contract/interventions';
import { call } from '../../lib/api';
import { useCasePageStore } from '../../stores/case-page';
import { loadUsers, refreshFlags } from '../cases/case-page/case-actions';
import { useInterventionsStore } from './interventions-store';

const store = useInterventionsStore;

/** Sessions fetched at a time: the latest few, then "Show older sessions". */
export const SESSION_PAGE = 10;

function stillOpen(caseId: string): boolean {
  return useCasePageStore.getState().caseId === caseId;
}

function caseIdNow(): string {
  const caseId = useCasePageStore.getState().caseId;
  if (!caseId) throw new Error('No case is open.');
  return caseId;
}

function afterWrite(): void {
  useCasePageStore.setState({ chronology: null, accessLog: null });
}

async function fetchPlans(caseId: string): Promise<PlanView[]> {
  const plans = await call('intervention:listForCase', { caseId });
  // Another case may have opened while this was on its way.
  if (stillOpen(caseId)) store.setState((s) => ({ caseId, plans, logs: s.caseId === caseId ? s.logs : {} }));
  return plans;
}

/** A plan's log from the newest session, at least as many as are shown now (so nothing shown goes stale). */
async function fetchLog(caseId: string, planId: string): Promise<void> {
  const shown = store.getState().logs[planId]?.items.length ?? 0;
  const page = await call('interventionSession:log', {
    caseId,
    planId,
    offset: 0,
    limit: Math.max(SESSION_PAGE, shown),
  });
  if (stillOpen(caseId)) {
    store.setState((s) => ({ logs: { ...s.logs, [planId]: { items: page.items, total: page.total } } }));
  }
}

/** What the tab needs when shown: the plans, the active plan's log, and the colleagues to choose from. */
export async function loadInterventionsTab(caseId: string, force: boolean): Promise<void> {
  const s = store.getState();
  if (force || s.caseId !== caseId || s.plans === undefined) {
    if (s.caseId !== caseId) store.setState({ caseId: null, plans: undefined, logs: {} });
    const plans = await fetchPlans(caseId);
    const active = plans.find((p) => !p.closure);
    if (active) await fetchLog(caseId, active.id);
  }
  // Clinicians and the follow-up task's owner are chosen from the colleagues.
  if (!useCasePageStore.getState().users) await loadUsers();
}

/** Fetch a plan's log (a closed plan's, when asked to show it). */
export async function showSessions(planId: string): Promise<void> {
  await fetchLog(caseIdNow(), planId);
}

/** The next page of older sessions, after those shown. */
export async function showOlderSessions(planId: string): Promise<void> {
  const caseId = caseIdNow();
  const log = store.getState().logs[planId];
  const offset = log?.items.length ?? 0;
  const page = await call('interventionSession:log', { caseId, planId, offset, limit: SESSION_PAGE });
  if (!stillOpen(caseId)) return;
  store.setState((s) => ({
    logs: {
      ...s.logs,
      [planId]: { items: [...(s.logs[planId]?.items ?? []), ...page.items], total: page.total },
    },
  }));
}

/** Fetch the plans again (after a CONFLICT, to see someone else's change). */
export async function reloadPlans(): Promise<void> {
  await fetchPlans(caseIdNow());
}

export async function startPlan(plan: PlanContent): Promise<PlanView> {
  const caseId = caseIdNow();
  const made = await call('intervention:create', { caseId, plan });
  await fetchPlans(caseId);
  await fetchLog(caseId, made.id);
  afterWrite();
  return made;
}

export async function updatePlan(p: PlanView, plan: PlanContent): Promise<PlanView> {
  const saved = await call('intervention:update', { planId: p.id, expectedVersion: p.version, plan });
  await fetchPlans(p.caseId);
  afterWrite();
  return saved;
}

export async function addReview(p: PlanView, review: ReviewInput): Promise<PlanView> {
  const saved = await call('intervention:addReview', { planId: p.id, review });
  await fetchPlans(p.caseId);
  afterWrite();
  return saved;
}

export async function closePlan(p: PlanView, closure: ClosureInput): Promise<PlanView> {
  const saved = await call('intervention:close', { planId: p.id, expectedVersion: p.version, closure });
  await fetchPlans(p.caseId);
  afterWrite();
  return saved;
}

/** A plan's sessions and the plan itself again (its attendance, ratings and next session follow). */
async function afterSessionWrite(caseId: string, planId: string): Promise<void> {
  await fetchLog(caseId, planId);
  await fetchPlans(caseId);
  afterWrite();
}

/** "Start from the last session": the structure of a new note, filled from the plan's last held session. */
export async function startFromLast(planId: string): Promise<InterventionSessionContent> {
  return call('interventionSession:startFromLast', { planId });
}

export async function recordSession(
  p: PlanView,
  session: InterventionSessionContent,
): Promise<InterventionSessionView> {
  const saved = await call('interventionSession:create', { planId: p.id, session });
  await afterSessionWrite(p.caseId, p.id);
  return saved;
}

export async function updateSession(
  s: InterventionSessionView,
  session: InterventionSessionContent,
): Promise<InterventionSessionView> {
  const saved = await call('interventionSession:update', {
    sessionId: s.id,
    expectedVersion: s.version,
    session,
  });
  await afterSessionWrite(s.caseId, s.planId);
  return saved;
}

export async function signSession(s: InterventionSessionView): Promise<InterventionSessionView> {
  const saved = await call('interventionSession:sign', { sessionId: s.id, expectedVersion: s.version });
  await afterSessionWrite(s.caseId, s.planId);
  return saved;
}

export async function addSessionAddendum(s: InterventionSessionView, text: string): Promise<InterventionSessionView> {
  const saved = await call('interventionSession:addAddendum', { sessionId: s.id, text });
  await afterSessionWrite(s.caseId, s.planId);
  return saved;
}

/**
 * Raise a safeguarding concern: the core writes it with its flag and task in one transaction.
 * The case's flags (the header's banner, the Flags tab's count) and tasks are fetched at once.
 */
export async function raiseConcern(
  s: InterventionSessionView,
  concern: ConcernInput,
): Promise<InterventionSessionView> {
  const saved = await call('interventionSession:raiseConcern', { sessionId: s.id, concern });
  await fetchLog(s.caseId, s.planId);
  if (!stillOpen(s.caseId)) return saved;
  await refreshFlags();
  useCasePageStore.setState({ tasks: await call('task:listForCase', { caseId: s.caseId }) });
  afterWrite();
  return saved;
}
