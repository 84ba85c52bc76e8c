/**
 * The consultations module's contribution to the shell: the Consultations area (replacing its
 * planned empty state) and the case page's Consultation tab. Both screens, their store and their
 * actions load on demand, so none of it is in the first screen's chunk.
 */
import { createElement, lazy } from 'react';
import { registerArea } from '../shell/area-registry';
import { registerCaseTab } from '../cases/case-page/tab-registry';
import type * as ConsultationsActions from './consultations-actions';

registerArea({
  id: 'consultations',
  label: 'Consultations',
  order: 30,
  summary: 'Professional consultations with the network around a child, and ongoing consultations with teams.',
  component: lazy(async () => {
    const { ConsultationsArea } = await import('./ConsultationsArea');
    return { default: () => createElement(ConsultationsArea) };
  }),
});

/** The tab's actions once loaded: `forget` stays synchronous and loads nothing when never shown. */
let actions: typeof ConsultationsActions | null = null;

registerCaseTab({
  id: 'consultation',
  label: 'Consultation',
  group: 'clinical',
  order: 32,
  component: lazy(async () => {
    const { ConsultationTab } = await import('./ConsultationTab');
    return { default: ConsultationTab };
  }),
  load: async (caseId, force) => {
    actions ??= await import('./consultations-actions');
    await actions.loadCaseConsultations(caseId, force);
  },
  // Nothing to forget if the tab was never shown (its store is not loaded yet).
  forget: () => actions?.forgetCaseConsultations(),
});
