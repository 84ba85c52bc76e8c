/** How the Training area writes dates and confidence averages. */
import { formatDate } from '../../lib/dates';

/** "14/10/2025", or "14/10/2025 to 15/10/2025" for an event over several days. */
export function eventDates(startDate: string, endDate: string): string {
  return endDate === startDate ? formatDate(startDate) : `${formatDate(startDate)} to ${formatDate(endDate)}`;
}

/** An average to one decimal place, UK style ("6.5"); an em dash when not recorded. */
export function average(value: number | null): string {
  return value === null ? '—' : value.toFixed(1);
}
