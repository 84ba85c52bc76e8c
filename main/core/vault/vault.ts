import { hkdfSync, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import type { SessionUser, UserSummary, Role } from '../../../preload/contract';
import { openEncrypted, type Db } from '../db/connection';
import { migrate } from '../db/migrations/index';
import { AppError, fsError } from '../errors';
import { appendAudit, type AuditEntry } from './audit';
import { waitRemaining } from './backoff';
import {
  HEADER_FORMAT,
  HEADER_FORMAT_VERSION,
  MAX_PENDING_AUDIT,
  databasePath,
  headerPath,
  readHeader,
  writeHeader,
  type PasswordSlot,
  type VaultHeader,
} from './header';
import { calibrate, deriveKey, newSalt, scryptParams, type KdfParams } from './kdf';
import { unwrapKey, wrapKey } from './keywrap';
import { makeVaultFolder, requireWritable } from './vault-folder';
import { formatRecoveryKey, keyCheck, keyMatchesCheck, parseRecoveryKey } from './recovery-key';
import { findUserById, findUserByUsername, insertUser, listUsers } from './users.repo';

export interface VaultOptions {
  /** Electron passes its own build of the SQLite binding (see db/connection.ts). */
  nativeBinding?: string;
  /** KDF parameters for new key slots; calibrated to about 0.5 s on this machine when absent. */
  kdf?: KdfParams;
  now?: () => Date;
}

const WRONG_PASSWORD_MESSAGE = 'That user name and password do not match. Check them and try again.';

function slotAad(vaultId: string, slotId: string, userId: string): string {
  return `ncats-slot-v1|${vaultId}|${slotId}|${userId}`;
}

async function makeSlot(
  header: Pick<VaultHeader, 'vaultId'>,
  key: Buffer,
  user: { id: string; username: string; role: Role },
  password: string,
  kdf: KdfParams,
): Promise<PasswordSlot> {
  const id = randomUUID();
  const salt = newSalt();
  const kek = await deriveKey(password, salt, kdf);
  try {
    const wrapped = wrapKey(kek, key, slotAad(header.vaultId, id, user.id));
    return {
      id,
      kind: 'password',
      userId: user.id,
      username: user.username,
      role: user.role,
      kdf,
      salt: salt.toString('base64'),
      wrapped,
    };
  } finally {
    kek.fill(0);
  }
}

/** True when `dir` already holds a vault (or the remains of one we must not overwrite). */
export function vaultExists(dir: string): boolean {
  return existsSync(headerPath(dir)) || existsSync(databasePath(dir));
}

/**
 * An unlocked vault: the open database, the key, and the signed-in user. Everything a session
 * does goes through this object; `close()` drops the handle and wipes the key.
 */
export class OpenVault {
  private closed = false;

  constructor(
    readonly dir: string,
    readonly db: Db,
    private readonly key: Buffer,
    readonly user: SessionUser,
    private readonly options: VaultOptions,
  ) {}

  get isOpen(): boolean {
    return !this.closed;
  }

  now(): Date {
    return this.options.now?.() ?? new Date();
  }

  /** Append an audit row attributed to the signed-in user. */
  audit(entry: Omit<AuditEntry, 'at' | 'userId' | 'username'>): void {
    appendAudit(this.db, {
      ...entry,
      at: this.now().toISOString(),
      userId: this.user.id,
      username: this.user.username,
    });
  }

  async addUser(input: { username: string; displayName: string; password: string; role: Role }): Promise<UserSummary> {
    if (findUserByUsername(this.db, input.username)) {
      throw new AppError('CONFLICT', `There is already a user called ${input.username}.`);
    }
    const header = readHeader(this.dir);
    const user: UserSummary = {
      id: randomUUID(),
      username: input.username,
      displayName: input.displayName,
      role: input.role,
      createdAt: this.now().toISOString(),
      disabled: false,
    };
    const slot = await makeSlot(
      header,
      this.key,
      user,
      input.password,
      this.options.kdf ?? header.slots[0]?.kdf ?? (await calibrate()),
    );
    // The header is written inside the transaction: if it cannot be written, the user row rolls back.
    this.db
      .transaction(() => {
        insertUser(this.db, user);
        this.audit({
          action: 'user.create',
          entityType: 'user',
          entityId: user.id,
          detail: { username: user.username, role: user.role },
        });
        writeHeader(this.dir, { ...header, slots: [...header.slots, slot] });
      })
      .immediate();
    return user;
  }

  async changePassword(currentPassword: string, newPassword: string): Promise<void> {
    const header = readHeader(this.dir);
    const slot = header.slots.find((s) => s.userId === this.user.id);
    if (!slot) throw new AppError('NOT_FOUND', 'Your key slot is missing from the vault header.');
    const kek = await deriveKey(currentPassword, Buffer.from(slot.salt, 'base64'), slot.kdf);
    const check = unwrapKey(kek, slot.wrapped, slotAad(header.vaultId, slot.id, slot.userId));
    kek.fill(0);
    if (!check) throw new AppError('WRONG_PASSWORD', 'Your current password is not right.');
    check.fill(0);
    const replacement = await makeSlot(header, this.key, this.user, newPassword, this.options.kdf ?? slot.kdf);
    this.db
      .transaction(() => {
        this.audit({ action: 'user.password_change', entityType: 'user', entityId: this.user.id });
        writeHeader(this.dir, { ...header, slots: header.slots.map((s) => (s.id === slot.id ? replacement : s)) });
      })
      .immediate();
  }

  /**
   * A key for one purpose (e.g. 'attachments-v1'), derived from the database key with HKDF so
   * the database key itself never leaves this object. Callers must wipe it when done.
   */
  deriveSubkey(purpose: string): Buffer {
    if (this.closed) throw new AppError('LOCKED', 'The vault is locked. Sign in again.');
    return Buffer.from(hkdfSync('sha256', this.key, Buffer.alloc(0), `ncats ${purpose}`, 32));
  }

  listUsers(): UserSummary[] {
    return listUsers(this.db);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      this.db.close();
    } finally {
      this.key.fill(0);
    }
  }
}

