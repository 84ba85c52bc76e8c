/**
 * Signing in: with a password (unlockVault) or with the recovery key and a new password
 * (recoverVault). Both find the database key from a credential, then open the same session:
 * the database is opened and migrated, failed attempts recorded in the header are written to the
 * audit log, and the user's back-off is cleared.
 */
import { existsSync } from 'node:fs';
import { openEncrypted, type Db } from '../db/connection';
import { migrate } from '../db/migrations/index';
import { AppError } from '../errors';
import { appendAudit } from './audit';
import { waitRemaining } from './backoff';
import { MAX_PENDING_AUDIT, databasePath, readHeader, writeHeader, type VaultHeader } from './header';
import { deriveKey, newSalt, scryptParams } from './kdf';
import { makeSlot, openSlot } from './key-slots';
import { OpenVault, toSessionUser, type VaultOptions } from './open-vault';
import { keyMatchesCheck, parseRecoveryKey } from './recovery-key';
import { requireWritable } from './vault-folder';
import { findUserById } from './users.repo';

const WRONG_PASSWORD_MESSAGE = 'That user name and password do not match. Check them and try again.';

/** What a credential opened: the database key, whose it is, and how the sign-in is audited. */
interface Unlocked {
  key: Buffer;
  userId: string;
  action: 'session.unlock' | 'session.unlock_with_recovery_key';
  /** Header changes that take effect only if the session opens (a recovered user's new slot). */
  headerChanges?: Partial<VaultHeader>;
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
function openSession(dir: string, header: VaultHeader, unlocked: Unlocked, options: VaultOptions): OpenVault {
  const { key } = unlocked;
  const now = options.now?.() ?? new Date();
  let db: Db;
  try {
    // Opening a missing file would quietly create an empty database and migrate it.
    if (!existsSync(databasePath(dir))) {
      throw new AppError(
        'VAULT_CORRUPT',
        'The vault database (vault.db) is missing from the vault folder. Restore it from a backup.',
      );
    }
    requireWritable(dir, 'the sign-in');
    db = openEncrypted(databasePath(dir), key, options);
  } catch (err) {
    key.fill(0);
    throw err;
  }
  try {
    migrate(db);
    const user = findUserById(db, unlocked.userId);
    if (!user) throw new AppError('WRONG_PASSWORD', WRONG_PASSWORD_MESSAGE);
    if (user.disabled) throw new AppError('FORBIDDEN', 'This account has been disabled. Ask an administrator.');
    db.transaction(() => {
      for (const p of header.pendingAudit) {
        appendAudit(db, { at: p.at, userId: null, username: p.username, action: p.action });
      }
      appendAudit(db, { at: now.toISOString(), userId: user.id, username: user.username, action: unlocked.action });
      const lockout = Object.fromEntries(Object.entries(header.lockout).filter(([name]) => name !== user.username));
      writeHeader(dir, { ...header, ...unlocked.headerChanges, lockout, pendingAudit: [] });
    }).immediate();
    return new OpenVault(dir, db, key, toSessionUser(user), options);
  } catch (err) {
    db.close();
    key.fill(0);
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
  return openSession(dir, header, await unlockWith(header), options);
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
  const key = slot ? await openSlot(header, slot, password) : await deriveForUnknownUser(header, password);
  if (!slot || !key) {
    recordFailure(dir, header, username, now);
    throw new AppError('WRONG_PASSWORD', WRONG_PASSWORD_MESSAGE);
  }
  return { key, userId: slot.userId, action: 'session.unlock' };
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
  const replacement = await makeSlot(header, key, user, newPassword, options.kdf ?? slot.kdf);
  const slots = header.slots.map((s) => (s.id === slot.id ? replacement : s));
  return { key, userId: slot.userId, action: 'session.unlock_with_recovery_key', headerChanges: { slots } };
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
