/**
 * The interventions module's case tab: the plan with its goals, reviews and closure, the session
 * log with its forms, the outcomes and the progress report. The screen, its store and its
 * actions come in their own chunk, fetched when the tab is first shown, so this file adds only
 * the registration. (The Interventions area registers itself from `area/`.)
 */
import { lazy } from 'react';
import { registerCaseTab } from '../cases/case-page/tab-registry';
import type * as InterventionsActions from './interventions-actions';
import type * as InterventionsStore from './interventions-store';

/** Kept once loaded, so that `forget` stays synchronous and loads nothing if the tab was never shown. */
let actions: typeof InterventionsActions | null = null;
let store: typeof InterventionsStore | null = null;

registerCaseTab({
  id: 'interventions',
  label: 'Interventions',
  // After the assessment and its psychometrics (35-37): treatment follows the assessment.
  group: 'clinical',
  order: 38,
  component: lazy(async () => ({ default: (await import('./InterventionsTab')).InterventionsTab })),
  load: async (caseId, force) => {
    store ??= await import('./interventions-store');
    actions ??= await import('./interventions-actions');
    await actions.loadInterventionsTab(caseId, force);
  },
  forget: () => store?.forgetInterventions(),
});
