/**
 * Bounded counts, for every paged list: how many rows match, counted only up to a bound, so
 * that a list's count costs the same in a vault of 10,000 cases as in one of 50,000. A count
 * that reaches its bound stops there and the page says "more than 1,000" (`Page.moreThan`);
 * the pager still goes on while full pages come back.
 */
import type { Db } from './connection';
import { stmt } from './statements';

/** Counts stop after this many matches: a clinician reads "more than 1,000", not the figure. */
export const COUNT_BOUND = 1_000;

/** A list's count: exact when `moreThan` is false; else there are more than `total` rows. */
export interface BoundedTotal {
  total: number;
  moreThan: boolean;
}

/** The parameter carrying how many rows a count reads at most; named so no list's own shadows it. */
export const COUNT_CAP_PARAM = 'boundedCountCap';

/**
 * The count that runs for `rowsSql` (a `SELECT 1 FROM ... WHERE ...`, no ORDER BY), reading at
 * most `@boundedCountCap` rows; exported so plan tests EXPLAIN exactly what runs. The LIMIT
 * inside the subquery is what stops SQLite's walk; a LIMIT on the outer count would not.
 */
export function boundedCountSql(rowsSql: string): string {
  return `SELECT count(*) AS n FROM (${rowsSql} LIMIT @${COUNT_CAP_PARAM})`;
}

/**
 * How many rows `rowsSql` returns, reading at most `cap + 1` of them: the answer is `cap + 1`
 * whenever there are more than `cap`, so `n > cap` tells "more than" from "exactly".
 */
export function countUpTo(db: Db, rowsSql: string, params: Record<string, unknown>, cap: number): number {
  return (stmt(db, boundedCountSql(rowsSql)).get({ ...params, [COUNT_CAP_PARAM]: cap + 1 }) as { n: number }).n;
}

/**
 * Where a page's count stops: at the bound, or just past the page when the user has paged
 * beyond it (a count no further than the page itself, so "Next" stays exact about whether a
 * further page exists), or at `atLeast` when the caller needs to know more (a plan choice).
 */
export function countCap(offset: number, limit: number, atLeast = 0): number {
  return Math.max(COUNT_BOUND, offset + limit, atLeast);
}

/**
 * The total a page reports: counted up to {@link countCap}; past it, the cap itself with
 * `moreThan`. One definition for every list, so each says "more than" at the same place.
 */
export function boundedTotal(
  db: Db,
  rowsSql: string,
  params: Record<string, unknown>,
  paging: { offset: number; limit: number },
  atLeast = 0,
): BoundedTotal {
  const cap = countCap(paging.offset, paging.limit, atLeast);
  const n = countUpTo(db, rowsSql, params, cap);
  return n > cap ? { total: cap, moreThan: true } : { total: n, moreThan: false };
}
