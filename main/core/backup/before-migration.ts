/**
 * A copy of the vault taken just before a newer version of the app migrates its schema, so an
 * upgrade that goes wrong (or an app version IT has to roll back) never costs the records.
 *
 * It cannot be an ordinary `.ncatsbackup`: that needs an open, migrated vault, and this runs
 * before the migration. Instead the database is copied with `VACUUM INTO` (ciphertext under
 * the vault's own key, from one consistent snapshot: see create-backup.ts for why not
 * `db.backup()`) and the header beside it, which holds the key slots that open that copy.
 * Blobs are not copied: they are immutable, written once, and no migration touches them.
 *
 *   <vault>/pre-migration/schema-<from>-to-<to>-<yyyymmddThhmmssZ>/vault.db, vault.json
 *
 * The folder is written as `<name>.partial` and renamed, so a crash halfway leaves no copy
 * that looks complete; if the copy fails (a full disk) the migration does not run either.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../db/connection';
import { LATEST_VERSION, schemaVersion } from '../db/migrations/index';
import { fsError } from '../errors';
import { DATABASE_FILE, HEADER_FILE, headerPath } from '../vault/header';

export const PRE_MIGRATION_FOLDER = 'pre-migration';

/**
 * How many copies are kept: the one just taken and the one before it (a roll-back across two
 * upgrades). Older ones go, because each is a whole database, and because records disposed of
 * under the retention rules must not live on for ever in a copy nobody reviews.
 */
export const PRE_MIGRATION_KEEP = 2;

/** Remove all but the newest `keep` finished copies (names sort by their time stamp). */
function pruneOlderCopies(parent: string, keep: number): void {
  const finished = readdirSync(parent)
    .filter((name) => name.startsWith('schema-') && !name.endsWith('.partial'))
    .sort((a, b) => a.slice(a.lastIndexOf('-') + 1).localeCompare(b.slice(b.lastIndexOf('-') + 1)));
  for (const name of finished.slice(0, Math.max(0, finished.length - keep))) {
    rmSync(join(parent, name), { recursive: true, force: true });
  }
}

function stamp(now: Date): string {
  return now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}

/**
 * If `db` (the vault in `dir`, open and keyed) has migrations pending, copy it and its header
 * into the vault's pre-migration folder and return the copy's folder; otherwise return null.
 * A brand-new database (schema 0) has nothing to lose and is not copied.
 */
export function backupBeforeMigration(db: Db, dir: string, now: Date, latest = LATEST_VERSION): string | null {
  const from = schemaVersion(db);
  if (from === 0 || from >= latest) return null;
  const parent = join(dir, PRE_MIGRATION_FOLDER);
  const target = join(parent, `schema-${from}-to-${latest}-${stamp(now)}`);
  const partial = `${target}.partial`;
  try {
    mkdirSync(parent, { recursive: true, mode: 0o700 });
    rmSync(partial, { recursive: true, force: true });
    mkdirSync(partial, { mode: 0o700 });
    db.prepare('VACUUM INTO ?').run(join(partial, DATABASE_FILE));
    copyFileSync(headerPath(dir), join(partial, HEADER_FILE));
    if (existsSync(target)) rmSync(target, { recursive: true, force: true });
    renameSync(partial, target);
    pruneOlderCopies(parent, PRE_MIGRATION_KEEP);
  } catch (err) {
    rmSync(partial, { recursive: true, force: true });
    fsError(err, 'the copy taken before upgrading the vault');
  }
  return target;
}
