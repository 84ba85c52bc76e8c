import { useEffect, useRef, useState } from 'react';
import type { SearchAllPage, SearchSection } from '../../../preload/contract/casework';
import { call, errorMessage } from '../../lib/api';
import { useLatestOnly } from '../../lib/usePagedCall';
import { setSearchPaging, type SearchPaging } from '../../stores/cases';

/** Results per section and page. */
export const SEARCH_PAGE_SIZE = 20;

export interface SearchResultsState {
  results: SearchAllPage;
  paging: SearchPaging;
  /** The sections being fetched (all three at first, then the one being paged). */
  loading: ReadonlySet<SearchSection>;
  error: string | null;
  /** Page one section: fetches that section alone (one audited search) and keeps the others. */
  goTo: (section: SearchSection, paging: SearchPaging) => void;
}

const NOTHING: SearchAllPage = { cases: null, notes: null, documents: null };
const ALL: ReadonlySet<SearchSection> = new Set(['cases', 'notes', 'documents']);

function input(query: string, paging: SearchPaging, only: SearchSection | null) {
  return {
    query,
    limit: SEARCH_PAGE_SIZE,
    only,
    cases: paging.cases,
    notes: { offset: paging.notes.offset, cursor: paging.notes.cursor },
    documents: { offset: paging.documents.offset, cursor: paging.documents.cursor },
  };
}

/**
 * The results of one search: every section in one `search:all` call on arrival (one audit row),
 * then each section paged on its own. A late answer for an older request is ignored.
 */
export function useSearchResults(query: string, initialPaging: SearchPaging): SearchResultsState {
  const [results, setResults] = useState<SearchAllPage>(NOTHING);
  const [paging, setPaging] = useState(initialPaging);
  const [loading, setLoading] = useState<ReadonlySet<SearchSection>>(ALL);
  const [error, setError] = useState<string | null>(null);
  const runLatest = useLatestOnly<SearchSection>();
  const first = useRef(initialPaging);

  useEffect(() => {
    let current = true;
    call('search:all', input(query, first.current, null))
      .then((page) => {
        if (!current) return;
        setResults(page);
        setLoading(new Set());
      })
      .catch((err: unknown) => {
        if (!current) return;
        setError(errorMessage(err));
        setLoading(new Set());
      });
    return () => {
      current = false;
    };
  }, [query]);

  function goTo(section: SearchSection, next: SearchPaging) {
    setPaging(next);
    setSearchPaging(next);
    setLoading((l) => new Set([...l, section]));
    const done = () =>
      setLoading((l) => {
        const rest = new Set(l);
        rest.delete(section);
        return rest;
      });
    void runLatest(
      section,
      call('search:all', input(query, next, section)),
      (page) => {
        setResults((r) => ({ ...r, [section]: page[section] }));
        setError(null);
        done();
      },
      (err) => {
        setError(errorMessage(err));
        done();
      },
    );
  }

  return { results, paging, loading, error, goTo };
}
