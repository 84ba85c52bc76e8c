import type { DocumentSearchPage, DocumentSearchResult } from '../../../preload/contract/documents';
import { formatDate } from '../../lib/dates';
import type { WindowPaging } from '../../stores/cases';
import { openCaseOnTab } from '../cases/case-page/case-actions';
import { CaseHit, HitDocuments, HitList, HitMeta, HitsSection } from './HitsSection';
import { HighlightedText, SearchSnippet } from './SearchSnippet';
import { splitSnippet } from './snippet';
import { useFocusOnArrival } from './useFocusOnArrival';
import { WindowControls, windowDescription } from './WindowStatus';

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

/** The count (in bold), then which documents were searched and in what order they are listed. */
function summary(page: DocumentSearchPage, paging: WindowPaging): { found: string; about: string | null } {
  if (page.total === 0 && page.nextCursor === null && paging.windowIndex === 0) {
    return { found: 'No document titles or descriptions match.', about: null };
  }
  const n = page.total.toLocaleString('en-GB');
  return {
    found:
      page.total === 0
        ? 'No documents found here.'
        : `${n} ${page.total === 1 ? 'document' : 'documents'} by title or description.`,
    about: `${windowDescription(page, paging, 'document')} Grouped by case, most recently added first. A document opens its case on the Documents tab.`,
  };
}

/** The Documents section: matching documents under their case, paged within a window. */
export function DocumentHits({
  query,
  page,
  paging,
  loading,
  onPaging,
}: {
  query: string;
  page: DocumentSearchPage | null;
  paging: WindowPaging;
  loading: boolean;
  onPaging: (paging: WindowPaging) => void;
}) {
  const expectArrival = useFocusOnArrival(loading ? null : page, 'search-documents-heading');
  const changeWindow = (next: WindowPaging) => {
    expectArrival();
    onPaging(next);
  };
  const open = (caseId: string) => openCaseOnTab(caseId, 'documents');
  return (
    <HitsSection
      section="documents"
      title="Documents"
      searching="Searching documents…"
      page={page}
      loading={loading}
      found={(shown) => summary(shown, paging).found}
      about={(shown) => summary(shown, paging).about}
      pagerLabel="Document result pages"
      onOffset={(offset) => onPaging({ ...paging, offset })}
      footer={(shown) => <WindowControls page={shown} paging={paging} noun="document" onPaging={changeWindow} />}
    >
      {(shown) => (
        <HitList label="Matching documents, by case">
          {byCase(shown.items).map((g) => (
            <CaseHit
              key={g.caseId}
              reference={g.reference}
              displayName={g.displayName}
              href={`#case-${g.reference}-documents`}
              onOpen={() => open(g.caseId)}
              testId="document-hit-case"
            >
              <HitDocuments>
                {g.documents.map((d) => {
                  const inTitle = snippetIsTitle(d, query);
                  return (
                    <li key={d.documentId}>
                      <HitMeta>
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
                      </HitMeta>
                      {!inTitle && <SearchSnippet snippet={d.snippet} query={query} />}
                    </li>
                  );
                })}
              </HitDocuments>
            </CaseHit>
          ))}
        </HitList>
      )}
    </HitsSection>
  );
}
