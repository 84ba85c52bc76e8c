/**
 * What the Assessment tab does: each write goes through the contract, then the tab shows the
 * assessment as the core returns it. A stage done may move the case's clock (report sent stops
 * it), so those reload the whole case.
 */
import type { AssessmentPatch, BehaviourInput, RecommendationInput } from '../../../preload/contract';
import { call } from '../../lib/api';
import { reloadCase } from '../cases/case-page/case-actions';
import { useCasePageStore } from '../../stores/case-page';
import { useAssessmentStore } from './assessment-store';

const store = useAssessmentStore;

export async function loadAssessment(caseId: string, force: boolean): Promise<void> {
  const s = store.getState();
  if (!force && s.caseId === caseId && s.assessment !== undefined) return;
  const assessment = await call('assessment:get', { caseId });
  if (useCasePageStore.getState().caseId === caseId) store.setState({ caseId, assessment });
}

function current() {
  const a = store.getState().assessment;
  if (!a) throw new Error('No assessment is open.');
  return a;
}

export async function openAssessment(): Promise<void> {
  const caseId = useCasePageStore.getState().caseId;
  if (!caseId) return;
  store.setState({ caseId, assessment: await call('assessment:open', { caseId }) });
}

export async function updateAssessment(patch: AssessmentPatch): Promise<void> {
  const a = current();
  store.setState({
    assessment: await call('assessment:update', { assessmentId: a.id, expectedVersion: a.version, patch }),
  });
}

export async function planStage(stageId: string, version: number, plannedDate: string | null, ownerId: string | null) {
  store.setState({
    assessment: await call('assessment:planStage', {
      stageId,
      expectedVersion: version,
      plan: { plannedDate, ownerId },
    }),
  });
}

export async function completeStage(stageId: string, version: number, actualDate: string): Promise<void> {
  const assessment = await call('assessment:completeStage', { stageId, expectedVersion: version, actualDate });
  store.setState({ assessment });
  // The case header and caseload show the clock: report sent stops it.
  if (assessment.state === 'complete') await reloadCase();
}

export async function addBehaviour(behaviour: BehaviourInput): Promise<void> {
  const a = current();
  await call('assessment:addBehaviour', { assessmentId: a.id, behaviour });
  await loadAssessment(a.caseId, true);
}

export async function addRecommendation(recommendation: RecommendationInput): Promise<void> {
  const a = current();
  await call('assessment:addRecommendation', { assessmentId: a.id, recommendation });
  await loadAssessment(a.caseId, true);
}

export async function removeRecommendation(id: string, version: number): Promise<void> {
  const a = current();
  await call('assessment:removeRecommendation', { recommendationId: id, expectedVersion: version });
  await loadAssessment(a.caseId, true);
}

export async function updateBehaviour(id: string, version: number, behaviour: BehaviourInput): Promise<void> {
  const a = current();
  await call('assessment:updateBehaviour', { behaviourId: id, expectedVersion: version, behaviour });
  await loadAssessment(a.caseId, true);
}

export async function removeBehaviour(id: string, version: number): Promise<void> {
  const a = current();
  await call('assessment:removeBehaviour', { behaviourId: id, expectedVersion: version });
  await loadAssessment(a.caseId, true);
}

/** Undo a stage marked done. Undoing "report sent" restarts the clock, so the case reloads too. */
export async function reopenStage(stageId: string, version: number, reason: string): Promise<void> {
  const before = current();
  const assessment = await call('assessment:reopenStage', { stageId, expectedVersion: version, reason });
  store.setState({ assessment });
  if (before.state !== assessment.state) await reloadCase();
}
