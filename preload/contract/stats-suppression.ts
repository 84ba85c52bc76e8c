/**
 * Small-number suppression of the anonymised statistics, as a pure function the export, the CLI
 * and (later) the dashboard's "as published" view all apply.
 *
 * The rule, in the order it is applied:
 *
 * 1. **Small counts.** A count from 1 to 4 is shown as `<5` ({@link SMALL_NUMBER}). Zero stays 0:
 *    knowing that nobody is in a group picks nobody out.
 * 2. **Complements.** Where the groups of a breakdown add up to a published total (a partition),
 *    a reader who knows the rule also knows that a `<5` is 1 to 4 and that a withheld cell
 *    ({@link WITHHELD}, `[c]`) is 5 or more. Cells are withheld, the smallest first, until every
 *    suppressed cell of the breakdown could still hold at least two values given the total, the
 *    published cells and those ranges: a single `<5` is never left to be found by subtraction,
 *    and neither are two cells of 4 under a total 8 higher than the rest. If withholding every
 *    non-zero cell is not enough, the whole breakdown (zeros too) is withheld.
 *    Groups that do not add up to the total (a referral may ask for several services) cannot be
 *    subtracted from it; there a single suppressed cell is kept company by the next smallest.
 *    A total of 1 to 4 is itself `<5`, and then so is every non-zero cell under it (the same check
 *    applies, the total being 1 to 4: four cells of `<5` under it could only be 1 each).
 * 3. **Rates and medians** are withheld when they are worked out over 1 to 4 records, or when any
 *    count they are made from is suppressed (a rate and its numerator would give the denominator).
 */
import {
  SMALL_NUMBER,
  WITHHELD,
  type PublishedStatisticRow,
  type StatisticCellRef,
  type StatisticRow,
  type SuppressionMark,
} from './stats-records';

/** The largest count that is suppressed. */
export const SMALL_NUMBER_LIMIT = 4;

const isSmall = (n: number | null | undefined): boolean => n !== null && n !== undefined && n >= 1 && n <= SMALL_NUMBER_LIMIT;

/** A cell's key, for looking up its mark. */
export function cellKey(c: StatisticCellRef): string {
  return JSON.stringify([c.measure, c.breakdown, c.group]);
}

/** The values a reader knowing the rule can tell a suppressed cell may hold: [lowest, highest]. */
function rangeOf(mark: SuppressionMark): [number, number] {
  return mark === SMALL_NUMBER ? [1, SMALL_NUMBER_LIMIT] : [SMALL_NUMBER_LIMIT + 1, Infinity];
}

/**
 * Whether every suppressed cell of a partition could hold at least two values, given what they
 * add up to (`hidden`: the total less the published cells, from `hidden[0]` to `hidden[1]` when
 * the total is itself suppressed) and each one's range. For one cell, the others' ranges bound it
 * from both sides: its lowest possible value is the least the hidden part can be less what the
 * others can hold at most, its highest the most it can be less what they must hold at least.
 */
export function suppressedCellsAreAmbiguous(hidden: [number, number], ranges: readonly [number, number][]): boolean {
  return ranges.every(([low, high], i) => {
    // Summed over the others only: a withheld cell's unbounded top would make Infinity - Infinity.
    const others = ranges.filter((_, j) => j !== i);
    const othersLow = others.reduce((s, r) => s + r[0], 0);
    const othersHigh = others.reduce((s, r) => s + r[1], 0);
    const lowest = Math.max(low, hidden[0] - othersHigh);
    const highest = Math.min(high, hidden[1] - othersLow);
    return highest > lowest;
  });
}

interface Cell {
  row: StatisticRow;
  value: number;
}

/**
 * Withhold cells of one partition until no suppressed cell is pinned down. `total` is what the
 * reader knows of the total: its value, or 1 to 4 when it is `<5` (then four cells of `<5` can
 * only be 1 each, and the whole breakdown is withheld).
 */
