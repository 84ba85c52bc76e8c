/**
 * Keeping the newest N backups of one vault in a folder. Only files this code made are ever
 * touched: the name ends in `.ncatsbackup`, the file starts with the backup magic line, and its
 * envelope names this vault. Other vaults' backups, other files and unreadable files stay.
 */
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../errors';
import { BACKUP_EXTENSION, tryReadEnvelope } from './backup-format';

export interface BackupInFolder {
  file: string;
  createdAt: string;
}

/** This vault's backups in `folder`, oldest first (by the time in each envelope). */
export function listBackups(folder: string, vaultId: string): BackupInFolder[] {
  const found: BackupInFolder[] = [];
  for (const name of readdirSync(folder)) {
    if (!name.endsWith(BACKUP_EXTENSION)) continue;
    const file = join(folder, name);
    if (!statSync(file).isFile()) continue;
    const envelope = tryReadEnvelope(file);
    if (envelope?.vaultId === vaultId) found.push({ file, createdAt: envelope.createdAt });
  }
  return found.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.file.localeCompare(b.file));
}

/** Remove the oldest of this vault's backups in `folder` until `keep` remain; returns what went. */
export function rotateBackups(folder: string, vaultId: string, keep: number): string[] {
  if (!Number.isInteger(keep) || keep < 1) {
    throw new AppError('INVALID_INPUT', 'The number of backups to keep must be a whole number, 1 or more.');
  }
  const backups = listBackups(folder, vaultId);
  const removed: string[] = [];
  for (const old of backups.slice(0, Math.max(0, backups.length - keep))) {
    rmSync(old.file, { force: true });
    removed.push(old.file);
  }
  return removed;
}
