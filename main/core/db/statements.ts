import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { Db } from './connection';

const cache = new WeakMap<Db, Map<string, Statement>>();

/**
 * A prepared statement for this connection, compiled once. Repos call this on every query, so
 * bulk work (demo data: a million rows) does not pay for compiling the same SQL again.
 */
export function stmt(db: Db, sql: string): Statement {
  let forDb = cache.get(db);
  if (!forDb) {
    forDb = new Map();
    cache.set(db, forDb);
  }
  let prepared = forDb.get(sql);
  if (!prepared) {
    prepared = db.prepare(sql);
    forDb.set(sql, prepared);
  }
  return prepared;
}

/** SQLite booleans. */
export const bool = (b: boolean | null | undefined): number | null =>
  b === null || b === undefined ? null : b ? 1 : 0;
