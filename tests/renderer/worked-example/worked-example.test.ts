import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, describe, expect, it } from 'vitest';
import type { ChronologyKindDefinition } from '../../../preload/contract/chronology-kinds';
import { CaseTabs } from '../../../renderer/features/cases/case-page/CaseTabs';
import { loadTab, openCase } from '../../../renderer/features/cases/case-page/case-actions';
import { caseTabsFor, caseTabToShow } from '../../../renderer/features/cases/case-page/tab-registry';
import { areasFor, areaToShow, registeredAreas } from '../../../renderer/features/shell/area-registry';
import '../../../renderer/features/shell/contributions';
import { useCasePageStore } from '../../../renderer/stores/case-page';
import { courtLetterStore } from './court-letters/court-letters-store';
import { COURT_LETTER_KIND, COURT_LETTERS, unregisterCourtLetters } from './court-letters/court-letters.contribution';

afterAll(() => {
  for (const unregister of unregisterCourtLetters) unregister();
});

describe('a module contributes itself from its own folder', () => {
  it('adds its navigation area, in order, to the areas the app registers', () => {
    expect(registeredAreas().map((a) => a.id)).toEqual([
      'home',
      'cases',
      'sharing',
      'consultations',
      'assessments',
      'interventions',
      'safe-home',
      'training',
      COURT_LETTERS.area,
      'dashboard',
      'administration',
      'retention',
      'settings',
    ]);
    const area = registeredAreas().find((a) => a.id === COURT_LETTERS.area);
    // Its screen is loaded on demand, as every area's with a screen.
    expect(area?.component).toBeDefined();
  });

  it('shows its area only to the roles it names', () => {
    expect(areasFor('clinician').map((a) => a.id)).toContain(COURT_LETTERS.area);
    expect(areasFor('read-only').map((a) => a.id)).not.toContain(COURT_LETTERS.area);
    expect(areasFor('clinician').map((a) => a.id)).not.toContain('administration');
    // A role that may not see the stored area gets the first it sees: Home.
    expect(areaToShow(COURT_LETTERS.area, 'read-only')?.id).toBe('home');
    expect(areaToShow(COURT_LETTERS.area, 'clinician')?.id).toBe(COURT_LETTERS.area);
  });

  it('adds its case tab with its count to the case page’s tab list', () => {
    useCasePageStore.setState({ caseId: 'case-1' });
    const tabs = caseTabsFor('clinician');
    expect(tabs.map((t) => t.id)).toContain(COURT_LETTERS.tab);
    const html = renderToStaticMarkup(
      createElement(CaseTabs, { tabs, active: COURT_LETTERS.tab, onSelect: () => undefined, children: 'panel' }),
    );
    expect(html).toContain('id="case-tab-court-letters"');
    expect(html).toMatch(/role="tab"[^>]*>Court letters</);
    // The count reads the live store (a server render sees only the initial state).
    const ours = tabs.find((t) => t.id === COURT_LETTERS.tab);
    expect(ours?.count?.(useCasePageStore.getState())).toBe(2);
    expect(html).toContain('id="case-panel-court-letters"');
    expect(caseTabToShow(COURT_LETTERS.tab, 'read-only')?.id).toBe(COURT_LETTERS.tab);
  });

  it('has its tab load through the case page’s own actions, once unless forced', async () => {
    useCasePageStore.setState({ caseId: 'case-1', tab: COURT_LETTERS.tab });
    courtLetterStore.setState({ caseId: null, loads: 0 });
    await loadTab(COURT_LETTERS.tab, false);
    await loadTab(COURT_LETTERS.tab, false);
    expect(courtLetterStore.getState()).toEqual({ caseId: 'case-1', loads: 1 });
    await loadTab(COURT_LETTERS.tab, true);
    expect(courtLetterStore.getState().loads).toBe(2);
  });

  it('has its tab forget the previous case when another case opens', async () => {
    courtLetterStore.setState({ caseId: 'case-1', loads: 1 });
    // No core in this test: opening fails to fetch the case, after every tab has forgotten.
    await openCase('case-2');
    expect(courtLetterStore.getState().caseId).toBeNull();
    expect(useCasePageStore.getState()).toMatchObject({ caseId: 'case-2', detail: null });
    expect(useCasePageStore.getState().loadError).not.toBeNull();
  });

  it('defines its chronology kind with the type every kind has', () => {
    const kind: ChronologyKindDefinition = COURT_LETTER_KIND;
    expect(kind.label).toBe('Court letter');
    // @ts-expect-error: a kind without a label does not compile (it would read "Event" on screen).
    const unlabelled: ChronologyKindDefinition = { group: 'other', marker: 'other', source: 'court-letters' };
    expect(unlabelled.label).toBeUndefined();
  });
});
