/**
 * The Safe Home screens' calls to the core; each puts what comes back in the store. A write to a
 * run changes the chronology of the attending families' cases, so the open case's copies are
 * dropped and fetched again when next shown.
 */
import type {
  CatchUpInput,
  CompletionRule,
  EnrolmentInput,
  EnrolmentOutcomeInput,
  RegisterInput,
  RunInput,
  RunView,
  SafetyPlanVersionInput,
  ThemeInput,
  WithdrawalInput,
} from '../../../preload/contract/safe-home';
import { call } from '../../lib/api';
import { useCasePageStore } from '../../stores/case-page';
import { useSafeHomeStore as store } from './safe-home-store';

export const RUNS_PAGE_SIZE = 25;

/** The service view: one page of runs and the figures. */
export async function loadServiceView(offset = 0): Promise<void> {
  const [runs, summary] = await Promise.all([
    call('safeHomeRun:list', { offset, limit: RUNS_PAGE_SIZE }),
    call('safeHomeRun:summary', {}),
  ]);
  store.setState({ runs, summary });
}

/** The theme list (every user: the plan offers them) and the completion rule. */
export async function loadThemesAndRule(): Promise<void> {
  const [themes, rule] = await Promise.all([call('safeHomeTheme:list', {}), call('safeHomeRule:get', {})]);
  store.setState({ themes, rule });
}

/** Open a run's overview (null: back to the service view, whose figures may have moved). */
export async function openRun(runId: string | null): Promise<void> {
  if (!runId) {
    store.setState({ run: null });
    await loadServiceView(store.getState().runs?.offset ?? 0);
    return;
  }
  store.setState({ run: await call('safeHomeRun:get', { runId }) });
}

/** Show a run as the core returned it after a write, and drop the open case's derived lists. */
function showRun(run: RunView): RunView {
  store.setState({ run });
  useCasePageStore.setState({ chronology: null, accessLog: null });
  return run;
}

export async function createRun(run: RunInput): Promise<RunView> {
  return showRun(await call('safeHomeRun:create', { run }));
}

export async function updateRun(current: RunView, run: RunInput): Promise<RunView> {
  return showRun(await call('safeHomeRun:update', { runId: current.id, expectedVersion: current.version, run }));
}

export async function closeRun(current: RunView, closedOn: string): Promise<RunView> {
  return showRun(await call('safeHomeRun:close', { runId: current.id, expectedVersion: current.version, closedOn }));
}

export async function reopenRun(current: RunView, reason: string): Promise<RunView> {
  return showRun(await call('safeHomeRun:reopen', { runId: current.id, expectedVersion: current.version, reason }));
}

export async function addCatchUp(runId: string, catchUp: CatchUpInput): Promise<RunView> {
  return showRun(await call('safeHomeSession:addCatchUp', { runId, catchUp }));
}

export async function takeRegister(
  sessionId: string,
  expectedVersion: number,
  register: RegisterInput,
): Promise<RunView> {
  return showRun(await call('safeHomeSession:takeRegister', { sessionId, expectedVersion, register }));
}

export async function enrolCarer(runId: string, enrolment: EnrolmentInput): Promise<RunView> {
  return showRun(await call('safeHomeEnrolment:create', { runId, enrolment }));
}

export async function rateCarer(
  enrolmentId: string,
  expectedVersion: number,
  outcome: EnrolmentOutcomeInput,
): Promise<RunView> {
  return showRun(await call('safeHomeEnrolment:rate', { enrolmentId, expectedVersion, outcome }));
}

export async function withdrawCarer(
  enrolmentId: string,
  expectedVersion: number,
  withdrawal: WithdrawalInput,
): Promise<RunView> {
  return showRun(await call('safeHomeEnrolment:withdraw', { enrolmentId, expectedVersion, withdrawal }));
}

// --- Administrators: the theme list and the completion rule ---------------------------------

export async function addTheme(theme: ThemeInput): Promise<void> {
  await call('safeHomeTheme:create', { theme });
  store.setState({ themes: await call('safeHomeTheme:list', {}) });
}

export async function updateTheme(themeId: string, expectedVersion: number, theme: ThemeInput): Promise<void> {
  await call('safeHomeTheme:update', { themeId, expectedVersion, theme });
  store.setState({ themes: await call('safeHomeTheme:list', {}) });
}

export async function updateRule(rule: CompletionRule): Promise<void> {
  store.setState({ rule: await call('safeHomeRule:update', { rule }) });
}

// --- The case tab ---------------------------------------------------------------------------

/** The open case's Safe Home (audited as a read of the case). */
export async function loadCaseSafeHome(caseId: string, force: boolean): Promise<void> {
  const s = store.getState();
  if (!force && s.caseId === caseId && s.caseView !== undefined) return;
  const caseView = await call('safeHomeCase:get', { caseId });
  // Another case may have opened while this was on its way.
  if (useCasePageStore.getState().caseId === caseId) store.setState({ caseId, caseView });
}

async function reloadCase(): Promise<void> {
  const caseId = useCasePageStore.getState().caseId;
  if (!caseId) return;
  await loadCaseSafeHome(caseId, true);
  useCasePageStore.setState({ chronology: null, accessLog: null });
}

export async function addSafetyPlanVersion(runId: string, plan: SafetyPlanVersionInput): Promise<void> {
  await call('safeHomeSafetyPlan:addVersion', { runId, plan });
  await reloadCase();
}

export async function markSafetyPlanReviewed(
  versionId: string,
  expectedVersion: number,
  sessionId: string,
): Promise<void> {
  await call('safeHomeSafetyPlan:markReviewed', { versionId, expectedVersion, sessionId });
  await reloadCase();
}
