import type { NoteSearchPage } from '../../../preload/contract/casework';
import { formatDateTime } from '../../lib/dates';
import type { WindowPaging } from '../../stores/cases';
import { openCaseOnTab } from '../cases/case-page/case-actions';
import { NOTE_TYPE_LABELS } from '../cases/case-page/labels';
import { Pager } from '../../components/Pager';
import { SearchSnippet } from './SearchSnippet';
import styles from './SearchResults.module.css';
import { useFocusOnArrival } from './useFocusOnArrival';
import { WindowControls, windowDescription } from './WindowStatus';

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/** The count (in bold), then which notes were searched and in what order the cases are listed. */
function summary(page: NoteSearchPage, paging: WindowPaging): { found: string; about: string | null } {
  if (page.total === 0 && page.nextCursor === null && paging.windowIndex === 0) {
    return { found: 'No notes match. Try fewer words, or the start of a word.', about: null };
  }
  return {
    found: page.total === 0 ? 'No cases found here.' : `Found in ${plural(page.total, 'case', 'cases')}.`,
    about: `${windowDescription(page, paging, 'note')} Cases are listed by the date of their latest matching note, newest first.`,
  };
}

/** The Notes section: one result per case (its latest-dated matching note), paged within a window. */
export function NoteHits({
  query,
  page,
  paging,
  loading,
  onPaging,
}: {
  query: string;
  page: NoteSearchPage | null;
  paging: WindowPaging;
  loading: boolean;
  onPaging: (paging: WindowPaging) => void;
}) {
  const expectArrival = useFocusOnArrival(loading ? null : page, 'search-notes-heading');
  const changeWindow = (next: WindowPaging) => {
    expectArrival();
    onPaging(next);
  };
  return (
    <section aria-labelledby="search-notes-heading" className={styles.section}>
      <h3 id="search-notes-heading" tabIndex={-1} className={styles.sectionHeading}>
        Notes
      </h3>
      {!page ? (
        <p className="caseload__count">{loading ? 'Searching notes…' : ''}</p>
      ) : (
        <>
          {/* The previous page stays while the next one loads, so focus stays on the pager. */}
          <p className="caseload__count">{loading ? 'Searching notes…' : summary(page, paging).found}</p>
          {!loading && <p className={styles.about}>{summary(page, paging).about}</p>}
          {page.items.length > 0 && (
            <ol className="search-hits" start={page.offset + 1}>
              {page.items.map((g) => (
                <li key={g.caseId} className="search-hit" data-testid="note-hit-case">
                  <h4 className="search-hit__title">
                    <a
                      href={`#case-${g.reference}-notes`}
                      onClick={(e) => {
                        e.preventDefault();
                        openCaseOnTab(g.caseId, 'notes');
                      }}
                    >
                      {g.reference} <span className="search-hit__name">{g.displayName}</span>
                    </a>
                  </h4>
                  <p className="search-hit__meta">
                    {plural(g.hits, 'matching note', 'matching notes')}. Latest:{' '}
                    {NOTE_TYPE_LABELS[g.best.type].toLowerCase()}, {formatDateTime(g.best.occurredAt)}
                  </p>
                  <SearchSnippet snippet={g.best.snippet} query={query} />
                </li>
              ))}
            </ol>
          )}
          <Pager
            label="Note result pages"
            offset={page.offset}
            limit={page.limit}
            total={page.total}
            onOffset={(offset) => onPaging({ ...paging, offset })}
          />
          <WindowControls page={page} paging={paging} noun="note" onPaging={changeWindow} />
        </>
      )}
    </section>
  );
}
