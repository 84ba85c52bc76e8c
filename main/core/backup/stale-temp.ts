/**
 * What a backup or a restore killed half-way leaves behind, removed by the next one.
 *
 * A backup writes `<out>.partial` and its database copy `<out>.partial-db` (with SQLite's
 * `-journal` beside it) and renames only a whole file to `<out>`; a restore unpacks into
 * `.<name>.restoring-<12 hex>` beside its target and renames only a checked vault into place.
 * A kill (or a power cut) leaves those temporary names: ciphertext only, never taken for a
 * backup or a vault, but a restoring folder holds a whole vault's worth of it.
 *
 * Only entries older than this process's start go, so a backup or restore still running in
 * this process (or one that began before it, in another) keeps its files.
 */
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** `.<target name>.restoring-<12 hex>` (restore-backup.ts). */
const RESTORING = /^\..+\.restoring-[0-9a-f]{12}$/;
/** `<name>.ncatsbackup.partial`, `.partial-db` and `.partial-db-journal` (create-backup.ts). */
const BACKUP_PARTIAL = /\.ncatsbackup\.partial(-db(-journal)?)?$/;

function processStartMs(): number {
  return Date.now() - process.uptime() * 1000;
}

function sweep(folder: string, pattern: RegExp, olderThanMs: number): number {
  let removed = 0;
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return 0;
  }
  for (const name of names) {
    if (!pattern.test(name)) continue;
    const path = join(folder, name);
    try {
      if (statSync(path).mtimeMs >= olderThanMs) continue;
      rmSync(path, { recursive: true, force: true });
      removed += 1;
    } catch {
      // Gone meanwhile, or not ours to remove: left as it is.
    }
  }
  return removed;
}

/** Remove restoring folders in `folder` left by restores killed before this process began. */
export function sweepStaleRestores(folder: string, olderThanMs = processStartMs()): number {
  return sweep(folder, RESTORING, olderThanMs);
}

/** Remove partial backup files in `folder` left by backups killed before this process began. */
export function sweepStaleBackupPartials(folder: string, olderThanMs = processStartMs()): number {
  return sweep(folder, BACKUP_PARTIAL, olderThanMs);
}
