/**
 * Bad input at the file-system level: a read-only vault folder and a full disk. Tests run as root
 * here, where chmod does not stop writes, so these use a real tmpfs: tiny (to fill it) or
 * remounted read-only. Where mounting is not permitted they are reported as skipped, with why.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readlinkSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { openEncrypted } from '../../../../main/core/db/connection';
import { SessionManager } from '../../../../main/core/session/session-manager';
import { databasePath, readHeader } from '../../../../main/core/vault/header';
import { createVault, unlockVault, vaultExists } from '../../../../main/core/vault/vault';
import { ADMIN, CLINICIAN, FAST, folderHashes, headerBytes, newVault, tempDirs } from '../temp-vault';

const dirs = tempDirs('ncats-fs-');

/** Can this process mount a tmpfs? Decided once, so skipped tests can say why in their title. */
function mountSupport(): { ok: true } | { ok: false; reason: string } {
  if (process.platform !== 'linux') return { ok: false, reason: 'tmpfs mounts need Linux' };
  const probe = dirs.make();
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { encoding: 'utf8' });
  if (mounted.error || mounted.status !== 0) {
    const why = mounted.error?.message ?? mounted.stderr.trim().split('\n')[0] ?? `exit ${mounted.status}`;
    dirs.cleanup();
    return { ok: false, reason: `cannot mount a tmpfs here (needs root or CAP_SYS_ADMIN): ${why}` };
  }
  spawnSync('umount', [probe]);
  dirs.cleanup();
  return { ok: true };
}
const support = mountSupport();
const needsMount = (title: string) => (support.ok ? title : `${title} (skipped: ${support.reason})`);

const mounts: string[] = [];
afterEach(() => {
  for (const m of mounts.splice(0)) {
    if (spawnSync('umount', [m]).status !== 0) spawnSync('umount', ['-l', m]); // never leave a mount behind
  }
  dirs.cleanup();
});

/**
 * A fresh tmpfs of `size` (e.g. '4m') in a temporary folder. A new vault is about 1 MB since
 * schema 180 (its tables and indexes), so 4 MB leaves room to create one and then fill the rest.
 */
