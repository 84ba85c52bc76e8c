/**
 * Signing in: with a password (unlockVault) or with the recovery key and a new password
 * (recoverVault). Both find the database key from a credential, then open the same session:
 * the database is opened and migrated, failed attempts recorded in the header are written to the
 * audit log, and the user's back-off is cleared.
 */
import { existsSync } from 'node:fs';
import { backupBeforeMigration } from '../backup/before-migration';
import { openEncrypted, type Db } from '../db/connection';
import { migrate } from '../db/migrations/index';
import { AppError } from '../errors';
import { appendAudit } from './audit';
import { waitRemaining } from './backoff';
import { databaseKeyFrom, pendingDatabaseKey, rekeyDatabase, storedVaultKey } from './database-key';
import { MAX_PENDING_AUDIT, databasePath, readHeader, writeHeader, type VaultHeader } from './header';
import { deriveKey, newSalt, scryptParams } from './kdf';
import { makeSlot, openSlot } from './key-slots';
import { OpenVault, toSessionUser, type VaultOptions } from './open-vault';
import { clearPasswordChange, passwordChangeRequired } from './password-change';
import { keyMatchesCheck, parseRecoveryKey } from './recovery-key';
import { requireWritable } from './vault-folder';
import { findUserById } from './users.repo';

const WRONG_PASSWORD_MESSAGE = 'That user name and password do not match. Check them and try again.';

/** What a credential opened: the database key, whose it is, and how the sign-in is audited. */
interface Unlocked {
  /** The current database key (the recovery key, or unwrapped from the header by the vault key). */
  databaseKey: Buffer;
  /** The vault key from a password slot; a recovery-key sign-in reads it from the database. */
  vaultKey?: Buffer;
  userId: string;
  action: 'session.unlock' | 'session.unlock_with_recovery_key';
  /** Header changes that take effect only if the session opens (a recovered user's new slot). */
  headerChanges?: (vaultKey: Buffer) => Promise<Partial<VaultHeader>>;
}

/**
 * Open the database with the current key. If that fails and the header records a rotation that
 * never finished, the crash came after the re-key committed but before the header caught up:
 * open with the next key and re-key back, so the vault is exactly as before the rotation began
 * (its new recovery key was never shown to anyone). The caller's header write drops the record.
 */
function openCurrentDatabase(
  dir: string,
  header: VaultHeader,
  databaseKey: Buffer,
  options: VaultOptions,
): { db: Db; rotationUndone: boolean } {
  try {
    return { db: openEncrypted(databasePath(dir), databaseKey, options), rotationUndone: false };
  } catch (err) {
    const next = pendingDatabaseKey(header, databaseKey);
    if (!next) throw err;
    try {
      const db = openEncrypted(databasePath(dir), next, options);
      rekeyDatabase(db, databaseKey);
      return { db, rotationUndone: true };
    } finally {
      next.fill(0);
    }
  }
}

/** Record a failed unlock in the header (back-off and pending audit). Best effort. */
function recordFailure(dir: string, header: VaultHeader, username: string, now: Date): void {
  const previous = header.lockout[username]?.failures ?? 0;
  const pending = [...header.pendingAudit, { at: now.toISOString(), action: 'session.unlock_failed', username }];
  try {
    writeHeader(dir, {
      ...header,
      lockout: { ...header.lockout, [username]: { failures: previous + 1, lastFailureAt: now.toISOString() } },
      pendingAudit: pending.slice(-MAX_PENDING_AUDIT),
    });
  } catch {
    // A read-only or full disk must not turn a wrong password into a different error.
  }
}

/** Open the database, bring it up to date, flush pending audit rows and sign the user in. */
async function openSession(
  dir: string,
  header: VaultHeader,
  unlocked: Unlocked,
  options: VaultOptions,
): Promise<OpenVault> {
  const { databaseKey } = unlocked;
  const now = options.now?.() ?? new Date();
  let db: Db;
  let rotationUndone: boolean;
  try {
    // Opening a missing file would quietly create an empty database and migrate it.
    if (!existsSync(databasePath(dir))) {
      throw new AppError(
        'VAULT_CORRUPT',
        'The vault database (vault.db) is missing from the vault folder. Restore it from a backup.',
      );
    }
    requireWritable(dir, 'the sign-in');
    ({ db, rotationUndone } = openCurrentDatabase(dir, header, databaseKey, options));
  } catch (err) {
    databaseKey.fill(0);
    unlocked.vaultKey?.fill(0);
    throw err;
  }
  let vaultKey: Buffer | undefined = unlocked.vaultKey;
  try {
    // An upgrade keeps a copy of the vault as it was (main/core/backup/before-migration.ts).
    backupBeforeMigration(db, dir, now);
    migrate(db);
    // A vault made before the two keys were split has no stored vault key: there they are one.
    vaultKey ??= storedVaultKey(db) ?? Buffer.from(databaseKey);
    const user = findUserById(db, unlocked.userId);
    if (!user) throw new AppError('WRONG_PASSWORD', WRONG_PASSWORD_MESSAGE);
    if (user.disabled) throw new AppError('FORBIDDEN', 'This account has been disabled. Ask an administrator.');
    const changes = unlocked.headerChanges ? await unlocked.headerChanges(vaultKey) : {};
    const database = { ...header.database };
    delete database.rotation;
    db.transaction(() => {
      for (const p of header.pendingAudit) {
        appendAudit(db, { at: p.at, userId: null, username: p.username, action: p.action });
      }
      if (rotationUndone) {
        // The new key was never shown, so the interrupted rotation is undone rather than finished.
        appendAudit(db, {
          at: now.toISOString(),
          userId: null,
          username: user.username,
          action: 'vault.recovery_key_rotation_undone',
        });
      }
      appendAudit(db, { at: now.toISOString(), userId: user.id, username: user.username, action: unlocked.action });
      // A password set with the recovery key is the user's own choice: nothing is left to change.
      if (unlocked.action === 'session.unlock_with_recovery_key') clearPasswordChange(db, user.id);
      const lockout = Object.fromEntries(Object.entries(header.lockout).filter(([name]) => name !== user.username));
      writeHeader(dir, { ...header, database, ...changes, lockout, pendingAudit: [] });
    }).immediate();
    const opened = new OpenVault(dir, db, vaultKey, toSessionUser(user, passwordChangeRequired(db, user.id)), options);
    databaseKey.fill(0);
    return opened;
  } catch (err) {
    db.close();
    databaseKey.fill(0);
    vaultKey?.fill(0);
    throw err;
  }
}

