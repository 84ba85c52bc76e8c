/**
 * Small-number suppression: hand-made cases with known answers, then property-based checks with
 * fast-check. The properties judge the published rows as a reader would who knows the rule and
 * tries to work a suppressed cell out: the oracle below lists every value each suppressed cell
 * could hold given the published total and cells (by enumerating sums, not by the implementation's
 * range formula), and no suppressed cell may be left with only one.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  SMALL_NUMBER,
  WITHHELD,
  type PublishedStatisticRow,
  type StatisticRow,
} from '../../../../preload/contract/stats-records';
import { suppressSmallNumbers } from '../../../../preload/contract/stats-suppression';

const M = 'm';

function count(breakdown: string | null, group: string | null, value: number, partition = true): StatisticRow {
  return {
    measure: M,
    label: 'Measure',
    unit: 'count',
    breakdown,
    breakdownLabel: breakdown,
    group,
    value,
    partition,
  };
}

/** A measure's total and one breakdown with these cells (groups g0, g1, ...). */
function table(cells: number[], partition = true): StatisticRow[] {
  return [
    count(null, null, cells.reduce((s, n) => s + n, 0)),
    ...cells.map((v, i) => count('b', `g${i}`, v, partition)),
  ];
}

const values = (rows: PublishedStatisticRow[]) => rows.map((r) => r.value);

