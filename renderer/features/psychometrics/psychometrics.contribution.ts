/**
 * Psychometrics contributes a case tab (the administrations of the case, with their bands) and,
 * in the Administration area, the instrument catalogue (placed by AdministrationArea). The tab's
 * screen, store and loading all come in their own chunk, fetched when the tab is first shown, so
 * this file adds only the registration to the first screen.
 */
import { lazy } from 'react';
import { registerCaseTab } from '../cases/case-page/tab-registry';
import type * as PsychometricsStore from './psychometrics-store';

/** The tab's store once loaded: `forget` stays synchronous and loads nothing when never shown. */
let store: typeof PsychometricsStore | null = null;

registerCaseTab({
  id: 'psychometrics',
  label: 'Psychometrics',
  // After the Assessment tab: part of the case's assessment work.
  group: 'clinical',
  order: 37,
  component: lazy(async () => ({ default: (await import('./PsychometricsTab')).PsychometricsTab })),
  load: async (caseId, force) => {
    store ??= await import('./psychometrics-store');
    await store.loadPsychometricsTab(caseId, force);
  },
  // Nothing to forget if the tab was never shown (its store is not loaded yet).
  forget: () => store?.forgetPsychometrics(),
});
