/**
 * Scheduled backups in the app: while a vault is unlocked, a backup is taken once the last one
 * is older than the interval (a day, and never longer than the policy's maximum age), into the
 * policy's folder or the app's own, keeping the policy's count.
 *
 * Why "unlocked" and not "an administrator signed in": the key is in memory only while someone
 * is signed in, and a laptop used by one clinician would otherwise never be backed up. The
 * file goes only to the folder the policy (or the app) names, never to one the user chooses,
 * so a clinician's session taking it puts no case data anywhere new; the audit row says it was
 * scheduled. Choosing the moment ("Back up now") stays with administrators.
 *
 * A failure (a full disk, a folder that is not there) is kept for the screen, audited, never
 * thrown out of the timer, and retried after `retryAfterMs`. The last attempt is kept in the
 * vault (`backup-attempt.ts`), so the warning and the retry time survive a restart; if the vault
 * cannot take the write either (that full disk), it is held in memory for this vault until the
 * next attempt. One backup at a time per core.
 * No Electron here: the clock, the check interval and the app's own folder are passed in.
 */
import { existsSync, mkdirSync } from 'node:fs';
import type { BackupAttemptView, BackupRunningView, BackupStatus, BackupView } from '../../../preload/contract/backup';
import type { MachinePolicy } from '../../../preload/contract/policy';
import { AppError } from '../errors';
import type { SessionManager } from '../session/session-manager';
import { readHeader } from '../vault/header';
import type { OpenVault } from '../vault/vault';
import { attemptInForce, savedBackupAttempt, saveBackupAttempt } from './backup-attempt';
import { newBackupPath } from './backup-format';
import { backupStatus } from './backup-status';
import { createBackup } from './create-backup';
import { rotateBackups } from './rotation';

const DAY_MS = 24 * 60 * 60_000;

export interface BackupScheduleOptions {
  /** The app's own backup folder (the Electron shell: `<userData>/backups`), made when needed. */
  defaultFolder: string;
  /** The clock (tests move it on); the real one when absent. */
  now?: () => Date;
  /** How often the schedule looks whether a backup is due; a minute when absent. */
  checkEveryMs?: number;
  /** How long after a failed attempt the next is made; 15 minutes when absent. */
  retryAfterMs?: number;
}

function inWords(err: unknown): string {
  if (err instanceof AppError) return err.message;
  const message = err instanceof Error ? err.message : String(err);
  return `The backup could not be written (${message}). It will be tried again.`;
}

