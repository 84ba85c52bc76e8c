/**
 * `backup:status` through the router: none yet, then the newest backup (time, file name, size,
 * who), administrators only; migration 170's table; the restored vault's history names the
 * backup it came from.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BackupStatus } from '../../../../preload/contract/backup';
import { createBackup } from '../../../../main/core/backup/create-backup';
import { restoreBackup } from '../../../../main/core/backup/restore-backup';
import { backupStatus } from '../../../../main/core/backup/backup-status';
import { unlockVault } from '../../../../main/core/vault/vault';
import { coreForEachTest, CORE_ADMIN } from '../core-fixture';
import { FAST } from '../temp-vault';
import { RESTORE_OPTIONS } from './backup-fixture';

const f = coreForEachTest('ncats-backup-status-');
const out: string[] = [];
afterEach(() => {
  for (const dir of out.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function outFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ncats-backup-out-'));
  out.push(dir);
  return dir;
}

describe('backup:status', () => {
  it('says none has been taken, then gives the newest backup', async () => {
    expect((await f.ok<BackupStatus>('backup:status', {})).last).toBeNull();
    const folder = outFolder();
    await createBackup(f.vault(), join(folder, 'first.ncatsbackup'));
    const second = await createBackup(f.vault(), join(folder, 'second.ncatsbackup'));
    const status = await f.ok<BackupStatus>('backup:status', {});
    expect(status.last).toEqual({
      takenAt: second.createdAt,
      fileName: 'second.ncatsbackup',
      bytes: second.bytes,
      documents: 0,
      takenBy: CORE_ADMIN.username,
      source: 'taken',
    });
  });

  it('is for administrators only, and refuses input it does not take', async () => {
    expect(await f.core.router('backup:status', { folder: '/tmp' })).toMatchObject({ ok: false });
    const user = { username: 'sam', displayName: 'Sam Second', password: 'second user password', role: 'clinician' };
    await f.ok('user:create', user);
    await f.ok('vault:unlock', { username: user.username, password: user.password });
    expect(await f.core.router('backup:status', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('in a restored vault, names the backup it was restored from', async () => {
    const folder = outFolder();
    const taken = await createBackup(f.vault(), join(folder, 'from.ncatsbackup'));
    const target = join(folder, 'restored');
    const credential = { kind: 'password' as const, username: CORE_ADMIN.username, password: CORE_ADMIN.password };
    await restoreBackup(join(folder, 'from.ncatsbackup'), target, credential, RESTORE_OPTIONS);
    const restored = await unlockVault(target, CORE_ADMIN.username, CORE_ADMIN.password, FAST);
    try {
      expect(backupStatus(restored.db).last).toMatchObject({
        takenAt: taken.createdAt,
        fileName: 'from.ncatsbackup',
        bytes: taken.bytes,
        source: 'restored_from',
      });
    } finally {
      restored.close();
    }
  });
});
