/**
 * Helpers the measures share: a breakdown's groups, reads shared between measures, and the median. Every
 * measure filters on its event's date with both ends inclusive (`BETWEEN @from AND @to` on an
 * ISO date), so a referral made on the last day of the period is in it.
 */
import type { MeasureFigure, MeasurePeriod } from './measure-registry';

/** The group of records with nothing typed in (a referral without a source). */
export const NOT_RECORDED = 'Not recorded';

/**
 * A breakdown's figures from each record's group (null or blank: "Not recorded"), the largest
 * group first and equal ones by name. `labels` turns a stored code into words. Typed-in text is
 * trimmed, so " Police" and "Police" are one group.
 */
export function groupsOf(
  breakdown: string,
  groups: readonly (string | null)[],
  labels?: Readonly<Record<string, string>>,
): MeasureFigure[] {
  return groupCountsOf(
    breakdown,
    groups.map((g) => [g, 1] as const),
    labels,
  );
}

/** `groupsOf` for groups already counted (a month tally's cells, records grouped in SQL): `[group, count]`. */
export function groupCountsOf(
  breakdown: string,
  counts: Iterable<readonly [string | null, number]>,
  labels?: Readonly<Record<string, string>>,
): MeasureFigure[] {
  const merged = new Map<string, number>();
  for (const [g, n] of counts) {
    if (n === 0) continue;
    const text = g?.trim() ? (labels?.[g] ?? g.trim()) : NOT_RECORDED;
    merged.set(text, (merged.get(text) ?? 0) + n);
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

const sharedReads = new WeakMap<MeasurePeriod, Map<string, unknown>>();

/**
 * `read()` once per computation: measures that rest on the same counts (the sessions and their
 * DNA rate, the assessments due and the compliance) ask with the same key and get the first
 * answer. Keyed by the period object, which the service makes afresh for each computation.
 */
export function shared<T>(period: MeasurePeriod, key: string, read: () => T): T {
  let reads = sharedReads.get(period);
  if (!reads) {
    reads = new Map();
    sharedReads.set(period, reads);
  }
  if (!reads.has(key)) reads.set(key, read());
  return reads.get(key) as T;
}

/** The median of `values` (the mean of the middle two for an even count), or null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return sorted[mid] as number;
  return ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
