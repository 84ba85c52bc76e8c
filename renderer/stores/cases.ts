/**
 * The Cases area's navigation and filter state: which view is open (caseload, my tasks, new
 * referral, one case, search results) and how the caseload is filtered, sorted and paged.
 * Created with createResettableStore: a lock forgets the open case and the search words.
 */
import type { CaseStatus, Service } from '../../preload/contract';
import type { CaseloadQuery } from '../../preload/contract/cases';
import type { DirectoryUser } from '../../preload/contract/vault';
import type { ReferralDraft } from '../features/cases/referral-draft';
import { createResettableStore } from './reset';

export type CasesView =
  | { kind: 'caseload' }
  | { kind: 'tasks' }
  | { kind: 'new-referral' }
  | { kind: 'case'; caseId: string }
  | { kind: 'search'; query: string; paging: SearchPaging };

/** Where one full-text section of the search results is: which window, and which page of it. */
export interface WindowPaging {
  offset: number;
  /** Where this window of matches starts (null: the newest); from the previous window's `nextCursor`. */
  cursor: number | null;
  /** How many windows came before this one (0 for the newest), so the page can say which matches these are. */
  windowIndex: number;
}

/** Each section of the search results pages on its own; kept in the view so "Back" returns to it. */
export interface SearchPaging {
  cases: { offset: number };
  notes: WindowPaging;
  documents: WindowPaging;
}

export const FIRST_SEARCH_PAGING: SearchPaging = {
  cases: { offset: 0 },
  notes: { offset: 0, cursor: null, windowIndex: 0 },
  documents: { offset: 0, cursor: null, windowIndex: 0 },
};

export type CaseloadSort = CaseloadQuery['sort'];

/** Which cases the caseload shows before any filter: the segmented choice at its top. */
export type CaseloadScope = 'mine' | 'open' | 'all';

/** Statuses of cases still being worked ("open"). */
export const OPEN_STATUSES: readonly CaseStatus[] = ['referred', 'accepted', 'active'];

export interface CaseloadFilters {
  /** My open cases (lead worker or allocated clinician), all open cases, or all cases. */
  scope: CaseloadScope;
  /**
   * False until the user picks a scope. Until then, when "my open cases" is empty (someone who
   * holds no cases, such as a read-only user) the caseload falls back to all open cases, then
   * to all cases, and says so ({@link CaseloadFilters.scopeFellBack}).
   */
  scopeChosen: boolean;
  scopeFellBack: boolean;
  /** Statuses ticked in the filters; within "mine" and "open" only open statuses are offered. */
  status: CaseStatus[];
  service: Service | null;
  leadWorkerId: string | null;
  overdue: boolean;
  flagged: boolean;
  /** What is typed in the caseload search box (reference, name or date of birth). */
  search: string;
  sort: CaseloadSort;
  direction: 'asc' | 'desc';
  offset: number;
}

export const NO_FILTERS: CaseloadFilters = {
  scope: 'mine',
  scopeChosen: false,
  scopeFellBack: false,
  status: [],
  service: null,
  leadWorkerId: null,
  overdue: false,
  flagged: false,
  search: '',
  // The clock order: what is due next first.
  sort: 'due_date',
  direction: 'asc',
  offset: 0,
};

/** Rows per caseload page: the query is paged in the core, so 10,000 cases cost one page. */
export const CASELOAD_PAGE_SIZE = 50;

export interface CasesState {
  view: CasesView;
  /** Where "Back" from a case returns to (the caseload, tasks or the search results). */
  returnTo: CasesView;
  /** Counts view changes, so focus moves to the new view's heading each time. */
  visit: number;
  filters: CaseloadFilters;
  /** Colleagues for the lead-worker filter and picker (user:directory). */
  directory: DirectoryUser[] | null;
  /**
   * The referral being typed, kept while its author checks a possible duplicate and comes
   * back. Null when no referral is in progress; cleared once the case is created, and on lock.
   */
  referralDraft: ReferralDraft | null;
}

export const useCasesStore = createResettableStore<CasesState>({
  view: { kind: 'caseload' },
  returnTo: { kind: 'caseload' },
  visit: 0,
  filters: NO_FILTERS,
  directory: null,
  referralDraft: null,
});

/**
 * Show a view of the Cases area. Opening a case remembers where to go back to: the view it was
 * opened from, unless `returnTo` says otherwise.
 */
