import { closeSync, fsyncSync, openSync } from 'node:fs';

/**
 * Flush a file or a folder to the disk, best effort: what a write acknowledges (a blob, a backup,
 * a restored vault, the rename that put it in place) must survive a power cut, not only a killed
 * process. Some platforms (Windows) cannot open a folder for fsync; a rename is still atomic there.
 */
export function fsyncPath(path: string): void {
  try {
    const fd = openSync(path, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // See above: a folder that cannot be opened is left to the rename's atomicity.
  }
}
