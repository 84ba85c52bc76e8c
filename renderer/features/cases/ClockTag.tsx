import type { ClockStatus } from '../../../preload/contract';
import { CLOCK_LABELS } from './case-page/labels';

/** Short words for the caseload column, where space is tight; the full label is in the title. */
const SHORT: Record<ClockStatus, string> = {
  not_started: 'Awaiting paperwork',
  on_track: 'On track',
  due_soon: 'Due within 14 days',
  overdue: 'Overdue',
  complete: 'Completed',
};

/**
 * The 12-week assessment clock as a tag. The words carry the meaning; the colour and the icon
 * shape only repeat it (never colour alone, WCAG 1.4.1).
 */
export function ClockTag({ status }: { status: ClockStatus }) {
  return (
    <span className={`clock clock--${status}`} title={CLOCK_LABELS[status]}>
      <span className="clock__icon" aria-hidden="true" />
      {SHORT[status]}
    </span>
  );
}
