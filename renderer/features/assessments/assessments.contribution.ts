/**
 * The assessment module's place in the app, all from this folder: the Assessments navigation
 * area (every open assessment with its 12-week status) and the case page's Assessment tab.
 * Both screens are loaded on demand, so neither adds to the first screen.
 */
import { lazy } from 'react';
import { registerCaseTab } from '../cases/case-page/tab-registry';
import { loadUsers } from '../cases/case-page/case-actions';
import { registerArea } from '../shell/area-registry';
import { useCasePageStore } from '../../stores/case-page';
import { useAssessmentStore } from './assessment-store';

registerArea({
  id: 'assessments',
  label: 'Assessments',
  order: 40,
  summary: 'Every open assessment, with its 12-week status and the stage it has reached.',
  component: lazy(() => import('./AssessmentsArea')),
});

registerCaseTab({
  id: 'assessment',
  label: 'Assessment',
  group: 'clinical',
  order: 35,
  component: lazy(async () => ({ default: (await import('./AssessmentTab')).AssessmentTab })),
  load: async (caseId, force) => {
    const { loadAssessment } = await import('./assessment-actions');
    await loadAssessment(caseId, force);
    // Stage owners are chosen from the colleagues.
    if (!useCasePageStore.getState().users) await loadUsers();
  },
  forget: () => useAssessmentStore.setState({ caseId: null, assessment: undefined }),
});
