/**
 * Tidying what a killed backup or restore left behind. A process killed mid-backup leaves
 * `<file>.partial` (and the database copy `<file>.partial-db`, perhaps with its `-journal`); one
 * killed mid-restore leaves `.<name>.restoring-<hex>` beside the vault it was making. All of it
 * is ciphertext, but it takes disk space and confuses whoever looks in the folder, so the next
 * backup (in its folder) and the next restore (beside its target) remove it.
 *
 * Only names this module's code makes are touched, and only once they have not changed since
 * this process started, or for `staleAfterMs`: a backup or restore still running in another
 * process (`ncats backup` while the app is open) keeps writing its file, so its mtime stays
 * recent; one from before this process began was killed (the kill tests restore at once).
 */
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BACKUP_EXTENSION } from './backup-format';

/** Ten minutes without a write: far longer than any pause while a backup or restore runs. */
export const STALE_AFTER_MS = 10 * 60_000;

const PARTIAL_BACKUP = new RegExp(`\\${BACKUP_EXTENSION}\\.partial(-db(-journal)?)?$`);
const RESTORING_FOLDER = /^\..+\.restoring-[0-9a-f]{12}$/;

export interface SweepOptions {
  /** Leftovers younger than this are left alone (another process may be writing them). */
  staleAfterMs?: number;
  now?: () => Date;
}

/** Remove stale leftovers of killed backups and restores in `folder`; returns what went. */
export function sweepBackupLeftovers(folder: string, options: SweepOptions = {}): string[] {
  const staleAfterMs = options.staleAfterMs ?? STALE_AFTER_MS;
  const now = (options.now?.() ?? new Date()).getTime();
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return []; // A missing or unreadable folder has nothing to sweep; the caller reports it.
  }
  const processStartMs = Date.now() - process.uptime() * 1000;
  const cutoff = Math.max(processStartMs, now - staleAfterMs);
  const removed: string[] = [];
  for (const name of names) {
    const path = join(folder, name);
    try {
      const stat = statSync(path);
      if (stat.mtimeMs >= cutoff) continue;
      if (stat.isFile() && PARTIAL_BACKUP.test(name)) rmSync(path, { force: true });
      else if (stat.isDirectory() && RESTORING_FOLDER.test(name)) rmSync(path, { recursive: true, force: true });
      else continue;
      removed.push(path);
    } catch {
      // Tidying is best effort: a file that cannot be removed now is tried again next time.
    }
  }
  return removed;
}
