/**
 * Backup and restore against real vaults: the round trip (records, documents byte for byte,
 * every user's password, the recovery key), refusing to overwrite, refusing damaged files with
 * nothing left behind, and no plaintext in any file written.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackup } from '../../../../main/core/backup/create-backup';
import { readEnvelope } from '../../../../main/core/backup/backup-format';
import { restoreBackup } from '../../../../main/core/backup/restore-backup';
import { getCase } from '../../../../main/core/cases/cases.service';
import { getDocument, openDocumentStream } from '../../../../main/core/documents/documents.service';
import { recoverVault, unlockVault } from '../../../../main/core/vault/vault';
import { ADMIN, CLINICIAN, FAST } from '../temp-vault';
import { RESTORE_OPTIONS, filesWithPlaintext, vaultToBackUp, type BackupFixture } from './backup-fixture';

let fx: BackupFixture;
beforeEach(async () => {
  fx = await vaultToBackUp();
});
afterEach(() => fx.cleanup());

const asAdmin = { kind: 'password' as const, username: ADMIN.username, password: ADMIN.password };

async function readAll(stream: AsyncIterable<unknown>): Promise<Buffer> {
  const pieces: Buffer[] = [];
  for await (const piece of stream) pieces.push(Buffer.from(piece as Uint8Array));
  return Buffer.concat(pieces);
}

async function backUp(name = 'one.ncatsbackup'): Promise<string> {
  const out = join(fx.work, name);
  await createBackup(fx.vault, out);
  return out;
}

describe('createBackup', () => {
  it('writes one 0600 file with a readable envelope naming the vault, and audits who, the file and its size', async () => {
    const result = await createBackup(fx.vault, join(fx.work, 'one.ncatsbackup'));
    expect(readdirSync(fx.work)).toEqual(['one.ncatsbackup']);
    expect(statSync(result.file).mode & 0o777).toBe(0o600);
    expect(result.documents).toBe(1);
    const { envelope } = readEnvelope(result.file);
    expect(envelope.vaultId).toBe(readEnvelope(result.file).envelope.header.vaultId);
    expect(envelope.createdBy).toBe(ADMIN.username);
    const row = fx.vault.db.prepare(`SELECT username, detail FROM audit_log WHERE action = 'backup.create'`).get() as {
      username: string;
      detail: string;
    };
    expect(row.username).toBe(ADMIN.username);
    expect(JSON.parse(row.detail)).toMatchObject({ file: 'one.ncatsbackup', bytes: statSync(result.file).size });
  });

  it('refuses an existing file and leaves it as it was', async () => {
    const out = join(fx.work, 'taken.ncatsbackup');
    writeFileSync(out, 'someone else');
    await expect(createBackup(fx.vault, out)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(readFileSync(out, 'utf8')).toBe('someone else');
  });

  it('refuses a file inside the vault folder, which would be lost with the vault', async () => {
    const before = readdirSync(fx.vault.dir).sort();
    await expect(createBackup(fx.vault, join(fx.vault.dir, 'in-here.ncatsbackup'))).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    expect(readdirSync(fx.vault.dir).sort()).toEqual(before);
  });

  it('is refused to a clinician', async () => {
    const clinician = await unlockVault(fx.vault.dir, CLINICIAN.username, CLINICIAN.password, FAST);
    try {
      await expect(createBackup(clinician, join(fx.work, 'c.ncatsbackup'))).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
      expect(readdirSync(fx.work)).toEqual([]);
    } finally {
      clinician.close();
    }
  });
});

describe('restoreBackup', () => {
  it('restores records and byte-identical documents; every password and the recovery key open the restored vault', async () => {
    const file = await backUp();
    const target = join(fx.work, 'restored');
    const result = await restoreBackup(file, target, asAdmin, RESTORE_OPTIONS);
    expect(result.checks.every((c) => c.ok)).toBe(true);
    expect(result.documents).toBe(1);
    expect(readdirSync(fx.work).sort()).toEqual(['one.ncatsbackup', 'restored']);

    const clinician = await unlockVault(target, CLINICIAN.username, CLINICIAN.password, FAST);
    try {
      expect(getCase(clinician, fx.caseId).youngPerson.familyName).toBe('Quillfeather');
      const doc = getDocument(clinician, fx.documentId);
      expect((await readAll(await openDocumentStream(clinician, doc))).equals(fx.documentBytes)).toBe(true);
    } finally {
      clinician.close();
    }
    const admin = await unlockVault(target, ADMIN.username, ADMIN.password, FAST);
    try {
      const restoreRow = admin.db
        .prepare(`SELECT username, detail FROM audit_log WHERE action = 'backup.restore'`)
        .get() as { username: string; detail: string };
      expect(restoreRow.username).toBe(ADMIN.username);
      expect(JSON.parse(restoreRow.detail)).toMatchObject({ file: 'one.ncatsbackup', backupCreatedBy: ADMIN.username });
    } finally {
      admin.close();
    }
    const recovered = await recoverVault(target, fx.recoveryKey, ADMIN.username, 'a brand new password', FAST);
    recovered.close();
  });

  it('restores with the recovery key alone, audited as such', async () => {
    const file = await backUp();
    const target = join(fx.work, 'by-key');
    await restoreBackup(file, target, { kind: 'recovery-key', recoveryKey: fx.recoveryKey }, RESTORE_OPTIONS);
    const admin = await unlockVault(target, ADMIN.username, ADMIN.password, FAST);
    try {
      const row = admin.db.prepare(`SELECT user_id, detail FROM audit_log WHERE action = 'backup.restore'`).get() as {
        user_id: string | null;
        detail: string;
      };
      expect(row.user_id).toBeNull();
      expect(JSON.parse(row.detail)).toMatchObject({ with: 'recovery key' });
    } finally {
      admin.close();
    }
  });

  it('keeps its own key across a recovery-key rotation: the old key opens the old backup, the new key the new one', async () => {
    const before = await backUp('before.ncatsbackup');
    const newKey = fx.vault.rotateRecoveryKey();
    const after = await backUp('after.ncatsbackup');
    const restore = (file: string, name: string, recoveryKey: string) =>
      restoreBackup(file, join(fx.work, name), { kind: 'recovery-key', recoveryKey }, RESTORE_OPTIONS);
    await expect(restore(after, 'after-old-key', fx.recoveryKey)).rejects.toMatchObject({ code: 'WRONG_RECOVERY_KEY' });
    await restore(before, 'before-old-key', fx.recoveryKey);
    await restore(after, 'after-new-key', newKey);
    // Passwords open both: the slots hold the vault key, which a rotation leaves alone.
    await restoreBackup(before, join(fx.work, 'before-password'), asAdmin, RESTORE_OPTIONS);
    for (const name of ['before-old-key', 'after-new-key', 'before-password']) {
      const admin = await unlockVault(join(fx.work, name), ADMIN.username, ADMIN.password, FAST);
      admin.close();
    }
  });

  it('refuses a folder that is not empty, and an existing vault, changing neither', async () => {
    const file = await backUp();
    const busy = join(fx.work, 'busy');
    mkdirSync(busy);
    writeFileSync(join(busy, 'notes.txt'), 'keep me');
    await expect(restoreBackup(file, busy, asAdmin, RESTORE_OPTIONS)).rejects.toMatchObject({ code: 'VAULT_EXISTS' });
    expect(readdirSync(busy)).toEqual(['notes.txt']);
    const before = readdirSync(fx.vault.dir).sort();
    await expect(restoreBackup(file, fx.vault.dir, asAdmin, RESTORE_OPTIONS)).rejects.toMatchObject({
      code: 'VAULT_EXISTS',
    });
    expect(readdirSync(fx.vault.dir).sort()).toEqual(before);
  });

  it('restores into an empty folder that already exists', async () => {
    const file = await backUp();
    const empty = join(fx.work, 'empty');
    mkdirSync(empty);
    await restoreBackup(file, empty, asAdmin, RESTORE_OPTIONS);
    expect(readdirSync(empty).sort()).toEqual(['blobs', 'vault.db', 'vault.json']);
  });

  it('refuses a wrong password and a wrong recovery key before writing anything', async () => {
    const file = await backUp();
    const target = join(fx.work, 'nope');
    await expect(
      restoreBackup(file, target, { ...asAdmin, password: 'not the password at all' }, RESTORE_OPTIONS),
    ).rejects.toMatchObject({ code: 'WRONG_PASSWORD' });
    const otherKey = fx.recoveryKey.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    await expect(
      restoreBackup(file, target, { kind: 'recovery-key', recoveryKey: otherKey }, RESTORE_OPTIONS),
    ).rejects.toMatchObject({ code: 'WRONG_RECOVERY_KEY' });
    expect(readdirSync(fx.work)).toEqual(['one.ncatsbackup']);
  });

  it('refuses a truncated backup, and one with a flipped bit anywhere in its payload, leaving nothing behind', async () => {
    const file = await backUp();
    const size = statSync(file).size;
    const { payloadOffset } = readEnvelope(file);
    const original = readFileSync(file);
    const cuts = [size - 1, size - 17, Math.floor((payloadOffset + size) / 2), payloadOffset + 200];
    for (const cut of cuts) {
      writeFileSync(file, original);
      truncateSync(file, cut);
      await expect(restoreBackup(file, join(fx.work, 'cut'), asAdmin, RESTORE_OPTIONS)).rejects.toMatchObject({
        code: 'VAULT_CORRUPT',
      });
      expect(readdirSync(fx.work)).toEqual(['one.ncatsbackup']);
    }
    const flips = [payloadOffset + 150, Math.floor((payloadOffset + size) / 2), size - 5];
    for (const at of flips) {
      const damaged = Buffer.from(original);
      damaged[at] = (damaged[at] ?? 0) ^ 0x01;
      writeFileSync(file, damaged);
      await expect(restoreBackup(file, join(fx.work, 'flip'), asAdmin, RESTORE_OPTIONS)).rejects.toMatchObject({
        code: 'VAULT_CORRUPT',
      });
      expect(readdirSync(fx.work)).toEqual(['one.ncatsbackup']);
    }
  });

  it('refuses a file that is not a backup', async () => {
    const file = join(fx.work, 'holiday.ncatsbackup');
    writeFileSync(file, 'age-encryption.org/v1\n-> X25519 nothing\n');
    await expect(restoreBackup(file, join(fx.work, 'x'), asAdmin, RESTORE_OPTIONS)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    expect(existsSync(join(fx.work, 'x'))).toBe(false);
  });
});

describe('no plaintext on disk', () => {
  it('the scan finds a marker in a plaintext file (positive control)', () => {
    writeFileSync(join(fx.work, 'control.txt'), 'a letter about Zebedee');
    expect(filesWithPlaintext(fx.work)).toEqual([join(fx.work, 'control.txt')]);
  });

  it('neither the backup, the vault nor the restored vault holds the young person or the letter in plaintext', async () => {
    const file = await backUp();
    const target = join(fx.work, 'restored');
    await restoreBackup(file, target, asAdmin, RESTORE_OPTIONS);
    expect(filesWithPlaintext(fx.work, fx.vault.dir)).toEqual([]);
  });
});
