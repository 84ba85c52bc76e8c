/**
 * The consultations module's contribution to the shell: the Consultations area (replacing its
 * planned empty state) and the case page's Consultation tab. Both screens, their store and their
 * actions load on demand, so none of it is in the first screen's chunk.
 */
import { createElement, lazy } from 'react';
import { registerArea } from '../shell/area-registry';
import { registerCaseTab } from '../cases/case-page/tab-registry';

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

registerCaseTab({
  id: 'consultation',
  label: 'Consultation',
  order: 32,
  component: lazy(async () => {
    const { ConsultationTab } = await import('./ConsultationTab');
    return { default: ConsultationTab };
  }),
  load: async (caseId, force) => {
    const { loadCaseConsultations } = await import('./consultations-actions');
    await loadCaseConsultations(caseId, force);
  },
  forget: () => {
    void import('./consultations-actions').then((m) => m.forgetCaseConsultations());
  },
});
