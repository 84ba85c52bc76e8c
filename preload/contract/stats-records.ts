/**
 * The service's statistics as data: a period, the rows a measure produces (for the dashboard's
 * charts and tables) and the published, suppressed rows of the anonymised export. The measures
 * themselves live in the core (`main/core/stats/measure-registry.ts`); the small-number rule is
 * `stats-suppression.ts` beside this file.
 */
import { z } from 'zod';
import { isoDateSchema } from './common';

/** The longest period statistics are worked out for: ten years. */
export const MAX_PERIOD_YEARS = 10;

/** The date `years` after an ISO date (29/02 becomes 28/02 in a year without one). */
function addYears(iso: string, years: number): string | null {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y + years, m - 1, d));
  // A date the field's own check has already refused: say nothing more about it.
  if (Number.isNaN(target.getTime())) return null;
  // 29/02 + 1 year rolls over to 01/03: step back to the last day of February instead.
  if (target.getUTCMonth() !== m - 1) target.setUTCDate(0);
  return target.toISOString().slice(0, 10);
}

/**
 * A period of statistics: from and to are both inclusive ISO dates (`YYYY-MM-DD`), `from` not
 * after `to`, and the period at most {@link MAX_PERIOD_YEARS} years long (01/01/2016 to
 * 31/12/2025 is ten years; to 01/01/2026 is one day too many).
 */
export const statisticsPeriodSchema = z
  .object({ from: isoDateSchema, to: isoDateSchema })
  .strict()
  .refine((p) => p.from <= p.to, { message: 'The start of the period must not be after its end.', path: ['to'] })
  .refine((p) => p.to < (addYears(p.from, MAX_PERIOD_YEARS) ?? '9999-12-31'), {
    message: `A period can be at most ${MAX_PERIOD_YEARS} years long.`,
    path: ['to'],
  });
export type StatisticsPeriod = z.output<typeof statisticsPeriodSchema>;

/** What a measure's value is: a number of things, a share (0 to 1) or a number of days. */
export const STATISTIC_UNITS = ['count', 'rate', 'days'] as const;
export type StatisticUnit = (typeof STATISTIC_UNITS)[number];

/** One cell of the statistics: a measure's total (breakdown null) or one group of a breakdown. */
export interface StatisticCellRef {
  measure: string;
  breakdown: string | null;
  group: string | null;
}

/** One figure, as the dashboard charts it: unsuppressed. */
export interface StatisticRow extends StatisticCellRef {
  /** The measure's label, e.g. "Referrals received". */
  label: string;
  unit: StatisticUnit;
  /** The breakdown's label ("Referral source"), null for the measure's total. */
  breakdownLabel: string | null;
  /**
   * Whether the groups of this breakdown add up to the measure's total (every referral has
   * exactly one source, "Not recorded" included). The suppression rule protects a small cell
   * against subtraction from the total only where that sum holds.
   */
  partition: boolean;
  /** The figure; null when there is nothing to compute it from (a rate or median of nothing). */
  value: number | null;
  /** Rates and medians: how many records they are worked out over (a small one is suppressed). */
  base?: number;
  /** Rates and medians: the count cells they are made from; if any is suppressed, so is this. */
  dependsOn?: readonly StatisticCellRef[];
  /**
   * Rates and medians: what `base` counts, plural, so the dashboard can say "62 % of 48
   * assessments" (absent: the figure is shown with the bare number).
   */
  baseLabel?: string;
}

/** A count of 1 to 4, withheld so that no person can be picked out. */
export const SMALL_NUMBER = '<5';
/**
 * A figure withheld so that a small number elsewhere cannot be worked out from it (by
 * subtraction from a total, or from a rate and its counts). It may be 5 or more.
 */
export const WITHHELD = '[c]';
export type SuppressionMark = typeof SMALL_NUMBER | typeof WITHHELD;

/** One figure of the anonymised export: a number, a suppression mark, or null (nothing to compute). */
export interface PublishedStatisticRow extends Omit<StatisticRow, 'value' | 'base' | 'dependsOn' | 'baseLabel'> {
  value: number | SuppressionMark | null;
}

/** What `statistics:compute` returns: every measure's rows for the period. */
export interface StatisticsResult {
  period: StatisticsPeriod;
  rows: StatisticRow[];
}

/** What `statistics:export` returns: the suppressed rows of the exportable measures, and them as CSV. */
export interface StatisticsExport {
  period: StatisticsPeriod;
  rows: PublishedStatisticRow[];
  /** `measure,breakdown,group,period_from,period_to,value,unit`, one line per row, ISO dates. */
  csv: string;
}
