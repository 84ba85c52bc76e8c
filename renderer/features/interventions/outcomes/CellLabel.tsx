/**
 * A cell's column heading written into the cell, shown only where a narrow window turns the
 * table into one card a row (and its header row is hidden). Hidden from assistive technology,
 * which still reads the table's own column headers.
 */
import type { ReactNode } from 'react';
import styles from './Outcomes.module.css';

export function CellLabel(props: { children: ReactNode }) {
  return (
    <span className={styles.cellLabel} aria-hidden="true">
      {props.children}
    </span>
  );
}
