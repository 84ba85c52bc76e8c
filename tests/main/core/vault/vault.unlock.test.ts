import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { LATEST_VERSION } from '../../../../main/core/db/migrations/index';
import { databasePath, headerPath, readHeader } from '../../../../main/core/vault/header';
import { formatRecoveryKey } from '../../../../main/core/vault/recovery-key';
import { createVault, recoverVault, unlockVault } from '../../../../main/core/vault/vault';
import { ADMIN, CLINICIAN, FAST, editHeader, folderHashes, newVault, tempDirs, vaultDirIn } from '../temp-vault';

const dirs = tempDirs();
afterEach(() => dirs.cleanup());

async function closedVault(): Promise<{ dir: string; recoveryKey: string }> {
  const dir = vaultDirIn(dirs.make());
  const { vault, recoveryKey } = await newVault(dir);
  vault.close();
  return { dir, recoveryKey };
}

describe('createVault', () => {
  it('makes the first user an administrator and returns the vault unlocked', async () => {
    const dir = vaultDirIn(dirs.make());
    const { vault, recoveryKey } = await newVault(dir);
    expect(vault.isOpen).toBe(true);
    expect(vault.user).toMatchObject({ username: ADMIN.username, role: 'administrator' });
    expect(vault.listUsers()).toEqual([expect.objectContaining({ username: ADMIN.username, role: 'administrator' })]);
    expect(recoveryKey).toMatch(/^[0-9A-F]{8}(-[0-9A-F]{8}){7}$/);
    vault.close();
    const header = readHeader(dir);
    expect(header.slots).toEqual([expect.objectContaining({ username: ADMIN.username, role: 'administrator' })]);
    // The recovery key is shown once and never stored.
    expect(JSON.stringify(header)).not.toContain(recoveryKey.replace(/-/g, ''));
  });

  it('refuses a folder that already holds a vault (VAULT_EXISTS) and leaves it alone', async () => {
    const { dir } = await closedVault();
    const before = folderHashes(dir);
    await expect(createVault(dir, ADMIN, FAST)).rejects.toMatchObject({ code: 'VAULT_EXISTS' });
    expect(folderHashes(dir)).toEqual(before);
  });

  it('refuses a folder holding only a database file (the remains of a vault)', async () => {
    const dir = dirs.make();
    writeFileSync(databasePath(dir), randomBytes(4096));
    await expect(createVault(dir, ADMIN, FAST)).rejects.toMatchObject({ code: 'VAULT_EXISTS' });
  });
});

