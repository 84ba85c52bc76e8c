/** The vault's backup history: written beside each backup's audit row, read by `backup:status`. */
import { randomUUID } from 'node:crypto';
import type { BackupView } from '../../../preload/contract/backup';
import type { Db } from '../db/connection';
import { backupRecord, toBackupView, type BackupRow } from './backups.record';

/** Record a backup in the history. Call inside the transaction that writes its audit row. */
export function recordBackup(db: Db, backup: BackupView): void {
  db.prepare(backupRecord.insertSql()).run(backupRecord.toRow({ id: randomUUID(), ...backup }));
}

/** The newest backup of this vault, or null when none has been taken. */
export function backupStatus(db: Db): { last: BackupView | null } {
  const row = db.prepare(`SELECT ${backupRecord.select()} FROM backups ORDER BY taken_at DESC LIMIT 1`).get() as
    BackupRow | undefined;
  return { last: row ? toBackupView(row) : null };
}
