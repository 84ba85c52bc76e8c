import { useRef } from 'react';
import type { DirectoryUser } from '../../../preload/contract/vault';
import { setCaseloadFilters, type CaseloadFilters } from '../../stores/cases';
import { SERVICE_LABELS, STATUS_LABELS } from './case-page/labels';
import styles from './CaseloadFilters.module.css';

/** One filter in force, as a chip: its words and how to take it off. */
export interface ActiveFilter {
  key: string;
  label: string;
  remove: () => void;
}

/** The filters in force (not the scope or the search box, which show themselves). */
export function activeFilters(f: CaseloadFilters, directory: DirectoryUser[]): ActiveFilter[] {
  const chips: ActiveFilter[] = f.status.map((s) => ({
    key: `status-${s}`,
    label: STATUS_LABELS[s],
    remove: () => setCaseloadFilters({ status: f.status.filter((x) => x !== s) }),
  }));
  if (f.service) {
    chips.push({
      key: 'service',
      label: SERVICE_LABELS[f.service],
      remove: () => setCaseloadFilters({ service: null }),
    });
  }
  if (f.leadWorkerId) {
    const name = directory.find((u) => u.id === f.leadWorkerId)?.displayName ?? 'a colleague';
    chips.push({
      key: 'lead',
      label: `Lead worker: ${name}`,
      remove: () => setCaseloadFilters({ leadWorkerId: null }),
    });
  }
  if (f.overdue) chips.push({ key: 'overdue', label: 'Overdue', remove: () => setCaseloadFilters({ overdue: false }) });
  if (f.flagged) chips.push({ key: 'flagged', label: 'Flagged', remove: () => setCaseloadFilters({ flagged: false }) });
  return chips;
}

/**
 * The filters in force as buttons ("Remove filter: Overdue"). Removing one moves focus to the
 * next chip, or to the list of chips' end, so keyboard users are not dropped to the page top.
 */
export function FilterChips({ chips }: { chips: ActiveFilter[] }) {
  const list = useRef<HTMLUListElement>(null);
  if (chips.length === 0) return null;
  const removeAt = (i: number) => {
    chips[i]?.remove();
    // After React re-renders, focus the chip now at this place (or the last one).
    requestAnimationFrame(() => {
      const buttons = list.current?.querySelectorAll('button');
      const next = buttons?.[Math.min(i, buttons.length - 1)];
      if (next) next.focus();
      else document.getElementById('caseload-search')?.focus();
    });
  };
  return (
    <ul className={styles.chips} ref={list} aria-label="Filters in use">
      {chips.map((c, i) => (
        <li key={c.key}>
          <button type="button" className={styles.chip} onClick={() => removeAt(i)}>
            <span className="visually-hidden">Remove filter: </span>
            {c.label}
            <span className={styles.chipCross} aria-hidden="true">
              ×
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