/** The one shape of every sign-in: read the header, let the credential find the key, open the session. */
async function signIn(
  dir: string,
  options: VaultOptions,
  unlockWith: (header: VaultHeader) => Promise<Unlocked>,
): Promise<OpenVault> {
  const header = readHeader(dir);
  return await openSession(dir, header, await unlockWith(header), options);
}

/** An unknown user costs the same KDF run as a known one, so timing does not reveal names. */
async function deriveForUnknownUser(header: VaultHeader, password: string): Promise<null> {
  const wasted = await deriveKey(password, newSalt(), header.slots[0]?.kdf ?? scryptParams(2 ** 14));
  wasted.fill(0);
  return null;
}

/** The database key from `username`'s password, honouring and feeding the back-off. */
async function keyFromPassword(
  dir: string,
  header: VaultHeader,
  username: string,
  password: string,
  now: Date,
): Promise<Unlocked> {
  const wait = waitRemaining(header.lockout[username], now);
  if (wait > 0) {
    throw new AppError(
      'RATE_LIMITED',
      `Too many failed attempts. Try again in ${Math.ceil(wait / 1000)} seconds.`,
      wait,
    );
  }
  const slot = header.slots.find((s) => s.username === username);
  const vaultKey = slot ? await openSlot(header, slot, password) : await deriveForUnknownUser(header, password);
  if (!slot || !vaultKey) {
    recordFailure(dir, header, username, now);
    throw new AppError('WRONG_PASSWORD', WRONG_PASSWORD_MESSAGE);
  }
  try {
    return { databaseKey: databaseKeyFrom(header, vaultKey), vaultKey, userId: slot.userId, action: 'session.unlock' };
  } catch (err) {
    vaultKey.fill(0);
    throw err;
  }
}

/** The database key from the recovery key, with a new slot for `username` holding `newPassword`. */
async function keyFromRecoveryKey(
  header: VaultHeader,
  recoveryKey: string,
  username: string,
  newPassword: string,
  options: VaultOptions,
): Promise<Unlocked> {
  const key = parseRecoveryKey(recoveryKey);
  if (!keyMatchesCheck(key, header.database.keyCheck)) {
    key.fill(0);
    throw new AppError(
      'WRONG_RECOVERY_KEY',
      'That recovery key does not belong to this vault. Check each group of characters.',
    );
  }
  const slot = header.slots.find((s) => s.username === username);
  if (!slot) {
    key.fill(0);
    throw new AppError('NOT_FOUND', `There is no user called ${username} in this vault.`);
  }
  const user = { id: slot.userId, username, role: slot.role };
  // The new slot wraps the vault key, which only the opened database holds.
  const headerChanges = async (vaultKey: Buffer): Promise<Partial<VaultHeader>> => {
    const replacement = await makeSlot(header, vaultKey, user, newPassword, options.kdf ?? slot.kdf);
    return { slots: header.slots.map((s) => (s.id === slot.id ? replacement : s)) };
  };
  return { databaseKey: key, userId: slot.userId, action: 'session.unlock_with_recovery_key', headerChanges };
}

/** Sign in as `username` with their password. */
export function unlockVault(
  dir: string,
  username: string,
  password: string,
  options: VaultOptions = {},
): Promise<OpenVault> {
  const now = options.now?.() ?? new Date();
  return signIn(dir, options, (header) => keyFromPassword(dir, header, username, password, now));
}

/** Set a new password for `username` using the recovery key, and sign in as that user. */
export function recoverVault(
  dir: string,
  recoveryKey: string,
  username: string,
  newPassword: string,
  options: VaultOptions = {},
): Promise<OpenVault> {
  return signIn(dir, options, (header) => keyFromRecoveryKey(header, recoveryKey, username, newPassword, options));
}
