import type { NoteSearchPage } from '../../../preload/contract/casework';
import { formatDateTime } from '../../lib/dates';
import type { WindowPaging } from '../../stores/cases';
import { openCaseOnTab } from '../cases/case-page/case-actions';
import { NOTE_TYPE_LABELS } from '../cases/case-page/labels';
import { CaseHit, HitList, HitMeta, HitsSection } from './HitsSection';
import { SearchSnippet } from './SearchSnippet';
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
    <HitsSection
      section="notes"
      title="Notes"
      searching="Searching notes…"
      page={page}
      loading={loading}
      found={(shown) => summary(shown, paging).found}
      about={(shown) => summary(shown, paging).about}
      pagerLabel="Note result pages"
      onOffset={(offset) => onPaging({ ...paging, offset })}
      footer={(shown) => <WindowControls page={shown} paging={paging} noun="note" onPaging={changeWindow} />}
    >
      {(shown) => (
        <HitList start={shown.offset + 1}>
          {shown.items.map((g) => (
            <CaseHit
              key={g.caseId}
              reference={g.reference}
              displayName={g.displayName}
              href={`#case-${g.reference}-notes`}
              onOpen={() => openCaseOnTab(g.caseId, 'notes')}
              testId="note-hit-case"
            >
              <HitMeta>
                {plural(g.hits, 'matching note', 'matching notes')}. Latest:{' '}
                {NOTE_TYPE_LABELS[g.best.type].toLowerCase()}, {formatDateTime(g.best.occurredAt)}
              </HitMeta>
              <SearchSnippet snippet={g.best.snippet} query={query} />
            </CaseHit>
          ))}
        </HitList>
      )}
    </HitsSection>
  );
}
