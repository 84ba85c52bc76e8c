/**
 * The Safe Home module's place in the app: its area (the service view, each run's overview, and
 * for administrators the theme list and the completion rule), replacing the planned area of the
 * same id, and the case page's Safe Home tab (the carers' journeys and the family's safety
 * plans). Screens, store and actions load on demand, so this file adds only the registrations.
 */
import { createElement, lazy } from 'react';
import { registerArea, type AreaProps } from '../shell/area-registry';
import { registerCaseTab } from '../cases/case-page/tab-registry';
import type * as SafeHomeActions from './safe-home-actions';
import type * as SafeHomeStore from './safe-home-store';

registerArea({
  id: 'safe-home',
  label: 'Safe Home',
  order: 60,
  summary: 'The programme for parents and carers: runs, attendance, themes covered and safety plans.',
  component: lazy(async () => {
    const { SafeHomeArea } = await import('./SafeHomeArea');
    return { default: ({ user }: AreaProps) => createElement(SafeHomeArea, { user }) };
  }),
});

/** Kept once loaded, so that `forget` stays synchronous and loads nothing if the tab was never shown. */
let actions: typeof SafeHomeActions | null = null;
let store: typeof SafeHomeStore | null = null;

registerCaseTab({
  id: 'safe-home',
  label: 'Safe Home',
  // Last of the clinical work: after Interventions (38).
  group: 'clinical',
  order: 39,
  component: lazy(async () => ({ default: (await import('./SafeHomeTab')).SafeHomeTab })),
  load: async (caseId, force) => {
    store ??= await import('./safe-home-store');
    actions ??= await import('./safe-home-actions');
    await actions.loadCaseSafeHome(caseId, force);
  },
  forget: () => store?.forgetSafeHomeCase(),
});