export function showCasesView(view: CasesView, returnTo?: CasesView): void {
  useCasesStore.setState((s) => ({
    view,
    returnTo: returnTo ?? (view.kind === 'case' ? (s.view.kind === 'case' ? s.returnTo : s.view) : s.returnTo),
    visit: s.visit + 1,
  }));
}

export function openCase(caseId: string, returnTo?: CasesView): void {
  showCasesView({ kind: 'case', caseId }, returnTo);
}

/** Back from a case to the list it was opened from. */
export function leaveCase(): void {
  showCasesView(useCasesStore.getState().returnTo);
}

/** Show the search results for what was typed, every section at its first page. */
export function showSearch(query: string): void {
  showCasesView({ kind: 'search', query, paging: FIRST_SEARCH_PAGING });
}

/**
 * Page one section of the open search results. Not a new view: focus stays with the section
 * (no move to the page heading), but "Back" from a case opened next returns to this page.
 */
export function setSearchPaging(paging: SearchPaging): void {
  useCasesStore.setState((s) => (s.view.kind === 'search' ? { view: { ...s.view, paging } } : {}));
}

/** Change some filters; any change except paging starts again at the first page. */
export function setCaseloadFilters(patch: Partial<CaseloadFilters>): void {
  useCasesStore.setState((s) => ({
    filters: { ...s.filters, ...patch, offset: patch.offset ?? 0 },
  }));
}

/** Sort by a column: the same column again reverses the order. */
export function sortCaseloadBy(sort: CaseloadSort): void {
  const { filters } = useCasesStore.getState();
  const direction =
    filters.sort === sort ? (filters.direction === 'asc' ? 'desc' : 'asc') : sort === 'referral_date' ? 'desc' : 'asc';
  setCaseloadFilters({ sort, direction });
}

/** Clear the filters and the search words, keeping the scope and the sort order. */
export function clearCaseloadFilters(): void {
  const { sort, direction, scope, scopeChosen, scopeFellBack } = useCasesStore.getState().filters;
  setCaseloadFilters({ ...NO_FILTERS, sort, direction, scope, scopeChosen, scopeFellBack });
}

/** The user picks a scope: it sticks, and ticked statuses outside it are dropped. */
export function chooseCaseloadScope(scope: CaseloadScope): void {
  const { status } = useCasesStore.getState().filters;
  setCaseloadFilters({
    scope,
    scopeChosen: true,
    scopeFellBack: false,
    status: scope === 'all' ? status : status.filter((s) => OPEN_STATUSES.includes(s)),
  });
}

/**
 * The caseload's first look found nothing in its scope: widen it (mine, then all open, then
 * all cases) unless the user chose the scope. Returns false when there is nowhere wider to go.
 */
export function widenCaseloadScope(): boolean {
  const { scope, scopeChosen } = useCasesStore.getState().filters;
  if (scopeChosen || scope === 'all') return false;
  setCaseloadFilters({ scope: scope === 'mine' ? 'open' : 'all', scopeFellBack: true });
  return true;
}

/** Back to "my open cases" after an automatic widening (keeps the page when nothing changes). */
export function resetCaseloadScope(): void {
  const { scope, scopeFellBack } = useCasesStore.getState().filters;
  if (scope !== 'mine' && scopeFellBack) setCaseloadFilters({ scope: 'mine', scopeFellBack: false });
}

/** What the core is asked for: the scope becomes `mine` and a status list. */
export function caseloadQueryOf(
  f: CaseloadFilters,
  limit: number,
): Pick<
  CaseloadQuery,
  | 'mine'
  | 'status'
  | 'service'
  | 'leadWorkerId'
  | 'overdue'
  | 'flagged'
  | 'search'
  | 'sort'
  | 'direction'
  | 'offset'
  | 'limit'
> {
  const ticked = f.scope === 'all' ? f.status : f.status.filter((s) => OPEN_STATUSES.includes(s));
  return {
    mine: f.scope === 'mine',
    status: f.scope === 'all' || ticked.length > 0 ? ticked : [...OPEN_STATUSES],
    service: f.service,
    leadWorkerId: f.leadWorkerId,
    overdue: f.overdue,
    flagged: f.flagged,
    search: f.search,
    sort: f.sort,
    direction: f.direction,
    offset: f.offset,
    limit,
  };
}