describe('small-number suppression, by hand', () => {
  it('shows 1 to 4 as <5 and withholds the next smallest cell so the total cannot give it away', () => {
    expect(values(suppressSmallNumbers(table([3, 10, 12])))).toEqual([25, SMALL_NUMBER, WITHHELD, 12]);
  });

  it('leaves zero as 0 and counts of 5 or more as they are', () => {
    expect(values(suppressSmallNumbers(table([0, 7, 9, 5])))).toEqual([21, 0, 7, 9, 5]);
  });

  it('withholds another cell when two <5 cells could only be 4 and 4 (the rest of the total)', () => {
    expect(values(suppressSmallNumbers(table([4, 4, 10, 11])))).toEqual([29, SMALL_NUMBER, SMALL_NUMBER, WITHHELD, 11]);
  });

  it('withholds another cell when two <5 cells could only be 1 and 1', () => {
    expect(values(suppressSmallNumbers(table([1, 1, 10, 12])))).toEqual([24, SMALL_NUMBER, SMALL_NUMBER, WITHHELD, 12]);
  });

  it('withholds the whole breakdown, zeros too, when no cell is left to hide the small one behind', () => {
    // 1 and 5 under a total of 6: a <5 beside a withheld 5-or-more can only be 1 and 5.
    expect(values(suppressSmallNumbers(table([1, 5, 0])))).toEqual([6, WITHHELD, WITHHELD, WITHHELD]);
  });

  it('suppresses a small total and every non-zero cell under it, zeros staying 0', () => {
    expect(values(suppressSmallNumbers(table([2, 0, 1])))).toEqual([SMALL_NUMBER, SMALL_NUMBER, 0, SMALL_NUMBER]);
  });

  it('withholds the whole breakdown under a small total when four <5 cells could only be 1 each', () => {
    expect(values(suppressSmallNumbers(table([1, 1, 1, 1, 0])))).toEqual([SMALL_NUMBER, ...Array(5).fill(WITHHELD)]);
  });

  it('keeps a lone small cell company in groups that overlap (they do not add up to the total)', () => {
    const rows = [count(null, null, 12), count('s', 'a', 2, false), count('s', 'b', 7, false), count('s', 'c', 9, false)];
    expect(values(suppressSmallNumbers(rows))).toEqual([12, SMALL_NUMBER, WITHHELD, 9]);
  });

  it('withholds a rate over 1 to 4 records, or made from a suppressed count, and publishes the others', () => {
    const rate = (value: number, base: number, group: string): StatisticRow => ({
      ...count(null, null, 0),
      measure: `rate_${group}_${base}`,
      unit: 'rate',
      value,
      base,
      dependsOn: [{ measure: M, breakdown: 'b', group }],
    });
    const rows = [...table([3, 10, 12, 20]), rate(0.5, 4, 'g3'), rate(0.2, 15, 'g0'), rate(0.3, 10, 'g1'), rate(0.4, 20, 'g3')];
    expect(values(suppressSmallNumbers(rows)).slice(5)).toEqual([WITHHELD, WITHHELD, WITHHELD, 0.4]);
  });

  it('drops the working fields and keeps the rows in their order', () => {
    const published = suppressSmallNumbers(table([6, 7]));
    expect(published.map((r) => r.group)).toEqual([null, 'g0', 'g1']);
    expect(published.every((r) => !('base' in r) && !('dependsOn' in r))).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// The reader's view: what each suppressed cell could be
// ---------------------------------------------------------------------------------------------

/** The values a published cell may hold, as a reader who knows the rule sees it. */
function domainOf(value: PublishedStatisticRow['value'], wholeBreakdownWithheld: boolean, total: number): number[] {
  const upTo = (from: number, to: number) => Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
  if (typeof value === 'number') return [value];
  if (value === SMALL_NUMBER) return upTo(1, 4);
  return wholeBreakdownWithheld ? upTo(0, total) : upTo(5, total);
}

/** Every sum the domains can make, one value from each. */
function sums(domains: number[][], cap: number): Set<number> {
  let reach = new Set([0]);
  for (const d of domains) {
    const next = new Set<number>();
    for (const s of reach) for (const v of d) if (s + v <= cap) next.add(s + v);
    reach = next;
  }
  return reach;
}

/**
 * For each suppressed cell of a partition, the values it could hold so that the breakdown adds up
 * to a total the reader cannot rule out (the published total, or 1 to 4 if that is <5 too).
 */
function possibleValues(published: PublishedStatisticRow[], trueTotal: number): Map<string, number[]> {
  const totalRow = published.find((r) => r.breakdown === null) as PublishedStatisticRow;
  const totals = domainOf(totalRow.value, false, trueTotal).filter((t) => t >= 0);
  const cells = published.filter((r) => r.breakdown !== null);
  const whole = cells.length > 1 && cells.every((r) => r.value === WITHHELD);
  const domains = cells.map((r) => domainOf(r.value, whole, Math.max(...totals)));
  const out = new Map<string, number[]>();
  cells.forEach((r, i) => {
    if (typeof r.value === 'number') return;
    const others = sums(
      domains.filter((_, j) => j !== i),
      Math.max(...totals),
    );
    out.set(r.group as string, (domains[i] as number[]).filter((v) => totals.some((t) => others.has(t - v))));
  });
  return out;
}

/** Records, each in one group of a partition: the counts per group (0 for an empty one). */
const partitionCounts = (groups: number) =>
  fc
    .array(fc.nat(groups - 1), { maxLength: 45 })
    .map((records) => Array.from({ length: groups }, (_, g) => records.filter((r) => r === g).length));

describe('small-number suppression, by property', () => {
  it('never publishes 1 to 4, publishes every number as it is, and leaves no suppressed cell pinned down', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }).chain(partitionCounts), (cells) => {
        const total = cells.reduce((s, n) => s + n, 0);
        const published = suppressSmallNumbers(table(cells));
        const whole = published.slice(1).every((r) => r.value === WITHHELD) && cells.length > 1;
        published.forEach((r, i) => {
          const truth = i === 0 ? total : (cells[i - 1] as number);
          if (typeof r.value === 'number') expect(r.value).toBe(truth);
          if (truth >= 1 && truth <= 4) expect(r.value).toBe(whole && i > 0 ? WITHHELD : SMALL_NUMBER);
          if (truth === 0 && !whole) expect(r.value).toBe(0);
        });
        for (const [group, possible] of possibleValues(published, total)) {
          const truth = cells[Number(group.slice(1))] as number;
          expect(possible).toContain(truth);
          expect(possible.length, `cell ${group} of ${JSON.stringify(cells)} can be worked out`).toBeGreaterThan(1);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('keeps every breakdown of one total safe at once, and every rate made from a suppressed cell withheld', () => {
    const records = fc.array(fc.tuple(fc.nat(3), fc.nat(2)), { maxLength: 40 });
    fc.assert(
      fc.property(records, fc.nat(3), (recs, rateGroup) => {
        const byA = [0, 1, 2, 3].map((g) => recs.filter((r) => r[0] === g).length);
        const byB = [0, 1, 2].map((g) => recs.filter((r) => r[1] === g).length);
        const rows: StatisticRow[] = [
          count(null, null, recs.length),
          ...byA.map((v, i) => count('a', `g${i}`, v)),
          ...byB.map((v, i) => count('b', `g${i}`, v)),
          {
            ...count(null, null, 0),
            measure: 'share',
            unit: 'rate',
            value: recs.length ? (byA[rateGroup] as number) / recs.length : null,
            base: recs.length,
            dependsOn: [
              { measure: M, breakdown: null, group: null },
              { measure: M, breakdown: 'a', group: `g${rateGroup}` },
            ],
          },
        ];
        const published = suppressSmallNumbers(rows);
        const totalRow = published[0] as PublishedStatisticRow;
        for (const b of ['a', 'b']) {
          const part = [totalRow, ...published.filter((r) => r.breakdown === b)];
          for (const possible of possibleValues(part, recs.length).values()) expect(possible.length).toBeGreaterThan(1);
        }
        const rate = published[published.length - 1] as PublishedStatisticRow;
        const numerator = published.find((r) => r.breakdown === 'a' && r.group === `g${rateGroup}`);
        const fromSuppressed = typeof numerator?.value === 'string' || typeof totalRow.value === 'string';
        if (fromSuppressed) expect(rate.value).toBe(WITHHELD);
        else expect(rate.value).toBe(recs.length ? (byA[rateGroup] as number) / recs.length : null);
      }),
      { numRuns: 1000 },
    );
  });
});
