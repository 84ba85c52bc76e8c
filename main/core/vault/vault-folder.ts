import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fsError } from '../errors';

/**
 * Throw READ_ONLY_LOCATION unless `dir` can be written. Checked up front because SQLite opens
 * a file on read-only media read-only without complaint and fails later with a vaguer error.
 */
export function requireWritable(dir: string, what: string): void {
  try {
    accessSync(dir, constants.W_OK);
  } catch (err) {
    fsError(err, what);
  }
}

/** Make the vault folder (and any missing parents) and check that it can be written. */
export function makeVaultFolder(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (err) {
    // Recursive mkdir reports ENOENT when the real cause is a read-only or protected parent:
    // ask the nearest folder that does exist.
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      let existing = resolve(dir);
      while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
      requireWritable(existing, 'the new vault');
    }
    fsError(err, 'the new vault');
  }
  requireWritable(dir, 'the new vault');
}