function toSessionUser(u: UserSummary): SessionUser {
  return { id: u.id, username: u.username, displayName: u.displayName, role: u.role };
}

/** Create a vault with its first administrator. Returns it unlocked, and the recovery key. */
export async function createVault(
  dir: string,
  input: { username: string; displayName: string; password: string },
  options: VaultOptions = {},
): Promise<{ vault: OpenVault; recoveryKey: string }> {
  if (vaultExists(dir)) throw new AppError('VAULT_EXISTS', `There is already a vault in ${dir}.`);
  makeVaultFolder(dir);
  const now = options.now?.() ?? new Date();
  const key = randomBytes(32);
  const kdf = options.kdf ?? (await calibrate());
  const user: UserSummary = {
    id: randomUUID(),
    username: input.username,
    displayName: input.displayName,
    role: 'administrator',
    createdAt: now.toISOString(),
    disabled: false,
  };
  const vaultId = randomUUID();
  const slot = await makeSlot({ vaultId }, key, user, input.password, kdf);
  const header: VaultHeader = {
    format: HEADER_FORMAT,
    formatVersion: HEADER_FORMAT_VERSION,
    vaultId,
    createdAt: now.toISOString(),
    database: { file: 'vault.db', cipher: 'sqlcipher', legacy: 4, keyCheck: keyCheck(key) },
    slots: [slot],
    lockout: {},
    pendingAudit: [],
  };
  let db: Db | undefined;
  try {
    db = openEncrypted(databasePath(dir), key, options);
    migrate(db);
    const opened = db;
    opened
      .transaction(() => {
        insertUser(opened, user);
        appendAudit(opened, {
          at: now.toISOString(),
          userId: user.id,
          username: user.username,
          action: 'vault.create',
          detail: { vaultId },
        });
        appendAudit(opened, {
          at: now.toISOString(),
          userId: user.id,
          username: user.username,
          action: 'session.unlock',
        });
      })
      .immediate();
    // The header goes last: its presence is what makes the folder a vault.
    writeHeader(dir, header);
  } catch (err) {
    db?.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(databasePath(dir) + suffix, { force: true });
    key.fill(0);
    fsError(err, 'the new vault');
  }
  return { vault: new OpenVault(dir, db, key, toSessionUser(user), options), recoveryKey: formatRecoveryKey(key) };
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
function openSession(
  dir: string,
  header: VaultHeader,
  key: Buffer,
  userId: string,
  action: string,
  options: VaultOptions,
  extraHeader?: Partial<VaultHeader>,
): OpenVault {
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
    const user = findUserById(db, userId);
    if (!user) throw new AppError('WRONG_PASSWORD', WRONG_PASSWORD_MESSAGE);
    if (user.disabled) throw new AppError('FORBIDDEN', 'This account has been disabled. Ask an administrator.');
    db.transaction(() => {
      for (const p of header.pendingAudit) {
        appendAudit(db, { at: p.at, userId: null, username: p.username, action: p.action });
      }
      appendAudit(db, { at: now.toISOString(), userId: user.id, username: user.username, action });
      const lockout = Object.fromEntries(Object.entries(header.lockout).filter(([name]) => name !== user.username));
      writeHeader(dir, { ...header, ...extraHeader, lockout, pendingAudit: [] });
    }).immediate();
    return new OpenVault(dir, db, key, toSessionUser(user), options);
  } catch (err) {
    db.close();
    key.fill(0);
    throw err;
  }
}

export async function unlockVault(
  dir: string,
  username: string,
  password: string,
  options: VaultOptions = {},
): Promise<OpenVault> {
  const header = readHeader(dir);
  const now = options.now?.() ?? new Date();
  const wait = waitRemaining(header.lockout[username], now);
  if (wait > 0) {
    throw new AppError(
      'RATE_LIMITED',
      `Too many failed attempts. Try again in ${Math.ceil(wait / 1000)} seconds.`,
      wait,
    );
  }
  const slot = header.slots.find((s) => s.username === username);
  // An unknown user costs the same KDF run as a known one, so timing does not reveal names.
  const kdf = slot?.kdf ?? header.slots[0]?.kdf ?? scryptParams(2 ** 14);
  const salt = slot ? Buffer.from(slot.salt, 'base64') : newSalt();
  const kek = await deriveKey(password, salt, kdf);
  const key = slot ? unwrapKey(kek, slot.wrapped, slotAad(header.vaultId, slot.id, slot.userId)) : null;
  kek.fill(0);
  if (!slot || !key) {
    recordFailure(dir, header, username, now);
    throw new AppError('WRONG_PASSWORD', WRONG_PASSWORD_MESSAGE);
  }
  return openSession(dir, header, key, slot.userId, 'session.unlock', options);
}

/** Set a new password for `username` using the recovery key, and sign in as that user. */
export async function recoverVault(
  dir: string,
  recoveryKey: string,
  username: string,
  newPassword: string,
  options: VaultOptions = {},
): Promise<OpenVault> {
  const header = readHeader(dir);
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
  const replacement = await makeSlot(
    header,
    key,
    { id: slot.userId, username, role: slot.role },
    newPassword,
    options.kdf ?? slot.kdf,
  );
  const slots = header.slots.map((s) => (s.id === slot.id ? replacement : s));
  return openSession(dir, header, key, slot.userId, 'session.unlock_with_recovery_key', options, { slots });
}