describe('unlockVault', () => {
  it('opens with the right password and records the unlock in the audit log', async () => {
    const { dir } = await closedVault();
    const vault = await unlockVault(dir, ADMIN.username, ADMIN.password, FAST);
    expect(vault.user).toMatchObject({ username: ADMIN.username, role: 'administrator' });
    const actions = (vault.db.prepare('SELECT action FROM audit_log ORDER BY seq').all() as { action: string }[]).map(
      (r) => r.action,
    );
    expect(actions).toEqual(['vault.create', 'session.unlock', 'session.unlock']);
    vault.close();
  });

  it('gives the same WRONG_PASSWORD message for a wrong password and an unknown user', async () => {
    const { dir } = await closedVault();
    const wrong = await unlockVault(dir, ADMIN.username, 'not the password at all', FAST).catch((e: unknown) => e);
    const unknown = await unlockVault(dir, 'nobody', ADMIN.password, FAST).catch((e: unknown) => e);
    expect(wrong).toMatchObject({ code: 'WRONG_PASSWORD' });
    expect(unknown).toMatchObject({ code: 'WRONG_PASSWORD' });
    expect((wrong as Error).message).toBe((unknown as Error).message);
  });

  it('NO_VAULT for a folder without a vault', async () => {
    await expect(unlockVault(dirs.make(), ADMIN.username, ADMIN.password, FAST)).rejects.toMatchObject({
      code: 'NO_VAULT',
    });
  });

  it('takes the role from the database, not from the header', async () => {
    const dir = vaultDirIn(dirs.make());
    const { vault } = await newVault(dir);
    await vault.addUser(CLINICIAN);
    vault.close();
    editHeader(dir, (h) => ({
      ...h,
      slots: h.slots.map((s) => (s.username === CLINICIAN.username ? { ...s, role: 'administrator' as const } : s)),
    }));
    const session = await unlockVault(dir, CLINICIAN.username, CLINICIAN.password, FAST);
    expect(session.user.role).toBe('clinician');
    session.close();
  });

  it('refuses a disabled user (FORBIDDEN) even with the right password', async () => {
    const dir = vaultDirIn(dirs.make());
    const { vault } = await newVault(dir);
    await vault.addUser(CLINICIAN);
    vault.db.prepare('UPDATE users SET disabled = 1 WHERE username = ?').run(CLINICIAN.username);
    vault.close();
    await expect(unlockVault(dir, CLINICIAN.username, CLINICIAN.password, FAST)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});

describe('a vault written by a newer version of the app', () => {
  it('is refused with VAULT_TOO_NEW and left unchanged', async () => {
    const dir = vaultDirIn(dirs.make());
    const { vault } = await newVault(dir);
    vault.db.pragma(`user_version = ${LATEST_VERSION + 1000}`);
    vault.close();
    const before = folderHashes(dir);
    await expect(unlockVault(dir, ADMIN.username, ADMIN.password, FAST)).rejects.toMatchObject({
      code: 'VAULT_TOO_NEW',
    });
    expect(folderHashes(dir)).toEqual(before);
  });
});

describe('a database that is not a vault', () => {
  async function expectCorruptAndUntouched(dir: string): Promise<void> {
    const before = folderHashes(dir);
    await expect(unlockVault(dir, ADMIN.username, ADMIN.password, FAST)).rejects.toMatchObject({
      code: 'VAULT_CORRUPT',
    });
    expect(folderHashes(dir)).toEqual(before);
  }

  it('random bytes as vault.db, with a valid header: VAULT_CORRUPT and nothing modified', async () => {
    const { dir: donor } = await closedVault();
    const dir = dirs.make();
    copyFileSync(headerPath(donor), headerPath(dir));
    writeFileSync(databasePath(dir), randomBytes(64 * 1024));
    await expectCorruptAndUntouched(dir);
  });

  it('a plain (unencrypted) SQLite file as vault.db, with a valid header: VAULT_CORRUPT and nothing modified', async () => {
    const { dir: donor } = await closedVault();
    const dir = dirs.make();
    copyFileSync(headerPath(donor), headerPath(dir));
    const plain = new Database(databasePath(dir));
    plain.exec("CREATE TABLE users (id TEXT, username TEXT); INSERT INTO users VALUES ('1', 'admin');");
    plain.close();
    await expectCorruptAndUntouched(dir);
  });

  it("another vault's database with this header: VAULT_CORRUPT and nothing modified", async () => {
    const { dir: donor } = await closedVault();
    const { dir: other } = await closedVault();
    const dir = dirs.make();
    copyFileSync(headerPath(donor), headerPath(dir));
    copyFileSync(databasePath(other), databasePath(dir));
    await expectCorruptAndUntouched(dir);
  });

  it('a vault folder whose database was removed: VAULT_CORRUPT, and no empty database is created', async () => {
    const { dir: donor } = await closedVault();
    const dir = dirs.make();
    mkdirSync(dir, { recursive: true });
    copyFileSync(headerPath(donor), headerPath(dir));
    await expectCorruptAndUntouched(dir);
  });
});

describe('recoverVault', () => {
  it('sets a new password with the recovery key; the old password stops working', async () => {
    const { dir, recoveryKey } = await closedVault();
    const newPassword = 'a brand new password';
    const vault = await recoverVault(dir, recoveryKey.toLowerCase(), ADMIN.username, newPassword, FAST);
    expect(vault.user.role).toBe('administrator');
    const last = vault.db.prepare('SELECT action FROM audit_log ORDER BY seq DESC LIMIT 1').get();
    expect(last).toEqual({ action: 'session.unlock_with_recovery_key' });
    vault.close();
    await expect(unlockVault(dir, ADMIN.username, ADMIN.password, FAST)).rejects.toMatchObject({
      code: 'WRONG_PASSWORD',
    });
    (await unlockVault(dir, ADMIN.username, newPassword, FAST)).close();
  });

  it('a well-formed but wrong recovery key: WRONG_RECOVERY_KEY, header unchanged', async () => {
    const { dir } = await closedVault();
    const before = folderHashes(dir);
    await expect(
      recoverVault(dir, formatRecoveryKey(randomBytes(32)), ADMIN.username, 'a brand new password', FAST),
    ).rejects.toMatchObject({ code: 'WRONG_RECOVERY_KEY' });
    await expect(recoverVault(dir, 'ABCD-1234', ADMIN.username, 'a brand new password', FAST)).rejects.toMatchObject({
      code: 'WRONG_RECOVERY_KEY',
    });
    expect(folderHashes(dir)).toEqual(before);
  });

  it('an unknown user: NOT_FOUND', async () => {
    const { dir, recoveryKey } = await closedVault();
    await expect(recoverVault(dir, recoveryKey, 'nobody', 'a brand new password', FAST)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
