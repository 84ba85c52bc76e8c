import { useEffect, useState } from 'react';
import type { DocumentSearchPage, DocumentSearchResult } from '../../../preload/contract/documents';
import { call, errorMessage } from '../../lib/api';
import { formatDate } from '../../lib/dates';
import { openCaseOnTab } from './case-page/case-actions';
import { Pager } from './Pager';
import { HighlightedText, SearchSnippet } from './SearchSnippet';
import { splitSnippet } from './snippet';

const PAGE_SIZE = 20;

/**
 * True when the snippet is the title itself (the match was in the title): then the title is
 * shown highlighted and the snippet is not repeated under it.
 */
function snippetIsTitle(hit: DocumentSearchResult, query: string): boolean {
  return (
    splitSnippet(hit.snippet, query)
      .map((p) => p.text)
      .join('') === hit.title
  );
}

interface CaseGroup {
  caseId: string;
  reference: string;
  displayName: string;
  documents: DocumentSearchResult[];
}

/** The page's hits under their case (the core returns them ordered case by case). */
function byCase(items: DocumentSearchResult[]): CaseGroup[] {
  const groups: CaseGroup[] = [];
  for (const hit of items) {
    const last = groups[groups.length - 1];
    if (last?.caseId === hit.caseId) last.documents.push(hit);
    else groups.push({ caseId: hit.caseId, reference: hit.reference, displayName: hit.displayName, documents: [hit] });
  }
  return groups;
}

/**
 * Documents whose title or description match the search, grouped by case. Each document opens
 * its case on the Documents tab. Paged on its own (the notes above keep their own pages).
 */
export function DocumentSearchResults({ query }: { query: string }) {
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<DocumentSearchPage | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    call('search:documents', { query, offset, limit: PAGE_SIZE })
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
  const open = (caseId: string) => openCaseOnTab(caseId, 'documents');
  return (
    <section aria-labelledby="document-hits-heading" className="search-section">
      <h2 id="document-hits-heading" className="view-heading">
        Documents matching “{query}”
      </h2>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <p role="status" className="caseload__count">
        {page
          ? total === 0
            ? 'No document titles or descriptions match.'
            : `${total.toLocaleString('en-GB')} ${total === 1 ? 'document' : 'documents'} by title or description, grouped by case, most recently added first. A document opens its case on the Documents tab.`
          : error
            ? ''
            : 'Searching documents…'}
      </p>
      {page?.windowFull && (
        <p className="search-hits__more">
          Many documents match: these results come from the {page.window.toLocaleString('en-GB')} most recently added.
          Add another word to find older documents.
        </p>
      )}
      {page && page.items.length > 0 && (
        <ul className="search-hits" aria-label={`Documents matching “${query}”, by case`}>
          {byCase(page.items).map((g) => (
            <li key={g.caseId} className="search-hit" data-testid="document-hit-case">
              <h3 className="search-hit__title">
                <a
                  href={`#case-${g.reference}-documents`}
                  onClick={(e) => {
                    e.preventDefault();
                    open(g.caseId);
                  }}
                >
                  {g.reference} <span className="search-hit__name">{g.displayName}</span>
                </a>
              </h3>
              <ul className="search-hit__documents">
                {g.documents.map((d) => {
                  const inTitle = snippetIsTitle(d, query);
                  return (
                    <li key={d.documentId}>
                      <p className="search-hit__meta">
                        <a
                          href={`#document-${d.documentId}`}
                          onClick={(e) => {
                            e.preventDefault();
                            open(d.caseId);
                          }}
                        >
                          {inTitle ? <HighlightedText snippet={d.snippet} query={query} /> : d.title}
                        </a>{' '}
                        (added {formatDate(d.uploadedAt)})
                      </p>
                      {!inTitle && <SearchSnippet snippet={d.snippet} query={query} />}
                    </li>
                  );
                })}
              </ul>
            </li>
          ))}
        </ul>
      )}
      {page && (
        <Pager
          label="Document result pages"
          offset={page.offset}
          limit={page.limit}
          total={page.total}
          onOffset={setOffset}
        />
      )}
    </section>
  );
}
