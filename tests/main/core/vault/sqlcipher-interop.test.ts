/**
 * The disaster-recovery promise: the recovery key, with its separators removed, opens the vault
 * database in STOCK SQLCipher 4 (compiled here from the upstream amalgamation, not this app's
 * SQLite build) as `PRAGMA key = "x'<hex>'"`. Without the key, or with another, it does not.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProbe, runProbe } from '../../../fixtures/sqlcipher/build-probe';
import { databasePath } from '../../../../main/core/vault/header';
import { ADMIN, CLINICIAN, newVault, tempDirs, vaultDirIn } from '../temp-vault';

const dirs = tempDirs();
let probe: string;
let dir: string;
let recoveryKey: string;

const rawKey = (hex: string) => `"x'${hex}'"`;

beforeAll(async () => {
  probe = buildProbe(); // fails (not skips) with install instructions when gcc or libssl-dev is missing
  dir = vaultDirIn(dirs.make());
  const created = await newVault(dir);
  recoveryKey = created.recoveryKey;
  await created.vault.addUser(CLINICIAN);
  created.vault.audit({ action: 'case.read', caseId: 'case-interop' });
  // Closing checkpoints the WAL into the main file, so the probe reads the whole database.
  created.vault.close();
  expect(existsSync(`${databasePath(dir)}-wal`)).toBe(false);
}, 600_000);
afterAll(() => dirs.cleanup());

describe('SQLCipher 4 interop', () => {
  it('stock SQLCipher 4 opens the database with the recovery key and reads the users', () => {
    const result = runProbe(
      probe,
      databasePath(dir),
      rawKey(recoveryKey.replace(/-/g, '')),
      'SELECT username, role FROM users ORDER BY username',
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.cipherVersion).toMatch(/^4\.\d+\.\d+/);
    console.log(`interop: stock SQLCipher cipher_version = ${result.cipherVersion ?? '?'}`);
    expect(result.rows).toEqual([`${ADMIN.username}|administrator`, `${CLINICIAN.username}|clinician`]);
  });

  it('reads the audit chain and the schema version too (the whole file, not just the first pages)', () => {
    const key = rawKey(recoveryKey.replace(/-/g, '').toLowerCase());
    const audit = runProbe(
      probe,
      databasePath(dir),
      key,
      "SELECT action FROM audit_log WHERE case_id = 'case-interop'",
    );
    expect(audit.rows).toEqual(['case.read']);
    const integrity = runProbe(probe, databasePath(dir), key, 'PRAGMA integrity_check');
    expect(integrity.rows).toEqual(['ok']);
    const version = runProbe(probe, databasePath(dir), key, 'PRAGMA user_version');
    expect(Number(version.rows[0])).toBeGreaterThanOrEqual(10);
  });

  it('does not open without a key', () => {
    const result = runProbe(probe, databasePath(dir), '', 'SELECT count(*) FROM users');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('file is not a database');
    expect(result.rows).toEqual([]);
  });

  it('does not open with a wrong key', () => {
    const result = runProbe(probe, databasePath(dir), rawKey(randomBytes(32).toString('hex')), 'SELECT 1 FROM users');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('file is not a database');
  });

  it('does not open when the recovery key is used as a passphrase instead of a raw key', () => {
    const result = runProbe(probe, databasePath(dir), `'${recoveryKey}'`, 'SELECT 1 FROM users');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('file is not a database');
  });
});
