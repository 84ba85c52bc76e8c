/** How a row of the Interventions area is written: pure, so it is tested without a screen. */
import { PLAN_TYPE_LABELS, dnaRateWords, type InterventionListItem } from '../../../../preload/contract';
import { formatDate } from '../../../lib/dates';

/**
 * The DNA rate in figures and words: "25% (1 not attended of 4 offered)", "No sessions yet".
 * The rate leaves out sessions the service cancelled, so it can be more than the plain fraction.
 */
export function dnaWords(item: Pick<InterventionListItem, 'dnaRate' | 'didNotAttend' | 'sessionsOffered'>): string {
  if (item.dnaRate === null) return dnaRateWords(null);
  const missed = item.didNotAttend === 0 ? 'none' : String(item.didNotAttend);
  return `${dnaRateWords(item.dnaRate)} (${missed} not attended of ${item.sessionsOffered} offered)`;
}

/** The next session's date, or that none is booked. */
export function nextSessionWords(date: string | null): string {
  return date ? formatDate(date) : 'None booked';
}

export function planTypeWords(item: Pick<InterventionListItem, 'planType'>): string {
  return PLAN_TYPE_LABELS[item.planType];
}

/** "Showing 25 of 830 active plans". */
export function shownWords(shown: number, total: number): string {
  if (total === 1) return 'Showing the one active plan';
  const plans = 'active plans';
  return shown >= total
    ? `Showing all ${total.toLocaleString('en-GB')} ${plans}`
    : `Showing ${shown.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')} ${plans}`;
}