function mountTmpfs(size: string): string {
  const dir = dirs.make();
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0700`, 'tmpfs', dir]);
  mounts.push(dir);
  return dir;
}

function remount(dir: string, mode: 'ro' | 'rw'): void {
  execFileSync('mount', ['-o', `remount,${mode}`, dir]);
}

/** Fill the file system holding `dir` to the last byte; returns the filler's path to free it later. */
function fillDisk(dir: string): string {
  const filler = join(dir, 'filler');
  const fd = openSync(filler, 'w');
  try {
    for (const size of [1024 * 1024, 64 * 1024, 4096, 512, 1]) {
      const chunk = Buffer.alloc(size);
      try {
        for (;;) writeSync(fd, chunk);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
      }
    }
  } finally {
    closeSync(fd);
  }
  return filler;
}

/** Files this process holds open under `dir` (Linux /proc). */
function openFilesUnder(dir: string): string[] {
  return readdirSync('/proc/self/fd')
    .map((fd) => {
      try {
        return readlinkSync(`/proc/self/fd/${fd}`);
      } catch {
        return '';
      }
    })
    .filter((target) => target.startsWith(dir));
}

describe('full disk', () => {
  it.skipIf(!support.ok)(
    needsMount('createVault fails with DISK_FULL, leaves no vault behind, and works once space is freed'),
    async () => {
      const disk = mountTmpfs('4m');
      const filler = fillDisk(disk);
      const dir = join(disk, 'vault');
      await expect(createVault(dir, ADMIN, FAST)).rejects.toMatchObject({ code: 'DISK_FULL' });
      expect(vaultExists(dir)).toBe(false);
      expect(openFilesUnder(disk)).toEqual([]);
      rmSync(filler);
      const { vault } = await createVault(dir, ADMIN, FAST);
      vault.close();
    },
  );

  it.skipIf(!support.ok)(
    needsMount('addUser fails with DISK_FULL; the previous header is intact and still unlocks'),
    async () => {
      const disk = mountTmpfs('4m');
      const dir = join(disk, 'vault');
      const { vault } = await newVault(dir);
      const before = headerBytes(dir);
      const filler = fillDisk(disk);
      await expect(vault.addUser(CLINICIAN)).rejects.toMatchObject({ code: 'DISK_FULL' });
      expect(headerBytes(dir)).toBe(before);
      expect(vault.listUsers().map((u) => u.username)).toEqual([ADMIN.username]); // the user row rolled back
      vault.close();
      rmSync(filler);
      expect(headerBytes(dir)).toBe(before);
      const again = await unlockVault(dir, ADMIN.username, ADMIN.password, FAST);
      expect(again.listUsers().map((u) => u.username)).toEqual([ADMIN.username]);
      again.close();
      await expect(unlockVault(dir, CLINICIAN.username, CLINICIAN.password, FAST)).rejects.toMatchObject({
        code: 'WRONG_PASSWORD',
      });
    },
  );

  it.skipIf(!support.ok)(
    needsMount('unlock on a full disk fails with DISK_FULL (the unlock must be audited) and changes nothing'),
    async () => {
      // Room for a new vault (about 600 KB with every module's tables) and its write-ahead log, so
      // creating it checkpoints fully before the disk is filled.
      const disk = mountTmpfs('4m');
      const dir = join(disk, 'vault');
      (await newVault(dir)).vault.close();
      const filler = fillDisk(disk);
      const before = folderHashes(dir);
      await expect(unlockVault(dir, ADMIN.username, ADMIN.password, FAST)).rejects.toMatchObject({ code: 'DISK_FULL' });
      // SQLite may leave an empty -wal and a -shm index behind (it tidies them on the next open);
      // the database and the header are untouched and no write reached the log.
      const after = folderHashes(dir);
      expect({ db: after['vault.db'], header: after['vault.json'] }).toEqual({
        db: before['vault.db'],
        header: before['vault.json'],
      });
      if (existsSync(`${databasePath(dir)}-wal`)) expect(statSync(`${databasePath(dir)}-wal`).size).toBe(0);
      expect(openFilesUnder(disk)).toEqual([]);
      rmSync(filler);
      (await unlockVault(dir, ADMIN.username, ADMIN.password, FAST)).close();
    },
  );

  it.skipIf(!support.ok)(
    needsMount('openEncrypted on a full disk throws DISK_FULL and does not leak the database handle'),
    () => {
      const disk = mountTmpfs('256k');
      fillDisk(disk);
      expect(() => openEncrypted(join(disk, 'x.db'), randomBytes(32))).toThrow(
        expect.objectContaining({ code: 'DISK_FULL' }),
      );
      expect(openFilesUnder(disk)).toEqual([]);
    },
  );
});

describe('locking on a full disk', () => {
  it.skipIf(!support.ok)(
    needsMount(
      'still locks, wipes the session and emits vault:locked, without throwing (the idle timer must not crash)',
    ),
    async () => {
      const disk = mountTmpfs('4m');
      const events: unknown[] = [];
      const manager = new SessionManager(join(disk, 'vault'), {
        vault: FAST,
        onEvent: (event, payload) => events.push({ event, payload }),
      });
      try {
        await manager.create(ADMIN);
        const vault = manager.current();
        fillDisk(disk);
        // Prove the disk really refuses writes: a large audit row cannot be stored.
        expect(() => vault.audit({ action: 'test.fill', detail: { pad: 'x'.repeat(64 * 1024) } })).toThrow();
        expect(() => manager.lock('idle')).not.toThrow();
        expect(manager.isUnlocked()).toBe(false);
        expect(vault.isOpen).toBe(false);
        expect(events).toEqual([{ event: 'vault:locked', payload: { reason: 'idle' } }]);
        expect(openFilesUnder(disk)).toEqual([]);
      } finally {
        manager.dispose();
      }
    },
  );
});

describe('read-only vault folder', () => {
  it.skipIf(!support.ok)(
    needsMount(
      'unlock gives READ_ONLY_LOCATION for the right password, WRONG_PASSWORD for a wrong one, and changes nothing',
    ),
    async () => {
      const disk = mountTmpfs('4m');
      const dir = join(disk, 'vault');
      (await newVault(dir)).vault.close();
      const before = folderHashes(dir);
      remount(disk, 'ro');
      await expect(unlockVault(dir, ADMIN.username, ADMIN.password, FAST)).rejects.toMatchObject({
        code: 'READ_ONLY_LOCATION',
      });
      await expect(unlockVault(dir, ADMIN.username, 'not the password', FAST)).rejects.toMatchObject({
        code: 'WRONG_PASSWORD',
      });
      expect(openFilesUnder(disk)).toEqual([]);
      remount(disk, 'rw');
      expect(folderHashes(dir)).toEqual(before);
      expect(readHeader(dir).lockout).toEqual({});
      (await unlockVault(dir, ADMIN.username, ADMIN.password, FAST)).close();
    },
  );

  it.skipIf(!support.ok)(
    needsMount('createVault gives READ_ONLY_LOCATION, in an existing empty folder or a new one'),
    async () => {
      const disk = mountTmpfs('4m');
      mkdirSync(join(disk, 'empty'));
      remount(disk, 'ro');
      await expect(createVault(join(disk, 'empty'), ADMIN, FAST)).rejects.toMatchObject({ code: 'READ_ONLY_LOCATION' });
      await expect(createVault(join(disk, 'new', 'vault'), ADMIN, FAST)).rejects.toMatchObject({
        code: 'READ_ONLY_LOCATION',
      });
      expect(openFilesUnder(disk)).toEqual([]);
      remount(disk, 'rw');
      expect(readdirSync(join(disk, 'empty'))).toEqual([]);
    },
  );
});
