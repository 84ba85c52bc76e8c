import { describe, expect, it } from 'vitest';
import { CHRONOLOGY_GROUPS, type FlagState, type FlagView } from '../../../preload/contract';
import '../../../renderer/features/cases/case-page/case-tabs.contribution';
import { chronologyKindLabel } from '../../../renderer/features/cases/case-page/labels';
import { caseTabsFor, caseTabToShow } from '../../../renderer/features/cases/case-page/tab-registry';
import { useCasePageStore } from '../../../renderer/stores/case-page';

describe('the cases module’s case-page tabs', () => {
  it('registers the nine tabs in their order, the access log for administrators only', () => {
    const ids = caseTabsFor('administrator').map((t) => t.id);
    expect(ids).toEqual([
      'overview',
      'people',
      'paperwork',
      'flags',
      'tasks',
      'notes',
      'documents',
      'chronology',
      'access-log',
    ]);
    expect(caseTabsFor('clinician').map((t) => t.id)).not.toContain('access-log');
    expect(caseTabsFor(undefined).map((t) => t.id)).not.toContain('access-log');
  });

  it('shows Overview to a role that may not see the chosen tab', () => {
    expect(caseTabToShow('access-log', 'clinician')?.id).toBe('overview');
    expect(caseTabToShow('access-log', 'administrator')?.id).toBe('access-log');
    expect(caseTabToShow('notes', 'read-only')?.id).toBe('notes');
  });

  it('counts open flags, not cleared ones, and the people on the case', () => {
    const tabs = new Map(caseTabsFor('clinician').map((t) => [t.id, t]));
    const flag = (id: string, state: FlagState): FlagView => ({
      id,
      caseId: 'case-1',
      reason: 'Strategy meeting needed',
      raisedBy: 'u1',
      raisedByName: 'Sam Patel',
      raisedAt: '2026-11-01T10:00:00Z',
      addressBy: null,
      clearedAt: null,
      clearedBy: null,
      clearingNote: null,
      state,
      version: 1,
    });
    expect(tabs.get('flags')?.count?.(useCasePageStore.getState())).toBe(0);
    useCasePageStore.setState({ flags: [flag('f1', 'open'), flag('f2', 'overdue'), flag('f3', 'cleared')] });
    expect(tabs.get('flags')?.count?.(useCasePageStore.getState())).toBe(2);
    expect(tabs.get('people')?.count?.(useCasePageStore.getState())).toBeUndefined();
    expect(tabs.get('overview')?.count).toBeUndefined();
  });

  it('forgets every list of the previous case', () => {
    useCasePageStore.setState({ chronologyFilter: { groups: ['notes'], thirdParty: 'only' } });
    for (const tab of caseTabsFor('administrator')) tab.forget?.();
    const s = useCasePageStore.getState();
    expect([s.flags, s.tasks, s.notes, s.chronology, s.documents, s.accessLog]).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(s.chronologyFilter.groups).toHaveLength(CHRONOLOGY_GROUPS.length);
    expect(s.chronologyFilter.thirdParty).toBe('all');
  });
});

describe('chronology kind labels on screen', () => {
  it('reads each defined kind’s label, and an undefined kind as its id in words', () => {
    expect(chronologyKindLabel('flag_raised')).toBe('Flag raised');
    expect(chronologyKindLabel('bundle_sent')).toBe('Bundle sent');
    expect(chronologyKindLabel('court_letter')).toBe('court letter');
  });
});
