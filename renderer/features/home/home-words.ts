/** Words for Home (UK English, dates dd/mm/yyyy). */
import type { HomeAssessmentStatus, HomeSafeHomeSession } from '../../../preload/contract';
import { formatDate } from '../../lib/dates';
import { days } from '../cases/case-page/labels';

export const ASSESSMENT_STATUS_WORDS: Record<HomeAssessmentStatus, { heading: string; empty: string }> = {
  overdue: { heading: 'Overdue', empty: 'No assessments past their 12-week due date.' },
  due_soon: { heading: 'Due within 2 weeks', empty: 'No assessments due within 2 weeks.' },
  on_track: { heading: 'On track', empty: 'No assessments on track with more than 2 weeks to go.' },
  awaiting_paperwork: {
    heading: 'Waiting for paperwork (clock not started)',
    empty: 'No assessments waiting for paperwork.',
  },
};

/** "Due today", "12 days left", "3 days overdue", "Waiting for paperwork". */
export function dueWords(daysRemaining: number | null): string {
  if (daysRemaining === null) return 'Waiting for paperwork';
  if (daysRemaining === 0) return 'Due today';
  return daysRemaining > 0 ? `${days(daysRemaining)} left` : `${days(-daysRemaining)} overdue`;
}

/** "Tuesday 01/09/2026". */
export function dayAndDate(iso: string): string {
  const weekday = new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', { weekday: 'long', timeZone: 'UTC' });
  return `${weekday} ${formatDate(iso)}`;
}

export function safeHomeSessionWords(s: HomeSafeHomeSession): string {
  const which = s.kind === 'catch_up' ? `catch-up for session ${s.seq}` : `session ${s.seq}`;
  return `${which}, ${s.registerTaken ? 'register taken' : 'register not yet taken'}`;
}

/** "and 12 more" beside a list cut short. */
export function moreWords(shown: number, total: number): string | null {
  return total > shown ? `Showing ${shown} of ${total}: and ${total - shown} more.` : null;
}
