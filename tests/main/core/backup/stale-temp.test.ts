/**
 * The next backup or restore removes what one killed half-way left: partial backup files and
 * restoring folders older than this process, never a current one or anything else.
 */
import { existsSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sweepBackupLeftovers } from '../../../../main/core/backup/sweep';
import { tempDirs } from '../temp-vault';

const dirs = tempDirs();
afterEach(() => dirs.cleanup());

const BEFORE_START = (Date.now() - process.uptime() * 1000 - 60_000) / 1000;

function made(path: string, old: boolean, folder = false): string {
  if (folder) {
    mkdirSync(path);
    writeFileSync(join(path, 'vault.db'), 'ciphertext');
  } else writeFileSync(path, 'ciphertext');
  if (old) utimesSync(path, BEFORE_START, BEFORE_START);
  return path;
}

describe('stale backup and restore temporaries', () => {
  it('a restore sweeps restoring folders from before this process, and only those', () => {
    const parent = dirs.make();
    const stale = made(join(parent, '.vault.restoring-0123456789ab'), true, true);
    const current = made(join(parent, '.vault.restoring-ba9876543210'), false, true);
    const vault = made(join(parent, 'vault.restoring-0123456789ab'), true, true);
    expect(sweepBackupLeftovers(parent)).toHaveLength(1);
    expect([existsSync(stale), existsSync(current), existsSync(vault)]).toEqual([false, true, true]);
  });

  it('a backup sweeps partial backup files from before this process, and only those', () => {
    const folder = dirs.make();
    const stale = ['a.ncatsbackup.partial', 'a.ncatsbackup.partial-db', 'a.ncatsbackup.partial-db-journal'].map((n) =>
      made(join(folder, n), true),
    );
    const current = made(join(folder, 'b.ncatsbackup.partial'), false);
    const whole = made(join(folder, 'c.ncatsbackup'), true);
    const other = made(join(folder, 'report.partial'), true);
    expect(sweepBackupLeftovers(folder)).toHaveLength(3);
    expect(stale.map((f) => existsSync(f))).toEqual([false, false, false]);
    expect([existsSync(current), existsSync(whole), existsSync(other)]).toEqual([true, true, true]);
  });
});
