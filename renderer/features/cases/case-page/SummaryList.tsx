import type { ReactNode } from 'react';

/** A key-value list (GOV.UK "summary list"): a term and its value on one row. */
export function SummaryList({ rows, label }: { rows: [string, ReactNode][]; label?: string }) {
  return (
    <dl className="summary" aria-label={label}>
      {rows.map(([term, value]) => (
        <div className="summary__row" key={term}>
          <dt className="summary__key">{term}</dt>
          <dd className="summary__value">
            {value === '' || value === null ? <span className="muted">Not recorded</span> : value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
