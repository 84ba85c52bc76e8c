/**
 * Recovery-key rotation on real vaults: the old key stops opening the vault (in the app and in
 * stock SQLCipher 4), the new one opens it, every user signs in as before and the documents'
 * subkeys do not change; an interrupted rotation, at any moment, leaves the vault usable and,
 * unless it finished, exactly as it was.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProbe, runProbe } from '../../../fixtures/sqlcipher/build-probe';
import { rekeyDatabase, wrapNextDatabaseKey } from '../../../../main/core/vault/database-key';
import { databasePath, readHeader, writeHeader } from '../../../../main/core/vault/header';
import { keyCheck, parseRecoveryKey } from '../../../../main/core/vault/recovery-key';
import { recoverVault, unlockVault } from '../../../../main/core/vault/vault';
import { openEncrypted } from '../../../../main/core/db/connection';
import { ADMIN, CLINICIAN, FAST, newVault, tempDirs, vaultDirIn } from '../temp-vault';

const dirs = tempDirs();
let probe: string;
beforeAll(() => {
  probe = buildProbe();
}, 600_000);
afterAll(() => dirs.cleanup());

const rawKey = (recoveryKey: string) => `"x'${recoveryKey.replace(/-/g, '')}'"`;
const NEW_PASSWORD = 'recovered password 1';

async function vaultWithTwoUsers() {
  const dir = vaultDirIn(dirs.make());
  const { vault, recoveryKey } = await newVault(dir);
  await vault.addUser(CLINICIAN);
  return { dir, vault, recoveryKey };
}

describe('rotateRecoveryKey', () => {
  it('re-keys the database: the old recovery key is refused, the new one works, everyone signs in', async () => {
    const { dir, vault, recoveryKey: oldKey } = await vaultWithTwoUsers();
    const subkeyBefore = vault.deriveSubkey('attachments-v1');
    const newKey = vault.rotateRecoveryKey();
    expect(newKey).toMatch(/^([0-9A-F]{8}-){7}[0-9A-F]{8}$/);
    expect(newKey).not.toBe(oldKey);
    // Documents are encrypted under subkeys of the vault key, which the rotation leaves alone.
    expect(vault.deriveSubkey('attachments-v1').equals(subkeyBefore)).toBe(true);
    const audit = vault.db
      .prepare("SELECT entity_type FROM audit_log WHERE action = 'vault.recovery_key_rotate'")
      .all();
    expect(audit).toEqual([{ entity_type: 'vault' }]);
    vault.close();
    expect(readHeader(dir).database.rotation).toBeUndefined();

    await expect(recoverVault(dir, oldKey, ADMIN.username, NEW_PASSWORD, FAST)).rejects.toMatchObject({
      code: 'WRONG_RECOVERY_KEY',
    });
    for (const user of [ADMIN, CLINICIAN]) {
      const signedIn = await unlockVault(dir, user.username, user.password, FAST);
      signedIn.close();
    }
    const recovered = await recoverVault(dir, newKey, CLINICIAN.username, NEW_PASSWORD, FAST);
    expect(recovered.deriveSubkey('attachments-v1').equals(subkeyBefore)).toBe(true);
    recovered.close();
    const again = await unlockVault(dir, CLINICIAN.username, NEW_PASSWORD, FAST);
    again.close();
  });

  it('in stock SQLCipher 4 the new key opens the database and the old one does not', async () => {
    const { dir, vault, recoveryKey: oldKey } = await vaultWithTwoUsers();
    const newKey = vault.rotateRecoveryKey();
    vault.close();
    expect(existsSync(`${databasePath(dir)}-wal`)).toBe(false);
    const opened = runProbe(probe, databasePath(dir), rawKey(newKey), 'SELECT username FROM users ORDER BY username');
    expect(opened.stderr).toBe('');
    expect(opened.rows).toEqual([ADMIN.username, CLINICIAN.username]);
    const integrity = runProbe(probe, databasePath(dir), rawKey(newKey), 'PRAGMA integrity_check');
    expect(integrity.rows).toEqual(['ok']);
    const refused = runProbe(probe, databasePath(dir), rawKey(oldKey), 'SELECT 1 FROM users');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('file is not a database');
  });

  it('keeps the old key for a copy taken before the rotation (an old backup keeps its own key)', async () => {
    const { dir, vault, recoveryKey: oldKey } = await vaultWithTwoUsers();
    vault.close();
    const { copyFileSync } = await import('node:fs');
    const copy = join(dirs.make(), 'before.db');
    copyFileSync(databasePath(dir), copy);
    const admin = await unlockVault(dir, ADMIN.username, ADMIN.password, FAST);
    admin.rotateRecoveryKey();
    admin.close();
    expect(runProbe(probe, copy, rawKey(oldKey), 'SELECT count(*) FROM users').rows).toEqual(['2']);
  });

  it('refuses a vault whose slots hold the first recovery key itself, changing nothing', async () => {
    const { dir, vault } = await vaultWithTwoUsers();
    // The header of a vault made before the keys were split has no database-key envelope.
    const header = readHeader(dir);
    const legacy = { ...header, database: { ...header.database } };
    delete legacy.database.wrappedKey;
    writeHeader(dir, legacy);
    expect(() => vault.rotateRecoveryKey()).toThrow(
      expect.objectContaining({ code: 'CONFLICT', message: expect.stringContaining('Nothing was changed') }),
    );
    expect(readHeader(dir)).toEqual(legacy);
    writeHeader(dir, header);
    vault.close();
  });
});

describe('an interrupted rotation', () => {
  /** Leave the vault as a crash at a given step would: the rotation recorded, the re-key done or not. */
  async function interrupt(rekeyed: boolean) {
    const { dir, vault, recoveryKey } = await vaultWithTwoUsers();
    vault.close();
    const header = readHeader(dir);
    const current = parseRecoveryKey(recoveryKey);
    const next = Buffer.alloc(32, 7);
    writeHeader(dir, {
      ...header,
      database: {
        ...header.database,
        rotation: { wrappedKey: wrapNextDatabaseKey(header.vaultId, current, next), keyCheck: keyCheck(next) },
      },
    });
    if (rekeyed) {
      const db = openEncrypted(databasePath(dir), current);
      rekeyDatabase(db, next);
      db.close();
    }
    return { dir, recoveryKey, header };
  }

  it.each([
    ['before the re-key', false],
    ['after the re-key committed, before the header was finished', true],
  ])('%s: the next sign-in leaves the vault as it was, with the old recovery key', async (_when, rekeyed) => {
    const { dir, recoveryKey } = await interrupt(rekeyed);
    const admin = await unlockVault(dir, ADMIN.username, ADMIN.password, FAST);
    const undone = admin.db
      .prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'vault.recovery_key_rotation_undone'")
      .get();
    expect(undone).toEqual({ n: rekeyed ? 1 : 0 });
    admin.close();
    expect(readHeader(dir).database.rotation).toBeUndefined();
    expect(runProbe(probe, databasePath(dir), rawKey(recoveryKey), 'SELECT count(*) FROM users').rows).toEqual(['2']);
    const clinician = await unlockVault(dir, CLINICIAN.username, CLINICIAN.password, FAST);
    clinician.close();
  });

  it('after the re-key committed, the recovery key still signs in (the next key is found from it)', async () => {
    const { dir, recoveryKey } = await interrupt(true);
    const recovered = await recoverVault(dir, recoveryKey, ADMIN.username, NEW_PASSWORD, FAST);
    recovered.close();
    expect(readHeader(dir).database.rotation).toBeUndefined();
  });

  it('survives SIGKILL at random moments of a rotation in another process', async () => {
    const { dir, vault } = await vaultWithTwoUsers();
    // A few megabytes of pages, so the re-key takes long enough to be killed inside it.
    vault.db
      .transaction(() => {
        for (let i = 0; i < 20_000; i++) vault.audit({ action: 'test.padding', detail: { i, pad: 'x'.repeat(100) } });
      })
      .immediate();
    vault.close();
    const child = join(process.cwd(), 'tests/main/core/vault/rotation-child.ts');
    const outcomes = { killedBefore: 0, finished: 0 };
    const rounds = 8;
    // Round 0 runs to the end and measures a rotation; the others are killed within that time.
    let rotationMs = 0;
    for (let round = 0; round < rounds; round++) {
      const before = readHeader(dir).database.keyCheck;
      const delayMs = round === 0 ? Infinity : Math.floor(Math.random() * rotationMs * 1.2);
      const printed = await new Promise<string>((resolve) => {
        // Node itself with tsx's loader (not the tsx wrapper, whose own child would outlive the kill).
        const args = ['--import', 'tsx', child, dir, ADMIN.username, ADMIN.password];
        const proc = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        proc.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString('utf8');
          if (out.includes('rotating\n') && delayMs !== Infinity) setTimeout(() => proc.kill('SIGKILL'), delayMs);
        });
        proc.on('close', () => resolve(out));
      });
      // Whatever the moment, every user signs in, the database is whole, and no rotation is left half done.
      const admin = await unlockVault(dir, ADMIN.username, ADMIN.password, FAST);
      expect(admin.db.pragma('integrity_check', { simple: true })).toBe('ok');
      const header = readHeader(dir);
      expect(header.database.rotation).toBeUndefined();
      admin.close();
      const clinician = await unlockVault(dir, CLINICIAN.username, CLINICIAN.password, FAST);
      clinician.close();
      const done = /done (\S+) (\d+)/.exec(printed);
      const shown = done?.[1];
      if (round === 0) rotationMs = Number(done?.[2] ?? 0);
      if (header.database.keyCheck === before) outcomes.killedBefore++;
      else outcomes.finished++;
      // A key that was shown is the one that opens the vault now.
      if (shown) expect(keyCheck(parseRecoveryKey(shown))).toBe(header.database.keyCheck);
    }
    console.log(
      `rotation kill test: ${rounds} rounds (a rotation took ${rotationMs} ms), ${outcomes.finished} finished, ${outcomes.killedBefore} left as before`,
    );
    expect(outcomes.finished + outcomes.killedBefore).toBe(rounds);
  }, 240_000);
});
