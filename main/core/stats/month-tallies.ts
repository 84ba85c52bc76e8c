/**
 * Reading the per-month tallies (`stats_month_counts`, migration 290, kept exact by triggers).
 * A period is split into the calendar months it holds whole, summed from the tallies (a dozen
 * rows per group for a year, however many records the year has), and the days of the months it
 * cuts (its first and last, usually), which the measure reads from its records with its own query,
 * both ends inclusive as ever. Together they are exactly the records of the period.
 *
 * `period.fromRecords` makes every day a record day: the same measure computed the old way, which
 * the tests compare with the tallies and the benchmark times beside them.
 */
import type { Db } from '../db/connection';
import { stmt } from '../db/statements';
import type { MeasurePeriod } from './measure-registry';

/** The tallies migration 290 keeps, each named once here for the reads. */
export type Tally =
  | 'referral_source'
  | 'referral_la'
  | 'referral_service'
  | 'assessment_due'
  | 'paperwork_days'
  | 'consultation'
  | 'session';

/** Days read from the records, `yyyy-mm-dd` both ends inclusive (the measures' `@from` / `@to`). */
export interface DayRange {
  from: string;
  to: string;
}

/** Consecutive whole months read from the tallies, `yyyy-mm` both ends inclusive. */
export interface MonthRange {
  first: string;
  last: string;
}

export interface PeriodSplit {
  months: MonthRange[];
  days: DayRange[];
}

/** The calendar months the period touches, `yyyy-mm`, first to last (a month cut by an edge included). */
export function monthsOf(period: { from: string; to: string }): string[] {
  const months: string[] = [];
  let [year, month] = period.from.split('-').map(Number) as [number, number];
  const last = period.to.slice(0, 7);
  for (;;) {
    const m = `${year}-${String(month).padStart(2, '0')}`;
    months.push(m);
    if (m >= last) return months;
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
}

function lastDayOf(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(year, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

/**
 * The period as whole months (from the tallies) and days (from the records), each run of
 * neighbours joined. `recordMonths` are read from the records even when whole: a measure whose
 * tally cannot split a month (the assessments pending in today's month: overdue before today, not
 * yet due from it) names it here.
 */
export function splitPeriod(period: MeasurePeriod, recordMonths: readonly string[] = []): PeriodSplit {
  if (period.fromRecords) return { months: [], days: [{ from: period.from, to: period.to }] };
  const split: PeriodSplit = { months: [], days: [] };
  let previous: 'month' | 'days' | null = null;
  for (const month of monthsOf(period)) {
    const first = `${month}-01`;
    const last = lastDayOf(month);
    const whole = period.from <= first && last <= period.to && !recordMonths.includes(month);
    if (whole) {
      const run = previous === 'month' ? split.months[split.months.length - 1] : undefined;
      if (run) run.last = month;
      else split.months.push({ first: month, last: month });
    } else {
      const from = period.from > first ? period.from : first;
      const to = period.to < last ? period.to : last;
      const run = previous === 'days' ? split.days[split.days.length - 1] : undefined;
      if (run) run.to = to;
      else split.days.push({ from, to });
    }
    previous = whole ? 'month' : 'days';
  }
  return split;
}

export interface TallyCell {
  month: string;
  grp: string;
  n: number;
}

/** A tally's non-empty cells over the split's whole months (the primary key is the index: no table read). */
export function tallyCells(db: Db, tally: Tally, split: PeriodSplit): TallyCell[] {
  const read = stmt(
    db,
    `SELECT month, grp, n FROM stats_month_counts WHERE tally = @tally AND month BETWEEN @first AND @last AND n <> 0`,
  );
  return split.months.flatMap((r) => read.all({ tally, first: r.first, last: r.last }) as TallyCell[]);
}

/** A tally's counts by group over the split's whole months. */
export function tallyByGroup(db: Db, tally: Tally, split: PeriodSplit): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of tallyCells(db, tally, split)) counts.set(c.grp, (counts.get(c.grp) ?? 0) + c.n);
  return counts;
}

/** `read(range)` for each day range of the split, the rows together (a measure's own query over its records). */
export function recordRows<T>(split: PeriodSplit, read: (range: DayRange) => T[]): T[] {
  return split.days.flatMap((range) => read(range));
}
