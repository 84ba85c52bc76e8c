/**
 * An unlocked vault: the open database, the key, and the signed-in user, with what a signed-in
 * user does to the vault itself (add a user, change their password, derive a subkey).
 */
import { hkdfSync, randomUUID } from 'node:crypto';
import type { SessionUser, UserSummary, Role } from '../../../preload/contract';
import type { Db } from '../db/connection';
import { AppError } from '../errors';
import { appendAudit, type AuditEntry } from './audit';
import { readHeader, writeHeader } from './header';
import { databaseKeyFrom } from './database-key';
import { calibrate, type KdfParams } from './kdf';
import { makeSlot, openSlot } from './key-slots';
import { findUserByUsername, insertUser, listUsers } from './users.repo';
import { rotateRecoveryKey } from './key-rotation';
import { removeUser, resetUserPassword } from './user-admin';
import { clearPasswordChange } from './password-change';

export interface VaultOptions {
  /** Electron passes its own build of the SQLite binding (see db/connection.ts). */
  nativeBinding?: string;
  /** KDF parameters for new key slots; calibrated to about 0.5 s on this machine when absent. */
  kdf?: KdfParams;
  now?: () => Date;
}

export function toSessionUser(u: SessionUser, mustChangePassword = false): SessionUser {
  const user: SessionUser = { id: u.id, username: u.username, displayName: u.displayName, role: u.role };
  if (mustChangePassword) user.mustChangePassword = true;
  return user;
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
    /** The vault key (database-key.ts): what slots wrap and subkeys derive from. */
    private readonly key: Buffer,
    private sessionUser: SessionUser,
    private readonly options: VaultOptions,
  ) {}

  /** The signed-in user (without `mustChangePassword` once they have chosen a new password). */
  get user(): SessionUser {
    return this.sessionUser;
  }

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
    const check = await openSlot(header, slot, currentPassword);
    if (!check) throw new AppError('WRONG_PASSWORD', 'Your current password is not right.');
    check.fill(0);
    const replacement = await makeSlot(header, this.key, this.user, newPassword, this.options.kdf ?? slot.kdf);
    this.db
      .transaction(() => {
        this.audit({ action: 'user.password_change', entityType: 'user', entityId: this.user.id });
        clearPasswordChange(this.db, this.user.id);
        writeHeader(this.dir, { ...header, slots: header.slots.map((s) => (s.id === slot.id ? replacement : s)) });
      })
      .immediate();
    if (this.sessionUser.mustChangePassword) this.sessionUser = toSessionUser(this.sessionUser);
  }

  /** Administrators: a new password slot for another user, opened by a temporary password. */
  resetUserPassword(input: { userId: string; temporaryPassword: string }): Promise<void> {
    return resetUserPassword(this, this.key, input, this.options.kdf);
  }

  /** Administrators: another user can no longer sign in; their name stays on their records. */
  removeUser(userId: string): UserSummary {
    return removeUser(this, userId);
  }

  /** Administrators: re-key the database; returns the new recovery key, to be shown once. */
  rotateRecoveryKey(): string {
    return rotateRecoveryKey(this, this.key);
  }

  /**
   * A key for one purpose (e.g. 'attachments-v1'), derived from the vault key with HKDF so the
   * vault key itself never leaves this object (and rotating the database key changes no subkey;
   * in a vault made before the split the vault key is its first database key, as before). Callers must wipe it when done.
   */
  deriveSubkey(purpose: string): Buffer {
    if (this.closed) throw new AppError('LOCKED', 'The vault is locked. Sign in again.');
    return Buffer.from(hkdfSync('sha256', this.key, Buffer.alloc(0), `ncats ${purpose}`, 32));
  }

  /**
   * A subkey of the current database key (the key the recovery key spells out), for what must
   * open with the recovery key alone, before any database is at hand: backups. Everything else
   * derives from the vault key (`deriveSubkey`), which a recovery-key rotation leaves alone.
   */
  deriveDatabaseSubkey(purpose: string): Buffer {
    if (this.closed) throw new AppError('LOCKED', 'The vault is locked. Sign in again.');
    const databaseKey = databaseKeyFrom(readHeader(this.dir), this.key);
    try {
      return Buffer.from(hkdfSync('sha256', databaseKey, Buffer.alloc(0), `ncats ${purpose}`, 32));
    } finally {
      databaseKey.fill(0);
    }
  }

  /**
   * A copy of the current database key and the SQLite binding, for a second connection to the
   * same database in a worker thread (the backup copy, so the window stays live while it runs).
   * The caller hands the key over in a transferable buffer and the worker wipes it.
   */
  databaseKeyForWorker(): { key: Buffer; nativeBinding?: string } {
    if (this.closed) throw new AppError('LOCKED', 'The vault is locked. Sign in again.');
    return { key: databaseKeyFrom(readHeader(this.dir), this.key), nativeBinding: this.options.nativeBinding };
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
