import type { CaseSummary } from '../../../preload/contract';
import { ageOn } from '../../../preload/contract/age';
import { formatDate } from '../../lib/dates';
import { openCase, type CaseloadFilters } from '../../stores/cases';
import { STATUS_LABELS } from './case-page/labels';
import { todayIso } from './case-page/uk-date';
import { ClockTag } from './ClockTag';
import styles from './CaseloadTable.module.css';
import { SortHeader } from './SortHeader';

/** Date of birth and age today, e.g. "04/03/2010 (15)". */
function birthAndAge(dob: string | null, today: string): string {
  if (!dob) return 'Not recorded';
  return `${formatDate(dob)} (${ageOn(dob, today)})`;
}

/**
 * One page of the caseload. The reference in each row is a link that opens the case (Tab and
 * Enter from the keyboard); a mouse click anywhere on the row does the same.
 */
export function CaseloadTable({ cases, filters }: { cases: CaseSummary[]; filters: CaseloadFilters }) {
  const today = todayIso();
  return (
    <div className={styles.scroller} role="region" aria-label="Caseload table" tabIndex={0}>
      <table className={`table ${styles.compact}`}>
        <caption className="visually-hidden">
          Caseload. Column headers with buttons sort the list; each reference opens the case.
        </caption>
        <thead>
          <tr>
            <SortHeader label="Reference" sort="reference" filters={filters} />
            <SortHeader label="Name" sort="name" filters={filters} />
            <th scope="col">Born (age)</th>
            <SortHeader label="Referred" sort="referral_date" filters={filters} />
            <th scope="col">Status</th>
            <th scope="col">Lead worker</th>
            <SortHeader label="Assessment clock" sort="due_date" filters={filters} />
            <th scope="col" className={styles.num}>
              <span className="visually-hidden">Open </span>Flags
            </th>
          </tr>
        </thead>
        <tbody>
          {cases.map((c) => (
            <tr key={c.id} className={styles.row} onClick={() => openCase(c.id)}>
              <th scope="row">
                <a
                  className={styles.link}
                  href={`#case-${c.reference}`}
                  onClick={(e) => {
                    e.preventDefault();
                    e.stopPropagation();
                    openCase(c.id);
                  }}
                >
                  {c.reference}
                </a>
              </th>
              <td className={styles.name}>{c.displayName}</td>
              <td className={styles.nowrap}>{birthAndAge(c.dateOfBirth, today)}</td>
              <td>{formatDate(c.referralDate)}</td>
              <td>{STATUS_LABELS[c.status]}</td>
              <td>{c.leadWorkerName ?? <span className="muted">Not allocated</span>}</td>
              <td>
                {/* The due date only while the clock runs: the tag says the rest ("16 days overdue"). */}
                {c.assessmentDueDate && (c.clockStatus === 'on_track' || c.clockStatus === 'due_soon') && (
                  <span className={styles.due}>{formatDate(c.assessmentDueDate)}</span>
                )}
                <ClockTag status={c.clockStatus} clock={c.clock} />
              </td>
              <td className={styles.num}>
                {c.openFlags > 0 ? (
                  <span className={styles.flagCount}>
                    {c.openFlags}
                    <span className="visually-hidden"> open {c.openFlags === 1 ? 'flag' : 'flags'}</span>
                  </span>
                ) : (
                  <span className="muted">0</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
