/**
 * The two keys of a vault, and re-keying the database between them.
 *
 * - The **vault key** is what every password slot wraps and every subkey derives from
 *   (`OpenVault.deriveSubkey`: documents, signing keys). It never changes, so rotating the
 *   recovery key needs nobody's password and re-encrypts no document.
 * - The **database key** is what SQLCipher encrypts `vault.db` with, and the recovery key is
 *   that key written out (recovery-key.ts), so stock SQLCipher opens the file with it. The header
 *   holds it wrapped by the vault key (`database.wrappedKey`); the vault key in turn is kept
 *   inside the database (table `vault_key`), which is how the recovery key finds it.
 *
 * After a rotation the old recovery key opens neither the database (re-keyed) nor the envelope
 * (wrapped by the vault key, which the old key never reaches). A copy of the database taken
 * before the rotation (an old backup) still opens with the old key: it keeps its own key.
 *
 * A vault made before this split has no `wrappedKey`: its slots wrap its first database key
 * directly, so that key is also its vault key, and rotating it would leave the old recovery key
 * able to unwrap the new one. Such vaults refuse rotation with a reason.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import type { Db } from '../db/connection';
import { AppError } from '../errors';
import type { VaultHeader } from './header';
import { unwrapKey, wrapKey, type Wrapped } from './keywrap';

function envelopeAad(vaultId: string): string {
  return `ncats-database-key-v1|${vaultId}`;
}

function rotationAad(vaultId: string): string {
  return `ncats-database-key-rotation-v1|${vaultId}`;
}

/** The database key wrapped by the vault key, for `header.database.wrappedKey`. */
export function wrapDatabaseKey(vaultId: string, vaultKey: Buffer, databaseKey: Buffer): Wrapped {
  return wrapKey(vaultKey, databaseKey, envelopeAad(vaultId));
}

/** True when the vault's database key is held apart from its vault key, so it can be rotated. */
export function canRotateDatabaseKey(header: VaultHeader): boolean {
  return header.database.wrappedKey !== undefined;
}

/** The current database key (a fresh buffer the caller wipes), found from the vault key. */
export function databaseKeyFrom(header: VaultHeader, vaultKey: Buffer): Buffer {
  const wrapped = header.database.wrappedKey;
  if (!wrapped) return Buffer.from(vaultKey);
  const key = unwrapKey(vaultKey, wrapped, envelopeAad(header.vaultId));
  if (!key) {
    throw new AppError(
      'VAULT_CORRUPT',
      'The vault header (vault.json) holds a database key this vault cannot open. Restore it from a backup, or use the recovery key with SQLCipher.',
    );
  }
  return key;
}

/** A rotation's next database key, wrapped by the current one, for `header.database.rotation`. */
export function wrapNextDatabaseKey(vaultId: string, currentKey: Buffer, nextKey: Buffer): Wrapped {
  return wrapKey(currentKey, nextKey, rotationAad(vaultId));
}

/** The next database key of an unfinished rotation, or null when none is recorded. */
export function pendingDatabaseKey(header: VaultHeader, currentKey: Buffer): Buffer | null {
  const rotation = header.database.rotation;
  if (!rotation) return null;
  return unwrapKey(currentKey, rotation.wrappedKey, rotationAad(header.vaultId));
}

/** The vault key kept in the database, or null in a vault made before it was kept there. */
export function storedVaultKey(db: Db): Buffer | null {
  const row = db.prepare('SELECT key FROM vault_key WHERE id = 1').get() as { key: Buffer } | undefined;
  return row ? Buffer.from(row.key) : null;
}

export function storeVaultKey(db: Db, vaultKey: Buffer): void {
  db.prepare('INSERT INTO vault_key (id, key) VALUES (1, ?)').run(vaultKey);
}

/** SQLCipher keeps a database's 16-byte salt in the clear at the start of the file. */
const SALT_BYTES = 16;

function fileSalt(file: string): Buffer {
  const salt = Buffer.alloc(SALT_BYTES);
  const fd = openSync(file, 'r');
  try {
    if (readSync(fd, salt, 0, SALT_BYTES, 0) !== SALT_BYTES) throw new Error('the database file is too short');
  } finally {
    closeSync(fd);
  }
  return salt;
}

/**
 * Re-encrypt every page of the open database under `key`. SQLCipher cannot re-key in WAL mode,
 * so the log is checkpointed into the file and the journal switched to DELETE for the re-key:
 * then the re-key is one rollback-journal transaction, and a crash half-way leaves the file
 * wholly under the old key once the journal is rolled back at the next open. WAL is switched
 * back on afterwards, whatever happened.
 *
 * The salt is kept (`x'<key><salt>'`): a plain re-key writes a new salt into page 1, and a crash
 * after page 1 reached the file but before the journal was deleted left a file that neither key
 * opened (SQLCipher reads the salt from the file before rolling the journal back). The kill test
 * in tests/main/core/vault/key-rotation.test.ts found it.
 */
export function rekeyDatabase(db: Db, key: Buffer): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
  const salt = fileSalt(db.name);
  const literal = Buffer.from(`x'${key.toString('hex')}${salt.toString('hex')}'`, 'latin1');
  try {
    db.pragma('journal_mode = DELETE');
    db.rekey(literal);
  } finally {
    literal.fill(0);
    db.pragma('journal_mode = WAL');
  }
}
