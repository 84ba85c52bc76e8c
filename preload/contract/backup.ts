/**
 * Backups: what the Administration screen shows about this vault's backups (the last one, the
 * schedule, the last attempt), and "Back up now". The app takes scheduled backups itself while a
 * vault is unlocked (`main/core/backup/scheduler.ts`); `ncats backup` / `ncats restore` remain.
 */
import { channel, empty, ADMIN_ONLY } from './define';

/** One backup of this vault, as its history records it. */
export interface BackupView {
  /** When the backup was taken (ISO date-time, UTC). */
  takenAt: string;
  /** The backup file's name (not its folder: the path is the administrator's business). */
  fileName: string;
  bytes: number;
  documents: number;
  /** The user name of whoever took it. */
  takenBy: string;
  /** `restored_from`: this vault was restored from that backup (so it holds what the backup held). */
  source: 'taken' | 'restored_from';
}

/** A backup being taken now, and how far it has gone. */
export interface BackupRunningView {
  startedAt: string;
  /** `copying`: the database copy (in a worker); `writing`: the encrypted file. */
  phase: 'copying' | 'writing';
}

/** The last time the app tried to take a backup (this run of the app), and how it went. */
export interface BackupAttemptView {
  at: string;
  ok: boolean;
  /** Why it failed, in words (a full disk, a missing folder); absent when it worked. */
  reason?: string;
}

/** The app's backup schedule as the machine policy sets it. */
export interface BackupScheduleView {
  /** Where scheduled backups go: the policy's folder, or the app's own. Null: no schedule here. */
  folder: string | null;
  /** Whether the folder is the policy's (set by the trust's IT) rather than the app's own. */
  folderFromPolicy: boolean;
  /** How many backups are kept (the policy's `backupCount`). */
  keep: number;
  /** The last backup is too old after this many days (the policy's `backupMaxAgeDays`). */
  maxAgeDays: number;
  /** When the next scheduled backup is due (ISO); null when there is no schedule. */
  nextDueAt: string | null;
  running: BackupRunningView | null;
  lastAttempt: BackupAttemptView | null;
  /** No backup yet, or the last is older than `maxAgeDays`: the screen warns. */
  tooOld: boolean;
}

export interface BackupStatus {
  /** The newest backup of this vault, or null when none has been taken. */
  last: BackupView | null;
  schedule: BackupScheduleView;
}

export const backupChannels = {
  /** The last backup of this vault (time, file, size, who). Administrators only. */
  'backup:status': channel<BackupStatus>()(empty, ADMIN_ONLY),
  /**
   * Take a backup now into the schedule's folder, keeping the policy's count; resolves when it
   * is done (or failed: then `schedule.lastAttempt` says why). Joins one already running.
   */
  'backup:now': channel<BackupStatus>()(empty, ADMIN_ONLY),
};
