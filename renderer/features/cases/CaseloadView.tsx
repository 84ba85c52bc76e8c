import { useEffect, useState } from 'react';
import type { CaseSummary, Page } from '../../../preload/contract';
import { call, errorMessage } from '../../lib/api';
import { CASELOAD_PAGE_SIZE, setCaseloadFilters, useCasesStore } from '../../stores/cases';
import { CaseloadFiltersPanel, isFiltered } from './CaseloadFilters';
import { CaseloadTable } from './CaseloadTable';
import { Pager } from './Pager';
import { useDebouncedValue } from './useDebouncedValue';

/** Typing pauses this long before the caseload is asked again. */
const SEARCH_DEBOUNCE_MS = 150;

function countText(total: number, filtered: boolean): string {
  const n = total.toLocaleString('en-GB');
  if (!filtered) return total === 1 ? '1 case' : `${n} cases`;
  return total === 1 ? '1 case matches' : `${n} cases match`;
}

/** The caseload: search, filters, one sorted page of cases from the core, and paging. */
export function CaseloadView({ canRefer, onNewReferral }: { canRefer: boolean; onNewReferral: () => void }) {
  const filters = useCasesStore((s) => s.filters);
  const search = useDebouncedValue(filters.search, SEARCH_DEBOUNCE_MS);
  const [page, setPage] = useState<Page<CaseSummary> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { status, service, leadWorkerId, overdue, flagged, sort, direction, offset } = filters;

  useEffect(() => {
    // Answers can arrive out of order while someone types: only the latest request may land.
    let current = true;
    call('caseload:list', {
      status,
      service,
      leadWorkerId,
      overdue,
      flagged,
      search,
      sort,
      direction,
      offset,
      limit: CASELOAD_PAGE_SIZE,
    })
      .then((result) => {
        if (!current) return;
        setPage(result);
        setError(null);
      })
      .catch((err: unknown) => {
        if (current) setError(errorMessage(err));
      });
    return () => {
      current = false;
    };
  }, [status, service, leadWorkerId, overdue, flagged, search, sort, direction, offset]);

  const filtered = isFiltered({ ...filters, search });
  const noCasesAtAll = page !== null && page.total === 0 && !filtered;

  if (noCasesAtAll) {
    return (
      <div className="empty-state">
        <p>No cases yet. Record a referral to start a case file.</p>
        {canRefer && (
          <button type="button" className="button empty-state__action" onClick={onNewReferral}>
            Record a referral
          </button>
        )}
      </div>
    );
  }

  return (
    <section aria-labelledby="cases-view-heading">
      <CaseloadFiltersPanel filters={filters} />
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <p className="caseload__count" role="status" data-testid="caseload-count">
        {page ? countText(page.total, filtered) : 'Loading the caseload…'}
      </p>
      {page && page.total === 0 && (
        <div className="empty-state">
          <p>
            No cases match. Check the spelling, search by reference or date of birth (dd/mm/yyyy), or clear the filters.
          </p>
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
