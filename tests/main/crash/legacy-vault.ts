/**
 * A vault as an older version of the app left it, at schema 140 (before the statistics indexes,
 * the backup history, the stored vault key and everything since), made from a new vault by
 * undoing every later migration (undo-migrations.ts). Such a vault has one key: its slots wrap the database
 * key itself, so the database is re-keyed to the vault key and the header's envelope dropped.
 * The case history is padded so that the indexes of m0150 take a while to build, which gives a
 * kill room to land inside the migration transaction.
 */
import { openEncrypted } from '../../../main/core/db/connection';
import { LATEST_VERSION, migrate, schemaVersion } from '../../../main/core/db/migrations/index';
import { rekeyDatabase, storedVaultKey } from '../../../main/core/vault/database-key';
import { databasePath, readHeader, writeHeader } from '../../../main/core/vault/header';
import { keyCheck, parseRecoveryKey } from '../../../main/core/vault/recovery-key';
import { cpSync, rmSync } from 'node:fs';
import { referralSchema } from '../../../preload/contract/case-records';
import { createCase } from '../../../main/core/cases/cases.service';
import { newVault } from '../core/temp-vault';
import { undoMigrationsAfter } from '../core/undo-migrations';

export const LEGACY_VERSION = 140;
const PADDING_ROWS = 60_000;

/** What the schema is: the version and every table, index and trigger with its SQL. */
export interface SchemaState {
  version: number;
  objects: string[];
}

export function schemaOf(dir: string, keyHex: string): SchemaState {
  const db = openEncrypted(databasePath(dir), Buffer.from(keyHex, 'hex'));
  try {
    const rows = db.prepare(`SELECT type, name, sql FROM sqlite_master ORDER BY type, name`).all() as {
      type: string;
      name: string;
      sql: string | null;
    }[];
    return { version: schemaVersion(db), objects: rows.map((r) => `${r.type} ${r.name}: ${r.sql ?? ''}`) };
  } finally {
    db.close();
  }
}

export interface LegacyVault {
  dir: string;
  /** The one key of a vault of that age (database key and vault key alike), as hex. */
  keyHex: string;
  before: SchemaState;
  after: SchemaState;
  /** Every row of case_status_history (the padding and the case's own). */
  historyRows: number;
}

export async function legacyVault(dir: string): Promise<LegacyVault> {
  const { vault, recoveryKey } = await newVault(dir);
  const userId = vault.user.id;
  const caseId = createCase(
    vault,
    referralSchema.parse({
      referralDate: '2026-01-12',
      youngPerson: { givenName: 'Old', familyName: 'Schema', dateOfBirth: '2012-05-01' },
    }),
  ).id;
  vault.close();
  const databaseKey = parseRecoveryKey(recoveryKey);
  const db = openEncrypted(databasePath(dir), databaseKey);
  const vaultKey = storedVaultKey(db);
  if (!vaultKey) throw new Error('a new vault stores its vault key');
  undoMigrationsAfter(db, LEGACY_VERSION);
  db.pragma(`user_version = ${LEGACY_VERSION}`);
  db.prepare(
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${PADDING_ROWS})
     INSERT INTO case_status_history (id, case_id, from_status, to_status, reason, changed_at, changed_by)
     SELECT lower(hex(randomblob(16))), ?, 'referred', 'accepted', 'padding ' || i,
            strftime('%Y-%m-%dT%H:%M:%fZ', '2020-01-01', '+' || i || ' minutes'), ? FROM n`,
  ).run(caseId, userId);
  const historyRows = (db.prepare('SELECT count(*) AS n FROM case_status_history').get() as { n: number }).n;
  rekeyDatabase(db, vaultKey);
  db.close();
  const header = readHeader(dir);
  const database = { ...header.database, keyCheck: keyCheck(vaultKey) };
  delete database.wrappedKey;
  writeHeader(dir, { ...header, database });
  const keyHex = vaultKey.toString('hex');
  const before = schemaOf(dir, keyHex);
  // What a whole migration gives, from a copy (the vault itself stays at 140).
  const copy = `${dir}-migrated`;
  cpSync(dir, copy, { recursive: true });
  const migrated = openEncrypted(databasePath(copy), vaultKey);
  migrate(migrated);
  migrated.close();
  const after = schemaOf(copy, keyHex);
  rmSync(copy, { recursive: true, force: true });
  if (after.version !== LATEST_VERSION) throw new Error('the copy did not reach the latest schema');
  return { dir, keyHex, before, after, historyRows };
}
