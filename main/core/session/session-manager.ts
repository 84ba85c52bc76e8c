import type { EventName, EventPayloads, LockReason, SessionUser, VaultStatus } from '../../../preload/contract';
import { sweepBlobStore, sweepCutoff } from '../documents/blob-sweep';
import { AppError } from '../errors';
import { AFTER_SIGN_IN } from './after-sign-in';
import { createVault, recoverVault, unlockVault, vaultExists, type OpenVault, type VaultOptions } from '../vault/vault';

export const DEFAULT_IDLE_LOCK_MINUTES = 10;

export interface SessionManagerOptions {
  vault?: VaultOptions;
  /** Lock after this long without activity. */
  idleLockMs?: number;
  /** Delivers main -> renderer events (Electron: webContents.send; browser host: SSE). */
  onEvent?: <E extends EventName>(event: E, payload: EventPayloads[E]) => void;
}

/**
 * Owns the one vault folder this process serves and the session on it: at most one signed-in
 * user at a time, locked explicitly, on idle, or by the OS (the Electron shell calls `lock`).
 */
export class SessionManager {
  private vault: OpenVault | null = null;
  private lastActivity = Date.now();
  private lastLockReason: LockReason | null = null;
  private background: Promise<void> = Promise.resolve();
  private readonly idleLockMs: number;
  private readonly idleTimer: NodeJS.Timeout;

  constructor(
    readonly vaultDir: string,
    private readonly options: SessionManagerOptions = {},
  ) {
    this.idleLockMs = options.idleLockMs ?? DEFAULT_IDLE_LOCK_MINUTES * 60_000;
    const checkEvery = Math.min(Math.max(this.idleLockMs / 4, 250), 15_000);
    this.idleTimer = setInterval(() => this.lockIfIdle(), checkEvery);
    this.idleTimer.unref();
  }

  status(): VaultStatus {
    const state = this.vault ? 'unlocked' : vaultExists(this.vaultDir) ? 'locked' : 'absent';
    return {
      state,
      vaultPath: this.vaultDir,
      user: this.vault?.user ?? null,
      idleLockMinutes: this.idleLockMs / 60_000,
      lastLockReason: this.lastLockReason,
    };
  }

  /** The open vault, or LOCKED. */
  current(): OpenVault {
    if (!this.vault?.isOpen) throw new AppError('LOCKED', 'The vault is locked. Sign in again.');
    return this.vault;
  }

  isUnlocked(): boolean {
    return this.vault?.isOpen ?? false;
  }

  /** Resolves once the background work started by the last sign-in has finished (for tests). */
  whenIdle(): Promise<void> {
    return this.background;
  }

  touch(): void {
    this.lastActivity = Date.now();
  }

  async create(input: {
    username: string;
    displayName: string;
    password: string;
  }): Promise<{ user: SessionUser; recoveryKey: string }> {
    const { vault, recoveryKey } = await createVault(this.vaultDir, input, this.options.vault);
    this.begin(vault);
    return { user: vault.user, recoveryKey };
  }

  async unlock(username: string, password: string): Promise<SessionUser> {
    const vault = await unlockVault(this.vaultDir, username, password, this.options.vault);
    this.begin(vault);
    return vault.user;
  }

  async recover(recoveryKey: string, username: string, newPassword: string): Promise<SessionUser> {
    const vault = await recoverVault(this.vaultDir, recoveryKey, username, newPassword, this.options.vault);
    this.begin(vault);
    return vault.user;
  }

  /** Close the database, wipe the key, and tell the renderer to drop everything it holds. */
  lock(reason: LockReason): void {
    const vault = this.vault;
    if (!vault) return;
    this.vault = null;
    this.lastLockReason = reason;
    try {
      if (vault.isOpen) vault.audit({ action: 'session.lock', detail: { reason } });
    } catch {
      // Locking must always succeed: a full or failing disk may cost the audit row, never the
      // lock (and from the idle timer a throw here would be an uncaught exception).
    } finally {
      vault.close();
      this.options.onEvent?.('vault:locked', { reason });
    }
  }

  dispose(): void {
    clearInterval(this.idleTimer);
    this.lock('shutdown');
  }

  private begin(vault: OpenVault): void {
    // A second sign-in replaces the first session rather than leaving two keys in memory.
    if (this.vault) this.lock('explicit');
    this.vault = vault;
    this.lastLockReason = null;
    this.touch();
    // What a process killed mid-write left in the blob store (ciphertext only): see blob-sweep.ts.
    sweepBlobStore(vault.dir, vault.db, sweepCutoff());
    this.background = Promise.all(
      AFTER_SIGN_IN.map((task) =>
        task.run(vault).catch((err: unknown) => {
          // A lock part-way is expected (the task stops); anything else is worth a log line.
          if (vault.isOpen) console.error(`after sign-in: ${task.name} failed:`, err);
        }),
      ),
    ).then(() => undefined);
  }

  private lockIfIdle(): void {
    if (this.vault && Date.now() - this.lastActivity >= this.idleLockMs) this.lock('idle');
  }
}
