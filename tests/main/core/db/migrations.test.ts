import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openEncrypted, type Db } from '../../../../main/core/db/connection';
import {
  LATEST_VERSION,
  MIGRATIONS,
  migrate,
  schemaVersion,
  type Migration,
} from '../../../../main/core/db/migrations/index';
import { m0010Vault } from '../../../../main/core/db/migrations/m0010-vault';
import { tempDirs } from '../temp-vault';

const dirs = tempDirs();
const open: Db[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
  dirs.cleanup();
});

/** A fresh, empty encrypted database: migrations run against real SQLCipher. */
function emptyDb(): Db {
  const db = openEncrypted(join(dirs.make(), 'test.db'), randomBytes(32));
  open.push(db);
  return db;
}

function tables(db: Db): { name: string; sql: string }[] {
  return db
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as { name: string; sql: string }[];
}

function schema(db: Db): unknown[] {
  return db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all();
}

/**
 * Migrations that add indexes and nothing else (150: the statistics'; 280, 300, 310: the orders of
 * the caseload, the Assessments list and the Safe Home run list), so they have no table to be STRICT.
 */
const INDEX_ONLY = new Set([150, 280, 300, 310]);

/** Migrations that only recreate full-text (virtual) tables (270: prefix indexes), so they add no ordinary table. */
const VIRTUAL_ONLY = new Set([270]);

describe('migrations', () => {
  it('are numbered in steps of 10, in order', () => {
    // Parallel work may leave a number free for a while (training took 140 before Safe Home's 130).
    MIGRATIONS.forEach((m, i) => {
      expect(m.version % 10).toBe(0);
      expect(m.version).toBeGreaterThan(MIGRATIONS[i - 1]?.version ?? 0);
    });
    expect(LATEST_VERSION).toBe(MIGRATIONS.at(-1)?.version);
  });

  it.each(MIGRATIONS.filter((m) => !INDEX_ONLY.has(m.version)).map((m) => [m.version, m.name, m] as const))(
    'm%i (%s) applied on top of its predecessors creates only STRICT tables',
    (version, _name, migration) => {
      const db = emptyDb();
      const upTo = MIGRATIONS.filter((m) => m.version <= version);
      migrate(db, upTo.slice(0, -1));
      // A table counts when it is new or rebuilt (SQLite changes a CHECK only by rebuilding).
      const before = new Map(tables(db).map((t) => [t.name, t.sql]));
      expect(migrate(db, upTo)).toEqual({ from: upTo.at(-2)?.version ?? 0, to: version });
      const added = tables(db).filter((t) => before.get(t.name) !== t.sql);
      expect(added.length).toBeGreaterThan(0);
      // Virtual tables (FTS5) cannot be STRICT, and SQLite makes their shadow tables itself.
      const virtual = added.filter((t) => /^CREATE VIRTUAL TABLE/i.test(t.sql)).map((t) => t.name);
      const ordinary = added.filter((t) => !virtual.some((v) => t.name === v || t.name.startsWith(`${v}_`)));
      expect(VIRTUAL_ONLY.has(version) ? virtual.length : ordinary.length).toBeGreaterThan(0);
      for (const t of ordinary)
        expect(t.sql, `${migration.name}: table ${t.name}`).toMatch(/\)\s*STRICT(,\s*WITHOUT ROWID)?\s*$/);
      expect(schemaVersion(db)).toBe(version);
    },
  );

  it.each([...INDEX_ONLY])('m%i adds indexes only, and no table', (version) => {
    const db = emptyDb();
    const upTo = MIGRATIONS.filter((m) => m.version <= version);
    migrate(db, upTo.slice(0, -1));
    const before = schema(db);
    expect(migrate(db, upTo)).toEqual({ from: upTo.at(-2)?.version ?? 0, to: version });
    const after = schema(db) as { type: string; name: string }[];
    const added = after.filter((o) => !before.some((b) => JSON.stringify(b) === JSON.stringify(o)));
    expect(added.length).toBeGreaterThan(0);
    expect(added.filter((o) => o.type !== 'index')).toEqual([]);
    expect(after.length - added.length).toBe(before.length);
  });

  it('m0010 creates the users, audit_log and settings tables', () => {
    const db = emptyDb();
    migrate(db, [m0010Vault]);
    expect(tables(db).map((t) => t.name)).toEqual(['audit_log', 'settings', 'users']);
  });

  it('is idempotent: a second run changes nothing', () => {
    const db = emptyDb();
    expect(migrate(db)).toEqual({ from: 0, to: LATEST_VERSION });
    const after = schema(db);
    expect(migrate(db)).toEqual({ from: LATEST_VERSION, to: LATEST_VERSION });
    expect(schema(db)).toEqual(after);
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
  });

  it('refuses a database from a newer version (VAULT_TOO_NEW) and leaves it unchanged', () => {
    const db = emptyDb();
    db.pragma(`user_version = ${LATEST_VERSION + 10}`);
    expect(() => migrate(db)).toThrow(expect.objectContaining({ code: 'VAULT_TOO_NEW' }));
    expect(schemaVersion(db)).toBe(LATEST_VERSION + 10);
    expect(tables(db)).toEqual([]);
  });

  it('rolls back every pending migration when one fails, including those that succeeded', () => {
    const db = emptyDb();
    const failing: Migration = {
      version: 20,
      name: 'fails half-way',
      up(d) {
        d.exec('CREATE TABLE half_done (x INTEGER) STRICT');
        throw new Error('simulated failure');
      },
    };
    expect(() => migrate(db, [m0010Vault, failing])).toThrow('simulated failure');
    expect(schemaVersion(db)).toBe(0);
    expect(tables(db)).toEqual([]);
    // And the good migration still applies cleanly afterwards.
    expect(migrate(db, [m0010Vault])).toEqual({ from: 0, to: 10 });
  });
});
