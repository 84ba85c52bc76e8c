/**
 * The dashboard's period choices as ISO dates, worked out from today in the laptop's time zone:
 * this month so far, last month, the last 12 months (today and the 12 months before it, less a
 * day), this financial year (April to March, so far) and a custom from/to. Pure, so the choices
 * can be checked for any day, month ends and leap years included.
 */
import type { StatisticsPeriod } from '../../../preload/contract';

export type PeriodChoice = 'this_month' | 'last_month' | 'last_12_months' | 'financial_year' | 'custom';

export const PERIOD_CHOICES: readonly { value: PeriodChoice; label: string }[] = [
  { value: 'this_month', label: 'This month' },
  { value: 'last_month', label: 'Last month' },
  { value: 'last_12_months', label: 'Last 12 months' },
  { value: 'financial_year', label: 'This financial year (April to March)' },
  { value: 'custom', label: 'Choose dates' },
];

export const DEFAULT_PERIOD_CHOICE: Exclude<PeriodChoice, 'custom'> = 'last_12_months';

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
/** The last day of month `m` (1-12) of year `y`. */
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The period a choice other than "custom" stands for, on `today` (`yyyy-mm-dd`). */
export function periodFor(choice: Exclude<PeriodChoice, 'custom'>, today: string): StatisticsPeriod {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  switch (choice) {
    case 'this_month':
      return { from: iso(y, m, 1), to: today };
    case 'last_month': {
      const [ly, lm] = m === 1 ? [y - 1, 12] : [y, m - 1];
      return { from: iso(ly, lm, 1), to: iso(ly, lm, lastDay(ly, lm)) };
    }
    case 'last_12_months': {
      // The day after the same date a year ago (29/02 a year ago is 28/02: then from 01/03).
      const yearAgo = new Date(Date.UTC(y - 1, m - 1, Math.min(d, lastDay(y - 1, m))));
      yearAgo.setUTCDate(yearAgo.getUTCDate() + 1);
      return { from: yearAgo.toISOString().slice(0, 10), to: today };
    }
    case 'financial_year': {
      const startYear = m >= 4 ? y : y - 1;
      return { from: iso(startYear, 4, 1), to: today };
    }
  }
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTHS_LONG = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "2026-03" -> "Mar 2026" (a chart's tick). */
export function monthShort(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${MONTHS[m - 1] ?? month} ${y}`;
}

/** "2026-03" -> "March 2026" (a table's row). */
export function monthLong(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${MONTHS_LONG[m - 1] ?? month} ${y}`;
}
