/**
 * What killed backups and restores leave behind is removed once stale, and nothing else:
 * another vault's backups, a user's own files, and leftovers still being written stay.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { STALE_AFTER_MS, sweepBackupLeftovers } from '../../../../main/core/backup/sweep';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ncats-sweep-'));
  made.push(dir);
  return dir;
}

/** Make `path` look last written an hour ago. */
function age(path: string): void {
  const hourAgo = new Date(Date.now() - 60 * 60_000);
  utimesSync(path, hourAgo, hourAgo);
}

describe('sweepBackupLeftovers', () => {
  it('removes stale partial backups and restoring folders, and only those', () => {
    const dir = folder();
    const leftovers = [
      'a.ncatsbackup.partial',
      'a.ncatsbackup.partial-db',
      'a.ncatsbackup.partial-db-journal',
      '.vault.restoring-0123456789ab',
    ];
    const keep = ['a.ncatsbackup', 'notes.partial', 'b.ncatsbackup.partial.txt', '.vault.restoring-xyz', 'vault'];
    for (const name of [...leftovers, ...keep]) {
      const path = join(dir, name);
      if (name.includes('restoring') || name === 'vault') {
        mkdirSync(path);
        writeFileSync(join(path, 'vault.db'), 'ciphertext');
      } else writeFileSync(path, 'ciphertext');
      age(path);
    }
    const removed = sweepBackupLeftovers(dir);
    expect(removed.map((p) => p.slice(dir.length + 1)).sort()).toEqual([...leftovers].sort());
    for (const name of leftovers) expect(existsSync(join(dir, name))).toBe(false);
    for (const name of keep) expect(existsSync(join(dir, name))).toBe(true);
  });

  it('leaves a leftover that is still being written (another process may own it)', () => {
    const dir = folder();
    writeFileSync(join(dir, 'c.ncatsbackup.partial'), 'ciphertext');
    expect(sweepBackupLeftovers(dir)).toEqual([]);
    const later = () => new Date(Date.now() + STALE_AFTER_MS + 1000);
    expect(sweepBackupLeftovers(dir, { now: later })).toHaveLength(1);
  });

  it('says nothing of a folder that is not there', () => {
    expect(sweepBackupLeftovers(join(folder(), 'missing'))).toEqual([]);
  });
});
