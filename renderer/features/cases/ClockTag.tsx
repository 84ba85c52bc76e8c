import type { ClockReading, ClockStatus } from '../../../preload/contract';
import { CLOCK_LABELS, clockText } from './case-page/labels';
import styles from './ClockTag.module.css';

/** Words for a state when only the state is known (no week or day counts). */
const SHORT: Record<ClockStatus, string> = {
  not_started: 'Awaiting paperwork',
  on_track: 'On track',
  due_soon: 'Due within 14 days',
  overdue: 'Overdue',
  complete: 'Completed',
  not_assessed: 'Not assessed',
  none: 'No assessment clock',
};

/**
 * The 12-week assessment clock as a tag: "Week 5 of 12", "3 days overdue", "Not assessed".
 * The words carry the meaning; the colour and the icon shape only repeat them (never colour
 * alone, WCAG 1.4.1). A case with no clock (declined, no assessment) shows a dash, and says so
 * to screen readers.
 */
export function ClockTag({ status, clock }: { status: ClockStatus; clock?: ClockReading }) {
  if (status === 'none') {
    return (
      <span className={styles.none}>
        <span aria-hidden="true">–</span>
        <span className="visually-hidden">{CLOCK_LABELS.none}</span>
      </span>
    );
  }
  const extra = status === 'not_assessed' ? ` ${styles.notAssessed}` : '';
  return (
    <span className={`${styles.clock} ${styles[status] ?? ''}${extra}`} title={CLOCK_LABELS[status]}>
      <span className={styles.icon} aria-hidden="true" />
      {clock ? clockText(clock) : SHORT[status]}
    </span>
  );
}
