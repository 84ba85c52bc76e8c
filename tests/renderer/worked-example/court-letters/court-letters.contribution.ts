/**
 * A throwaway module, registered only in a test: "court letters". Everything it adds to the
 * app comes from this one folder: a navigation area, a case-page tab and a chronology kind.
 * It shows the shape a real module's `<module>.contribution.ts` takes.
 */
import { createElement, lazy } from 'react';
import type { ChronologyKindDefinition } from '../../../../preload/contract/chronology-kinds';
import { registerArea } from '../../../../renderer/features/shell/area-registry';
import { registerCaseTab } from '../../../../renderer/features/cases/case-page/tab-registry';
import { courtLetterStore } from './court-letters-store';

/** Its chronology kind: a definition without a label or a group would not compile. */
export const COURT_LETTER_KIND = {
  label: 'Court letter',
  group: 'other',
  marker: 'document_added',
  source: 'court-letters',
} satisfies ChronologyKindDefinition;

/** Ids of what it registers, for the test. */
export const COURT_LETTERS = { area: 'court-letters', tab: 'court-letters' } as const;

/** Undo every registration (the test's clean-up). */
export const unregisterCourtLetters: (() => void)[] = [];

unregisterCourtLetters.push(
  registerArea({
    id: COURT_LETTERS.area,
    label: 'Court letters',
    order: 75,
    summary: 'Letters to and from the family and criminal courts.',
    roles: ['administrator', 'clinician'],
    component: lazy(async () => ({ default: () => createElement('p', null, 'Every court letter') })),
  }),
  registerCaseTab({
    id: COURT_LETTERS.tab,
    label: 'Court letters',
    group: 'record',
    order: 75,
    component: () => createElement('p', null, 'This case’s court letters'),
    load: async (caseId, force) => {
      const s = courtLetterStore.getState();
      if (force || s.caseId !== caseId) courtLetterStore.setState({ caseId, loads: s.loads + 1 });
    },
    forget: () => courtLetterStore.setState({ caseId: null }),
    count: (s) => (s.caseId ? 2 : undefined),
  }),
);