function protectPartition(cells: Cell[], total: [number, number], marks: Map<string, SuppressionMark>) {
  const markOf = (c: Cell) => marks.get(cellKey(c.row));
  for (;;) {
    const hiddenCells = cells.filter((c) => markOf(c) !== undefined);
    if (hiddenCells.length === 0) return;
    const published = cells.filter((c) => markOf(c) === undefined).reduce((s, c) => s + c.value, 0);
    const ranges = hiddenCells.map((c) => rangeOf(markOf(c) as SuppressionMark));
    if (suppressedCellsAreAmbiguous([total[0] - published, total[1] - published], ranges)) return;
    const next = smallestPublished(cells, markOf);
    if (!next) {
      // Every cell withheld, zeros too: each may then be anything from 0, and there are two or more.
      for (const c of cells) marks.set(cellKey(c.row), WITHHELD);
      return;
    }
    marks.set(cellKey(next.row), WITHHELD);
  }
}

/** The smallest non-zero cell still published (the first of equals), if any. */
function smallestPublished(cells: Cell[], markOf: (c: Cell) => SuppressionMark | undefined): Cell | undefined {
  let best: Cell | undefined;
  for (const c of cells) {
    if (markOf(c) !== undefined || c.value === 0) continue;
    if (!best || c.value < best.value) best = c;
  }
  return best;
}

/** Groups that need not add up to the total: no suppressed cell stays alone. */
function protectOverlapping(cells: Cell[], marks: Map<string, SuppressionMark>) {
  const markOf = (c: Cell) => marks.get(cellKey(c.row));
  if (cells.filter((c) => markOf(c) !== undefined).length !== 1) return;
  const next = smallestPublished(cells, markOf);
  if (next) marks.set(cellKey(next.row), WITHHELD);
}

/**
 * The published form of `rows` under the rule above: the same rows in the same order, each count
 * either its value or a suppression mark, rates and medians likewise, and the working fields
 * (`base`, `dependsOn`) dropped.
 */
export function suppressSmallNumbers(rows: readonly StatisticRow[]): PublishedStatisticRow[] {
  const marks = new Map<string, SuppressionMark>();
  const counts = rows.filter((r) => r.unit === 'count');
  for (const r of counts) if (isSmall(r.value)) marks.set(cellKey(r), SMALL_NUMBER);

  const breakdowns = new Map<string, StatisticRow[]>();
  for (const r of counts) {
    if (r.breakdown === null) continue;
    const key = JSON.stringify([r.measure, r.breakdown]);
    breakdowns.set(key, [...(breakdowns.get(key) ?? []), r]);
  }
  for (const group of breakdowns.values()) {
    const first = group[0] as StatisticRow;
    const cells = group.map((row) => ({ row, value: row.value ?? 0 }));
    const totalRow = counts.find((r) => r.measure === first.measure && r.breakdown === null);
    // Without a total row the groups' own sum is the total a reader can work out.
    const total = totalRow ? (totalRow.value ?? 0) : cells.reduce((s, c) => s + c.value, 0);
    if (total === 0) continue;
    const totalSuppressed = totalRow !== undefined && marks.has(cellKey(totalRow));
    if (first.partition) protectPartition(cells, totalSuppressed ? [1, SMALL_NUMBER_LIMIT] : [total, total], marks);
    else if (!totalSuppressed) protectOverlapping(cells, marks);
  }

  for (const r of rows) {
    if (r.unit === 'count') continue;
    const fromSuppressed = (r.dependsOn ?? []).some((d) => marks.has(cellKey(d)));
    if (isSmall(r.base) || fromSuppressed) marks.set(cellKey(r), WITHHELD);
  }

  return rows.map(({ base: _base, dependsOn: _dependsOn, baseLabel: _baseLabel, ...row }) => ({
    ...row,
    value: marks.get(cellKey(row)) ?? row.value,
  }));
}
