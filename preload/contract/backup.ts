/**
 * Backups: what the Administration screen shows about this vault's last backup. Taking and
 * restoring backups is `ncats backup` / `ncats restore` for now (`main/core/backup/`).
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

export interface BackupStatus {
  /** The newest backup of this vault, or null when none has been taken. */
  last: BackupView | null;
}

export const backupChannels = {
  /** The last backup of this vault (time, file, size, who). Administrators only. */
  'backup:status': channel<BackupStatus>()(empty, ADMIN_ONLY),
};
