import { beforeEach, describe, expect, it } from 'vitest';
import {
  FIRST_SEARCH_PAGING,
  NO_FILTERS,
  caseloadQueryOf,
  chooseCaseloadScope,
  resetCaseloadScope,
  widenCaseloadScope,
  leaveCase,
  openCase,
  setCaseloadFilters,
  showCasesView,
  sortCaseloadBy,
  useCasesStore,
} from '../../../renderer/stores/cases';
import { resetAllStores } from '../../../renderer/stores/reset';

const ID = '0b6d2c1e-3f4a-4b5c-8d9e-0f1a2b3c4d5e';

beforeEach(() => resetAllStores());

describe('the Cases store', () => {
  it('goes back from a case to the view it was opened from', () => {
    const paging = { ...FIRST_SEARCH_PAGING, notes: { offset: 20, cursor: 1234, windowIndex: 1 } };
    showCasesView({ kind: 'search', query: 'playground', paging });
    openCase(ID);
    expect(useCasesStore.getState().view).toEqual({ kind: 'case', caseId: ID });
    leaveCase();
    expect(useCasesStore.getState().view).toEqual({ kind: 'search', query: 'playground', paging });
    openCase(ID, { kind: 'caseload' });
    leaveCase();
    expect(useCasesStore.getState().view).toEqual({ kind: 'caseload' });
  });

  it('starts again at the first page when a filter changes, and reverses a repeated sort', () => {
    setCaseloadFilters({ offset: 100 });
    setCaseloadFilters({ flagged: true });
    expect(useCasesStore.getState().filters).toMatchObject({ flagged: true, offset: 0 });
    sortCaseloadBy('reference');
    expect(useCasesStore.getState().filters).toMatchObject({ sort: 'reference', direction: 'asc' });
    sortCaseloadBy('reference');
    expect(useCasesStore.getState().filters).toMatchObject({ sort: 'reference', direction: 'desc' });
  });

  it('forgets the open case, the search words and the referral draft on lock', () => {
    setCaseloadFilters({ search: 'Hughes' });
    openCase(ID);
    useCasesStore.setState({ directory: [{ id: ID, displayName: 'Sam Patel', role: 'clinician' }] });
    resetAllStores();
    const s = useCasesStore.getState();
    expect(s.view).toEqual({ kind: 'caseload' });
    expect(s.filters).toEqual(NO_FILTERS);
    expect(s.directory).toBeNull();
    expect(s.referralDraft).toBeNull();
  });

  it('opens on my open cases by the clock, and asks the core for them', () => {
    const f = useCasesStore.getState().filters;
    expect(f).toMatchObject({ scope: 'mine', sort: 'due_date', direction: 'asc' });
    expect(caseloadQueryOf(f, 50)).toMatchObject({ mine: true, status: ['referred', 'accepted', 'active'] });
    chooseCaseloadScope('open');
    expect(caseloadQueryOf(useCasesStore.getState().filters, 50)).toMatchObject({
      mine: false,
      status: ['referred', 'accepted', 'active'],
    });
    chooseCaseloadScope('all');
    setCaseloadFilters({ status: ['closed'] });
    expect(caseloadQueryOf(useCasesStore.getState().filters, 50)).toMatchObject({ mine: false, status: ['closed'] });
    // Back to open cases: a ticked "closed" cannot apply there, so it goes.
    chooseCaseloadScope('open');
    expect(useCasesStore.getState().filters.status).toEqual([]);
  });

  it('widens an empty first look (mine, then open, then all) unless the user chose, and looks again next time', () => {
    expect(widenCaseloadScope()).toBe(true);
    expect(useCasesStore.getState().filters).toMatchObject({ scope: 'open', scopeFellBack: true });
    expect(widenCaseloadScope()).toBe(true);
    expect(useCasesStore.getState().filters.scope).toBe('all');
    expect(widenCaseloadScope()).toBe(false);
    resetCaseloadScope();
    expect(useCasesStore.getState().filters).toMatchObject({ scope: 'mine', scopeFellBack: false });
    chooseCaseloadScope('mine');
    expect(widenCaseloadScope()).toBe(false);
    expect(useCasesStore.getState().filters.scope).toBe('mine');
  });
});
