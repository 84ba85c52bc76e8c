import { useEffect, useState } from 'react';
import type { NoteSearchPage } from '../../../preload/contract/casework';
import { call, errorMessage } from '../../lib/api';
import { formatDateTime } from '../../lib/dates';
import { openCase, showCasesView } from '../../stores/cases';
import { NOTE_TYPE_LABELS } from './case-page/labels';
import { Pager } from './Pager';
import { SearchSnippet } from './SearchSnippet';

const PAGE_SIZE = 20;

/** Notes matching a full-text search, one result per case (its best note), paged. */
export function NoteSearchResults({ query, offset }: { query: string; offset: number }) {
  const [page, setPage] = useState<NoteSearchPage | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    // The view is keyed by query and page, so each search starts with an empty result.
    let current = true;
    call('search:notes', { query, offset, limit: PAGE_SIZE })
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
  }, [query, offset]);

  const total = page?.total ?? 0;
  return (
    <section aria-labelledby="cases-view-heading">
      <h2 id="cases-view-heading" tabIndex={-1} className="view-heading">
        Notes matching “{query}”
      </h2>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <p role="status" className="caseload__count">
        {page
          ? total === 0
            ? 'No notes match. Try fewer words, or the start of a word.'
            : `Found in ${total.toLocaleString('en-GB')} ${total === 1 ? 'case' : 'cases'}, most recent notes first. Matching words are highlighted.`
          : error
            ? ''
            : 'Searching…'}
      </p>
      {page?.windowFull && (
        <p className="search-hits__more">
          Many notes match: these results come from the {page.window.toLocaleString('en-GB')} most recently written. Add
          another word to find older notes.
        </p>
      )}
      {page && page.items.length > 0 && (
        <ol className="search-hits" start={page.offset + 1}>
          {page.items.map((g) => (
            <li key={g.caseId} className="search-hit">
              <h3 className="search-hit__title">
                <a
                  href={`#case-${g.reference}`}
                  onClick={(e) => {
                    e.preventDefault();
                    openCase(g.caseId);
                  }}
                >
                  {g.reference} <span className="search-hit__name">{g.displayName}</span>
                </a>
              </h3>
              <p className="search-hit__meta">
                {g.hits === 1 ? '1 matching note' : `${g.hits} matching notes`}. Most recent:{' '}
                {NOTE_TYPE_LABELS[g.best.type].toLowerCase()}, {formatDateTime(g.best.occurredAt)}
              </p>
              <SearchSnippet snippet={g.best.snippet} query={query} />
            </li>
          ))}
        </ol>
      )}
      {page && (
        <Pager
          label="Search result pages"
          offset={page.offset}
          limit={page.limit}
          total={page.total}
          onOffset={(o) => showCasesView({ kind: 'search', query, offset: o })}
        />
      )}
    </section>
  );
}
