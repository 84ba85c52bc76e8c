/**
 * Psychometrics contributes a case tab (the administrations of the case, with their bands) and,
 * in the Administration area, the instrument catalogue (placed by AdministrationArea). The tab's
 * screen, store and loading all come in their own chunk, fetched when the tab is first shown, so
 * this file adds only the registration to the first screen.
 */
import { lazy } from 'react';
import { registerCaseTab } from '../cases/case-page/tab-registry';

registerCaseTab({
  id: 'psychometrics',
  label: 'Psychometrics',
  // After Documents, before the Chronology: part of the case's assessment work.
  order: 37,
  component: lazy(async () => ({ default: (await import('./PsychometricsTab')).PsychometricsTab })),
  load: async (caseId, force) => (await import('./psychometrics-store')).loadPsychometricsTab(caseId, force),
  // Nothing to forget if the tab was never shown (its store is not loaded yet).
  forget: () => void import('./psychometrics-store').then((m) => m.forgetPsychometrics()),
});
