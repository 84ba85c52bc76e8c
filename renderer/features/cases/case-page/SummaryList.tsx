import type { ReactNode } from 'react';
import styles from './SummaryList.module.css';

/** A key-value list (GOV.UK "summary list"): a term and its value on one row. */
export function SummaryList({ rows, label }: { rows: [string, ReactNode][]; label?: string }) {
  return (
    <dl className={styles.summary} aria-label={label}>
      {rows.map(([term, value]) => (
        <div className={styles.row} key={term}>
          <dt className={styles.key}>{term}</dt>
          <dd className={styles.value}>
            {value === '' || value === null ? <span className="muted">Not recorded</span> : value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
