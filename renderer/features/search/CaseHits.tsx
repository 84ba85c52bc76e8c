import type { Page } from '../../../preload/contract/case-records';
import type { CaseSearchHit } from '../../../preload/contract/casework';
import { formatDate } from '../../lib/dates';
import { openCase } from '../../stores/cases';
import { STATUS_LABELS } from '../cases/case-page/labels';
import { Pager } from '../../components/Pager';
import styles from './SearchResults.module.css';

function summary(page: Page<CaseSearchHit>): string {
  if (page.total === 0) return 'No case matches this as a reference, a name or a date of birth.';
  const n = page.total.toLocaleString('en-GB');
  return `${n} ${page.total === 1 ? 'case' : 'cases'} by reference, name or date of birth, in order of family name.`;
}

/** The Cases section: cases whose reference, young person's name or date of birth match. */
export function CaseHits({
  page,
  loading,
  onOffset,
}: {
  page: Page<CaseSearchHit> | null;
  loading: boolean;
  onOffset: (offset: number) => void;
}) {
  return (
    <section aria-labelledby="search-cases-heading" className={styles.section}>
      <h3 id="search-cases-heading" tabIndex={-1} className={styles.sectionHeading}>
        Cases
      </h3>
      {!page ? (
        <p className="caseload__count">{loading ? 'Searching cases…' : ''}</p>
      ) : (
        <>
          <p className="caseload__count">{loading ? 'Searching cases…' : summary(page)}</p>
          {page.items.length > 0 && (
            <ol className="search-hits" start={page.offset + 1}>
              {page.items.map((c) => (
                <li key={c.caseId} className="search-hit" data-testid="case-hit">
                  <h4 className="search-hit__title">
                    <a
                      href={`#case-${c.reference}`}
                      onClick={(e) => {
                        e.preventDefault();
                        openCase(c.caseId);
                      }}
                    >
                      {c.reference} <span className="search-hit__name">{c.displayName}</span>
                    </a>
                  </h4>
                  <p className="search-hit__meta">
                    {c.dateOfBirth ? `Born ${formatDate(c.dateOfBirth)}` : 'Date of birth not recorded'}.{' '}
                    {STATUS_LABELS[c.status]}. Lead worker: {c.leadWorkerName ?? 'not allocated'}.
                  </p>
                </li>
              ))}
            </ol>
          )}
          <Pager
            label="Case result pages"
            offset={page.offset}
            limit={page.limit}
            total={page.total}
            onOffset={onOffset}
          />
        </>
      )}
    </section>
  );
}
