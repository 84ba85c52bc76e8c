/**
 * Put a real vault's database back to an older schema, as an older version of the app left it:
 * every table, index and trigger a later migration made is dropped, and every column a later
 * migration added to an older table, found by migrating an empty database to `version` only and
 * comparing. Generic, so the tests that need an old vault keep working as migrations are added.
 * The caller sets `user_version` (and whatever else its old vault needs, such as its keys).
 */
import Database from 'better-sqlite3-multiple-ciphers';
import type { Db } from '../../../main/core/db/connection';
import { MIGRATIONS, migrate } from '../../../main/core/db/migrations/index';

type Db3 = Database.Database;

const columnsOf = (db: Db3, table: string): string[] =>
  (db.pragma(`table_info("${table}")`) as { name: string }[]).map((c) => c.name);

export function undoMigrationsAfter(db: Db, version: number): void {
  const reference = new Database(':memory:');
  try {
    migrate(
      reference,
      MIGRATIONS.filter((m) => m.version <= version),
    );
    const old = new Set(
      (reference.prepare('SELECT name FROM sqlite_master').all() as { name: string }[]).map((r) => r.name),
    );
    const objects = db
      .prepare(
        `SELECT type, name FROM sqlite_master WHERE type IN ('table', 'trigger', 'index') AND name NOT LIKE 'sqlite_%'`,
      )
      .all() as { type: string; name: string }[];
    const added = objects.filter((o) => !old.has(o.name));
    const foreignKeys = db.pragma('foreign_keys', { simple: true });
    db.pragma('foreign_keys = OFF');
    // Triggers and indexes first: a column they name cannot be dropped while they stand.
    for (const { type, name } of added.filter((o) => o.type !== 'table')) {
      db.exec(`DROP ${type.toUpperCase()} IF EXISTS "${name}"`);
    }
    for (const { name } of added.filter((o) => o.type === 'table')) db.exec(`DROP TABLE IF EXISTS "${name}"`);
    for (const { name: table } of objects.filter((o) => o.type === 'table' && old.has(o.name))) {
      const known = new Set(columnsOf(reference, table));
      for (const column of columnsOf(db, table).filter((c) => !known.has(c))) {
        db.exec(`ALTER TABLE "${table}" DROP COLUMN "${column}"`);
      }
    }
    db.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`);
  } finally {
    reference.close();
  }
}
