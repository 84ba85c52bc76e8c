/**
 * The bounded count every list uses (main/core/db/bounded-count.ts): exact below and at the
 * bound, "more than" past it, no further than the page the user has paged to, and never reading
 * more than one row past where it stops. On a real encrypted vault, over a table of numbers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boundedTotal, COUNT_BOUND, countCap, countUpTo } from '../../../../main/core/db/bounded-count';
import type { OpenVault } from '../../../../main/core/vault/vault';
import { newVault, tempDirs, vaultDirIn } from '../temp-vault';

const dirs = tempDirs('ncats-bounded-count-');
let vault: OpenVault;
let reads = 0;
const ROWS = 3_000;

beforeAll(async () => {
  vault = (await newVault(vaultDirIn(dirs.make()))).vault;
  vault.db.exec('CREATE TABLE bound_rows (n INTEGER PRIMARY KEY) STRICT');
  const insert = vault.db.prepare('INSERT INTO bound_rows (n) VALUES (?)');
  vault.db.transaction(() => {
    for (let n = 1; n <= ROWS; n++) insert.run(n);
  })();
  // Counts the rows the count's WHERE clause sees: how far SQLite walked.
  vault.db.function('seen', { deterministic: false }, () => {
    reads++;
    return 1;
  });
});
afterAll(() => {
  vault.close();
  dirs.cleanup();
});

/** The first `upTo` rows, as a list's `SELECT 1 ... WHERE ...`, each row seen counted. */
const rowsUpTo = 'SELECT 1 FROM bound_rows WHERE n <= @upTo AND seen()';
const firstPage = { offset: 0, limit: 50 };

describe('boundedTotal', () => {
  it('is exact below the bound', () => {
    expect(boundedTotal(vault.db, rowsUpTo, { upTo: COUNT_BOUND - 1 }, firstPage)).toEqual({
      total: COUNT_BOUND - 1,
      moreThan: false,
    });
    expect(boundedTotal(vault.db, rowsUpTo, { upTo: 0 }, firstPage)).toEqual({ total: 0, moreThan: false });
  });

  it('is exact at the bound', () => {
    expect(boundedTotal(vault.db, rowsUpTo, { upTo: COUNT_BOUND }, firstPage)).toEqual({
      total: COUNT_BOUND,
      moreThan: false,
    });
  });

  it('says "more than the bound" one past it and beyond, reading one row past the bound', () => {
    for (const upTo of [COUNT_BOUND + 1, ROWS]) {
      reads = 0;
      expect(boundedTotal(vault.db, rowsUpTo, { upTo }, firstPage)).toEqual({ total: COUNT_BOUND, moreThan: true });
      expect(reads).toBe(COUNT_BOUND + 1);
    }
  });

  it('counts as far as the page the user has paged to, so Next is right past the bound', () => {
    const deep = { offset: 1_500, limit: 50 };
    expect(countCap(deep.offset, deep.limit)).toBe(1_550);
    expect(boundedTotal(vault.db, rowsUpTo, { upTo: ROWS }, deep)).toEqual({ total: 1_550, moreThan: true });
    expect(boundedTotal(vault.db, rowsUpTo, { upTo: 1_550 }, deep)).toEqual({ total: 1_550, moreThan: false });
    expect(boundedTotal(vault.db, rowsUpTo, { upTo: 1_520 }, deep)).toEqual({ total: 1_520, moreThan: false });
  });

  it('reaches further when the caller must know more (a plan choice)', () => {
    expect(boundedTotal(vault.db, rowsUpTo, { upTo: ROWS }, firstPage, 2_000)).toEqual({
      total: 2_000,
      moreThan: true,
    });
    expect(boundedTotal(vault.db, rowsUpTo, { upTo: 1_999 }, firstPage, 2_000)).toEqual({
      total: 1_999,
      moreThan: false,
    });
  });
});

describe('countUpTo', () => {
  it('answers cap + 1 for anything past the cap, and the count itself up to it', () => {
    expect(countUpTo(vault.db, rowsUpTo, { upTo: ROWS }, 10)).toBe(11);
    expect(countUpTo(vault.db, rowsUpTo, { upTo: 10 }, 10)).toBe(10);
    expect(countUpTo(vault.db, rowsUpTo, { upTo: 3 }, 10)).toBe(3);
  });
});
