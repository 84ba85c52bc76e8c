import type { SearchAllPage, SearchSection } from '../../../preload/contract/casework';
import type { SearchPaging } from '../../stores/cases';
import { totalWords } from '../../components/Pager';
import { CaseHits } from './CaseHits';
import { DocumentHits } from './DocumentHits';
import { NoteHits } from './NoteHits';
import styles from './SearchResults.module.css';
import { useSearchResults } from './useSearchResults';

const fmt = (n: number) => n.toLocaleString('en-GB');

/** What each jump link says: the section and its count ("so far" while older matches remain). */
function counts(results: SearchAllPage): Record<SearchSection, string | null> {
  const { cases, notes, documents } = results;
  const sofar = (more: boolean) => (more ? ' so far' : '');
  return {
    cases: cases ? totalWords(cases.total, cases.moreThan) : null,
    notes: notes
      ? `${fmt(notes.total)} ${notes.total === 1 ? 'case' : 'cases'}${sofar(notes.nextCursor !== null)}`
      : null,
    documents: documents ? `${fmt(documents.total)}${sofar(documents.nextCursor !== null)}` : null,
  };
}

/** What a screen reader hears when the results arrive. */
function announcement({ cases, notes, documents }: SearchAllPage): string {
  const n = (count: number | undefined, one: string, many: string) =>
    `${fmt(count ?? 0)} ${(count ?? 0) === 1 ? one : many}`;
  const caseCount = cases?.moreThan ? `${totalWords(cases.total, true)} cases` : n(cases?.total, 'case', 'cases');
  return `Found ${caseCount}, notes in ${n(notes?.total, 'case', 'cases')} and ${n(documents?.total, 'document', 'documents')}.`;
}

const SECTIONS: { id: SearchSection; label: string }[] = [
  { id: 'cases', label: 'Cases' },
  { id: 'notes', label: 'Notes' },
  { id: 'documents', label: 'Documents' },
];

/** Move to a section: its heading takes the focus, so the keyboard and screen reader follow. */
function jumpTo(section: SearchSection) {
  const heading = document.getElementById(`search-${section}-heading`);
  heading?.focus();
  heading?.scrollIntoView({ block: 'start' });
}

/**
 * The search results page: cases, notes and documents in their own sections, each with its
 * count and a jump link at the top, each paged on its own.
 */
export function SearchResults({ query, paging: initialPaging }: { query: string; paging: SearchPaging }) {
  const { results, paging, loading, error, goTo } = useSearchResults(query, initialPaging);
  const count = counts(results);
  const arrived = !loading.has('cases') && !loading.has('notes') && !loading.has('documents');
  return (
    <section aria-labelledby="cases-view-heading">
      <h2 id="cases-view-heading" tabIndex={-1} className="view-heading">
        Search results for “{query}”
      </h2>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <p role="status" className="visually-hidden">
        {arrived && !error ? announcement(results) : ''}
      </p>
      <nav aria-label="Search result sections" className={styles.jumps}>
        <ul className={styles.jumpList}>
          {SECTIONS.map((s) => (
            <li key={s.id}>
              <a
                href={`#search-${s.id}-heading`}
                className={styles.jump}
                onClick={(e) => {
                  e.preventDefault();
                  jumpTo(s.id);
                }}
              >
                {s.label} ({count[s.id] ?? '…'})
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <CaseHits
        page={results.cases}
        loading={loading.has('cases')}
        onOffset={(offset) => goTo('cases', { ...paging, cases: { offset } })}
      />
      <NoteHits
        query={query}
        page={results.notes}
        paging={paging.notes}
        loading={loading.has('notes')}
        onPaging={(notes) => goTo('notes', { ...paging, notes })}
      />
      <DocumentHits
        query={query}
        page={results.documents}
        paging={paging.documents}
        loading={loading.has('documents')}
        onPaging={(documents) => goTo('documents', { ...paging, documents })}
      />
    </section>
  );
}
