import { useEffect, useState } from 'react';
import type { CaseSummary, Page } from '../../../preload/contract';
import { call, errorMessage } from '../../lib/api';
import {
  CASELOAD_PAGE_SIZE,
  caseloadQueryOf,
  clearCaseloadFilters,
  resetCaseloadScope,
  setCaseloadFilters,
  useCasesStore,
  widenCaseloadScope,
  type CaseloadFilters,
} from '../../stores/cases';
import { CaseloadFiltersPanel, isFiltered } from './CaseloadFilters';
import styles from './CaseloadView.module.css';
import { FilterChips, activeFilters } from './FilterChips';
import { CaseloadTable } from './CaseloadTable';
import { Pager, totalWords } from '../../components/Pager';
import { useDebouncedValue } from './useDebouncedValue';

/** What an empty, unfiltered scope means. */
const EMPTY_SCOPE: Record<CaseloadFilters['scope'], string> = {
  mine: 'You are not lead worker or allocated clinician on any open case. Choose “All open” to see everyone’s.',
  open: 'No open cases. Choose “All cases” to see closed and declined ones.',
  all: 'No cases yet.',
};

/** Typing pauses this long before the caseload is asked again. */
const SEARCH_DEBOUNCE_MS = 150;

function countText(total: number, moreThan: boolean, filtered: boolean): string {
  const n = totalWords(total, moreThan, { sentenceStart: true });
  if (total === 1 && !moreThan) return filtered ? '1 case matches' : '1 case';
  return filtered ? `${n} cases match` : `${n} cases`;
}

/** Why the caseload shows more than "my open cases" when the user did not ask for it. */
function fellBackText(scope: CaseloadFilters['scope']): string {
  return scope === 'open'
    ? 'You are not lead worker or allocated clinician on any open case, so all open cases are shown.'
    : 'There are no open cases, so all cases are shown.';
}

/** The caseload: which cases, search, filters, one sorted page of cases from the core, and paging. */
export function CaseloadView({ canRefer, onNewReferral }: { canRefer: boolean; onNewReferral: () => void }) {
  const filters = useCasesStore((s) => s.filters);
  const directory = useCasesStore((s) => s.directory);
  const search = useDebouncedValue(filters.search, SEARCH_DEBOUNCE_MS);
  const [page, setPage] = useState<Page<CaseSummary> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const query = caseloadQueryOf({ ...filters, search }, CASELOAD_PAGE_SIZE);
  // One key for the effect: the query's fields, in a stable order.
  const queryKey = JSON.stringify(query);

  // Each visit looks at "my open cases" again unless the user chose a scope: a widened scope
  // was only for the last look, when none of the cases was theirs.
  useEffect(() => {
    if (!useCasesStore.getState().filters.scopeChosen) resetCaseloadScope();
  }, []);

  useEffect(() => {
    // Answers can arrive out of order while someone types: only the latest request may land.
    let current = true;
    const q = JSON.parse(queryKey) as ReturnType<typeof caseloadQueryOf>;
    call('caseload:list', q)
      .then((result) => {
        if (!current) return;
        const untouched = !isFiltered({ ...useCasesStore.getState().filters, search: q.search });
        // Nothing of mine (or nothing open) on a first look: widen the scope and ask again.
        if (result.total === 0 && untouched && widenCaseloadScope()) return;
        setPage(result);
        setError(null);
      })
      .catch((err: unknown) => {
        if (current) setError(errorMessage(err));
      });
    return () => {
      current = false;
    };
  }, [queryKey]);

  const filtered = isFiltered({ ...filters, search });
  const noCasesAtAll = page !== null && page.total === 0 && !filtered && filters.scope === 'all';

  if (noCasesAtAll) {
    return (
      <div className="empty-state">
        <p>No cases yet. Record a referral to start a case file.</p>
        {canRefer && (
          <button type="button" className={`${styles.emptyAction} button`} onClick={onNewReferral}>
            Record a referral
          </button>
        )}
      </div>
    );
  }

  return (
    <section aria-labelledby="cases-view-heading">
      <CaseloadFiltersPanel filters={filters} />
      {filters.scopeFellBack && <p className="muted">{fellBackText(filters.scope)}</p>}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className={styles.countRow}>
        <p className={styles.count} role="status" data-testid="caseload-count">
          {page ? countText(page.total, page.moreThan ?? false, filtered) : 'Loading the caseload…'}
        </p>
        <FilterChips chips={activeFilters(filters, directory ?? [])} />
        {filtered && (
          <button type="button" className="link-button" onClick={clearCaseloadFilters}>
            Clear search and filters
          </button>
        )}
      </div>
      {page && page.total === 0 && (
        <div className="empty-state">
          {filtered ? (
            <p>
              No cases match. Check the spelling, search by reference or date of birth (dd/mm/yyyy), or clear the
              filters.
            </p>
          ) : (
            <p>{EMPTY_SCOPE[filters.scope]}</p>
          )}
        </div>
      )}
      {page && page.items.length > 0 && (
        <>
          <CaseloadTable cases={page.items} filters={filters} />
          <Pager
            label="Caseload pages"
            offset={page.offset}
            limit={page.limit}
            total={page.total}
            moreThan={page.moreThan}
            onOffset={(o) => {
              setCaseloadFilters({ offset: o });
              document.getElementById('cases-view-heading')?.focus();
            }}
          />
        </>
      )}
    </section>
  );
}