export class BackupScheduler {
  private running: Promise<void> | null = null;
  private runningView: BackupRunningView | null = null;
  /** An attempt the vault could not store (its disk full), with the vault folder it was for. */
  private unsaved: { vaultDir: string; attempt: BackupAttemptView } | null = null;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly manager: SessionManager,
    private readonly policy: () => MachinePolicy,
    private readonly options: BackupScheduleOptions,
  ) {
    this.timer = setInterval(() => void this.tick(), options.checkEveryMs ?? 60_000);
    this.timer.unref();
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  folder(): string {
    return this.policy().backupFolder ?? this.options.defaultFolder;
  }

  /** A day, or the policy's maximum age when that is shorter (it never is, at whole days). */
  intervalMs(): number {
    return Math.min(DAY_MS, this.policy().backupMaxAgeDays * DAY_MS);
  }

  /**
   * The last attempt on the open vault: the one it keeps, or a newer one it could not store;
   * a failure that a later backup has overtaken is no longer reported.
   */
  lastAttempt(vault: OpenVault, last: BackupView | null): BackupAttemptView | null {
    const saved = savedBackupAttempt(vault.db);
    const unsaved = this.unsaved?.vaultDir === vault.dir ? this.unsaved.attempt : null;
    const newest = unsaved && (!saved || Date.parse(unsaved.at) >= Date.parse(saved.at)) ? unsaved : saved;
    return attemptInForce(newest, last);
  }

  /** When the next backup is due: the interval after the last, or after a failure the retry. */
  nextDueAt(lastTakenAt: string | null, lastAttempt: BackupAttemptView | null): Date {
    const due = lastTakenAt ? new Date(Date.parse(lastTakenAt) + this.intervalMs()) : this.now();
    if (lastAttempt && !lastAttempt.ok) {
      const retry = Date.parse(lastAttempt.at) + (this.options.retryAfterMs ?? 15 * 60_000);
      if (retry > due.getTime()) return new Date(retry);
    }
    return due;
  }

  /** Take a backup if one is due and the vault is unlocked; never throws. */
  async tick(): Promise<void> {
    if (!this.manager.isUnlocked() || this.running) return;
    try {
      const vault = this.manager.current();
      const last = backupStatus(vault.db).last;
      if (this.now() < this.nextDueAt(last?.takenAt ?? null, this.lastAttempt(vault, last))) return;
      await this.run(true);
    } catch {
      // The vault locked between the check and the read: nothing to back up until it opens.
    }
  }

  /** Take a backup now (or join the one running); a failure is recorded, not thrown. */
  run(scheduled: boolean): Promise<void> {
    this.running ??= this.attempt(scheduled).finally(() => {
      this.running = null;
      this.runningView = null;
    });
    return this.running;
  }

  private async attempt(scheduled: boolean): Promise<void> {
    const vault = this.manager.current();
    const startedAt = this.now();
    this.runningView = { startedAt: startedAt.toISOString(), phase: 'copying' };
    const folder = this.folder();
    try {
      if (folder === this.options.defaultFolder) mkdirSync(folder, { recursive: true, mode: 0o700 });
      if (!existsSync(folder)) {
        throw new AppError(
          'NOT_FOUND',
          `The backup folder ${folder} is not there (a disk that is not plugged in, or a network folder that cannot be reached). The backup will be tried again.`,
        );
      }
      const vaultId = readHeader(vault.dir).vaultId;
      await createBackup(vault, newBackupPath(folder, vaultId, startedAt), {
        scheduled,
        onPhase: (phase) => {
          if (this.runningView) this.runningView = { ...this.runningView, phase };
        },
      });
      rotateBackups(folder, vaultId, this.policy().backupCount);
      this.keep(vault, { at: this.now().toISOString(), ok: true });
    } catch (err) {
      const reason = inWords(err);
      this.keep(vault, { at: this.now().toISOString(), ok: false, reason }, () =>
        vault.audit({ action: 'backup.failed', detail: { reason, scheduled } }),
      );
    }
  }

  /**
   * Store the attempt in the vault, with its audit row in the same transaction; if the vault
   * cannot take it (locked meanwhile, a full disk), hold it in memory for that vault instead.
   */
  private keep(vault: OpenVault, attempt: BackupAttemptView, audit?: () => void): void {
    this.unsaved = { vaultDir: vault.dir, attempt };
    try {
      if (!vault.isOpen) return;
      vault.db
        .transaction(() => {
          saveBackupAttempt(vault.db, attempt);
          audit?.();
        })
        .immediate();
      this.unsaved = null;
    } catch {
      // A full disk may cost the audit row too; the screen still shows the failure from memory.
    }
  }

  /** What the Administration screen shows. */
  status(): BackupStatus {
    const vault = this.manager.current();
    const { last } = backupStatus(vault.db);
    const lastAttempt = this.lastAttempt(vault, last);
    const policy = this.policy();
    const maxAgeMs = policy.backupMaxAgeDays * DAY_MS;
    return {
      last,
      schedule: {
        folder: this.folder(),
        folderFromPolicy: policy.backupFolder !== null,
        keep: policy.backupCount,
        maxAgeDays: policy.backupMaxAgeDays,
        nextDueAt: this.nextDueAt(last?.takenAt ?? null, lastAttempt).toISOString(),
        running: this.runningView,
        lastAttempt,
        tooOld: !last || this.now().getTime() - Date.parse(last.takenAt) > maxAgeMs,
      },
    };
  }

  dispose(): void {
    clearInterval(this.timer);
  }
}

// Keyed by the session manager, as the machine policy is: each core has its own schedule.
const schedulers = new WeakMap<SessionManager, BackupScheduler>();

export function startBackupSchedule(
  manager: SessionManager,
  policy: () => MachinePolicy,
  options: BackupScheduleOptions,
): BackupScheduler {
  schedulers.get(manager)?.dispose();
  const scheduler = new BackupScheduler(manager, policy, options);
  schedulers.set(manager, scheduler);
  return scheduler;
}

export function backupSchedulerOf(manager: SessionManager): BackupScheduler | undefined {
  return schedulers.get(manager);
}
