import type { CaseloadFilters, CaseloadSort } from '../../stores/cases';
import { sortCaseloadBy } from '../../stores/cases';
import styles from './SortHeader.module.css';

/**
 * A column header that sorts the caseload: a button inside the <th>, with aria-sort on the
 * <th> saying which way the list is sorted now.
 */
export function SortHeader({ label, sort, filters }: { label: string; sort: CaseloadSort; filters: CaseloadFilters }) {
  const active = filters.sort === sort;
  const ariaSort = active ? (filters.direction === 'asc' ? 'ascending' : 'descending') : 'none';
  return (
    <th scope="col" aria-sort={ariaSort}>
      <button type="button" className={styles.button} onClick={() => sortCaseloadBy(sort)}>
        {label}
        <span className={styles.arrow} aria-hidden="true">
          {active ? (filters.direction === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  );
}
