/** Rotation keeps the newest N backups of this vault and touches nothing else in the folder. */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BACKUP_MAGIC, backupFileName } from '../../../../main/core/backup/backup-format';
import { createBackup } from '../../../../main/core/backup/create-backup';
import { listBackups, rotateBackups } from '../../../../main/core/backup/rotation';
import { readHeader } from '../../../../main/core/vault/header';
import { newVault, vaultDirIn } from '../temp-vault';
import { vaultToBackUp, type BackupFixture } from './backup-fixture';

let fx: BackupFixture;
beforeEach(async () => {
  fx = await vaultToBackUp();
});
afterEach(() => fx.cleanup());

describe('rotateBackups', () => {
  it('keeps the newest N of this vault, and leaves other vaults, other files and look-alikes alone', async () => {
    const vaultId = listBackupsId();
    const made: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      const file = join(fx.work, backupFileName(vaultId, new Date(Date.UTC(2026, 11, 1, 21, 40 + i))));
      await createBackup(fx.vault, file);
      made.push(file);
    }
    const other = await newVault(vaultDirIn(join(fx.work, 'other-parent')));
    const otherFile = join(fx.work, 'other-vault.ncatsbackup');
    try {
      await createBackup(other.vault, otherFile);
    } finally {
      other.vault.close();
    }
    writeFileSync(join(fx.work, 'notes.ncatsbackup'), 'not a backup at all');
    writeFileSync(join(fx.work, 'fake.ncatsbackup'), `${BACKUP_MAGIC}\n{"format":"something else"}\n`);
    writeFileSync(join(fx.work, 'readme.txt'), 'keep');

    expect(listBackups(fx.work, vaultId).map((b) => b.file)).toEqual(made);
    const removed = rotateBackups(fx.work, vaultId, 2);
    expect(removed).toEqual(made.slice(0, 2));
    for (const file of made.slice(2)) expect(existsSync(file)).toBe(true);
    for (const name of ['other-vault.ncatsbackup', 'notes.ncatsbackup', 'fake.ncatsbackup', 'readme.txt']) {
      expect(readdirSync(fx.work)).toContain(name);
    }
    expect(rotateBackups(fx.work, vaultId, 2)).toEqual([]);
  });

  it('refuses to keep fewer than one', () => {
    expect(() => rotateBackups(fx.work, listBackupsId(), 0)).toThrow(/1 or more/);
  });
});

function listBackupsId(): string {
  return readHeader(fx.vault.dir).vaultId;
}
