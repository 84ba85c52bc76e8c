/**
 * Paging, shared by every list in the contract: offset/limit pages over an indexed order, and
 * the cursor a full-text search resumes from (its windows are walked newest first).
 */
import { z } from 'zod';

/** Where a page starts: how many items come before it. */
export const offsetSchema = z.int().min(0).max(1_000_000).default(0);

/** Paging for every list: offset/limit over an indexed order. Spread its `shape` into an input. */
export const pagingSchema = z.object({
  offset: offsetSchema,
  limit: z.int().min(1).max(500).default(50),
});

/**
 * One page of a list: its items, how many there are in all, and where the page stands. Long
 * lists count their matches only up to a bound (main/core/db/bounded-count.ts), so that a
 * page costs the same however large the vault grows: then `moreThan` is true and `total` is
 * where the count stopped, at least `offset + limit`; a further page exists.
 */
export interface Page<T> {
  items: T[];
  /** How many items there are in all; with `moreThan`, how many there are more than. */
  total: number;
  offset: number;
  limit: number;
  /** True when the count stopped at its bound: there are more than `total` items. Absent means exact. */
  moreThan?: boolean;
}

/**
 * Where a full-text search resumes: the `nextCursor` of the window before (a record's seq), or
 * null for the newest matches.
 */
export const searchCursorSchema = z.int().min(1).max(Number.MAX_SAFE_INTEGER).nullable().default(null);

/**
 * One window of a full-text search. The core walks the index from the most recently written
 * match down and stops after `window` matches; `cursor` is where this window started (null: at
 * the newest match) and `nextCursor` where the next, older window starts (null: every record
 * has now been searched). Pages (`offset`, `limit`, `total`) are within this window.
 */
export interface SearchWindowPage<T> extends Page<T> {
  window: number;
  cursor: number | null;
  nextCursor: number | null;
}
