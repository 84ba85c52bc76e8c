/**
 * Helpers the measures share: a breakdown's groups from a GROUP BY, and the median. Every
 * measure filters on its event's date with both ends inclusive (`BETWEEN @from AND @to` on an
 * ISO date), so a referral made on the last day of the period is in it.
 */
import type { Db } from '../db/connection';
import { stmt } from '../db/statements';
import type { MeasureFigure, MeasurePeriod } from './measure-registry';

/** The group of records with nothing typed in (a referral without a source). */
export const NOT_RECORDED = 'Not recorded';

/** What a breakdown's SQL returns: the group (null: not recorded) and how many are in it. */
interface GroupCount {
  grp: string | null;
  n: number;
}

/** One count for the period from `sql` (which selects `n`, with @from and @to). */
export function countFor(db: Db, sql: string, period: MeasurePeriod): number {
  return (stmt(db, sql).get(period) as { n: number }).n;
}

/**
 * A breakdown's figures from `sql` (which selects `grp` and `n`, grouped by `grp`), the largest
 * group first and equal ones by name. `labels` turns a stored code into words; a group that is
 * null or empty is "Not recorded".
 */
export function groupFigures(
  db: Db,
  breakdown: string,
  sql: string,
  period: MeasurePeriod,
  labels?: Readonly<Record<string, string>>,
): MeasureFigure[] {
  const rows = stmt(db, sql).all(period) as GroupCount[];
  const merged = new Map<string, number>();
  for (const r of rows) {
    const text = r.grp?.trim() ? (labels?.[r.grp] ?? r.grp.trim()) : NOT_RECORDED;
    merged.set(text, (merged.get(text) ?? 0) + r.n);
  }
  return [...merged]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([group, value]) => ({ breakdown, group, value }));
}

/**
 * Figures for every group of a fixed list, in the list's order, with 0 for a group no record is
 * in (so a chart's bars stay in the same places from one period to the next).
 */
export function fixedGroupFigures(
  breakdown: string,
  labels: Readonly<Record<string, string>>,
  counts: ReadonlyMap<string, number>,
): MeasureFigure[] {
  return Object.entries(labels).map(([code, group]) => ({ breakdown, group, value: counts.get(code) ?? 0 }));
}

/** The median of `values` (the mean of the middle two for an even count), or null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return sorted[mid] as number;
  return ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
