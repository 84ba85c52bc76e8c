/**
 * The open case's assessment, for the Assessment tab. Case data: resettable, so a lock clears
 * it; the tab forgets it when another case opens. `undefined` until loaded, null when the case
 * has no assessment.
 */
import type { AssessmentView } from '../../../preload/contract';
import { createResettableStore } from '../../stores/reset';

export interface AssessmentTabState {
  caseId: string | null;
  assessment: AssessmentView | null | undefined;
}

export const useAssessmentStore = createResettableStore<AssessmentTabState>({ caseId: null, assessment: undefined });
