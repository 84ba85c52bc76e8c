/**
 * Upgrading: a vault at an older schema is copied before the new app migrates it
 * (main/core/backup/before-migration.ts, called from sign-in).
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  PRE_MIGRATION_FOLDER,
  PRE_MIGRATION_KEEP,
  backupBeforeMigration,
} from '../../../main/core/backup/before-migration';
import { openEncrypted } from '../../../main/core/db/connection';
import { LATEST_VERSION, schemaVersion } from '../../../main/core/db/migrations/index';
import { undoMigrationsAfter } from '../core/undo-migrations';
import { DATABASE_FILE, HEADER_FILE, databasePath, headerPath } from '../../../main/core/vault/header';
import { parseRecoveryKey } from '../../../main/core/vault/recovery-key';
import { unlockVault } from '../../../main/core/vault/vault';
import { ADMIN, FAST, newVault, tempDirs, vaultDirIn } from '../core/temp-vault';

const dirs = tempDirs();
afterEach(() => dirs.cleanup());

/** A real vault put back to schema 170 (undo-migrations.ts), its version lowered. */
async function vaultAtSchema170(): Promise<{ dir: string; recoveryKey: string }> {
  const dir = vaultDirIn(dirs.make());
  const { vault, recoveryKey } = await newVault(dir);
  undoMigrationsAfter(vault.db, 170);
  vault.db.pragma('user_version = 170');
  vault.close();
  return { dir, recoveryKey };
}

function schemaOf(file: string, recoveryKey: string): { version: number; tables: string[] } {
  const db = openEncrypted(file, parseRecoveryKey(recoveryKey), { readonly: true });
  try {
    const rows = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[];
    return { version: schemaVersion(db), tables: rows.map((r) => r.name) };
  } finally {
    db.close();
  }
}

describe('signing in to a vault with pending migrations', () => {
  it('leaves an encrypted copy of the old database and its header, then migrates the vault', async () => {
    const { dir, recoveryKey } = await vaultAtSchema170();
    const headerBefore = readFileSync(headerPath(dir), 'utf8');

    const session = await unlockVault(dir, ADMIN.username, ADMIN.password, FAST);
    session.close();

    const copies = readdirSync(join(dir, PRE_MIGRATION_FOLDER));
    expect(copies).toHaveLength(1);
    expect(copies[0]).toMatch(new RegExp(`^schema-170-to-${LATEST_VERSION}-\\d{8}T\\d{6}Z$`));
    const copy = join(dir, PRE_MIGRATION_FOLDER, copies[0] ?? '');
    expect(readdirSync(copy).sort()).toEqual([HEADER_FILE, DATABASE_FILE].sort());
    expect(readFileSync(join(copy, HEADER_FILE), 'utf8')).toBe(headerBefore);
    // Ciphertext: no SQLite magic, and it opens only with the vault's key.
    expect(readFileSync(join(copy, DATABASE_FILE)).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    const old = schemaOf(join(copy, DATABASE_FILE), recoveryKey);
    expect(old.version).toBe(170);
    expect(old.tables).not.toContain('vault_key');

    const migrated = schemaOf(databasePath(dir), recoveryKey);
    expect(migrated.version).toBe(LATEST_VERSION);
    expect(migrated.tables).toContain('vault_key');
  });

  it('takes no copy when the vault is already at the latest schema', async () => {
    const dir = vaultDirIn(dirs.make());
    const { vault } = await newVault(dir);
    vault.close();
    const session = await unlockVault(dir, ADMIN.username, ADMIN.password, FAST);
    session.close();
    expect(existsSync(join(dir, PRE_MIGRATION_FOLDER))).toBe(false);
  });

  it('does not migrate when the copy cannot be taken, and leaves no partial copy', async () => {
    const { dir, recoveryKey } = await vaultAtSchema170();
    // A file where the copy's folder must go makes the copy fail.
    writeFileSync(join(dir, PRE_MIGRATION_FOLDER), 'in the way');
    await expect(unlockVault(dir, ADMIN.username, ADMIN.password, FAST)).rejects.toThrow();
    expect(schemaOf(databasePath(dir), recoveryKey).version).toBe(170);
    expect(readdirSync(dir).filter((name) => name.includes('.partial'))).toEqual([]);
  });

  it('keeps only the newest copies: each is a whole database, and disposed records must not live on in them', async () => {
    const dir = vaultDirIn(dirs.make());
    const { vault } = await newVault(dir);
    try {
      const taken = ['2026-01-01T10:00:00Z', '2026-03-01T10:00:00Z', '2026-06-01T10:00:00Z'].map((at) =>
        backupBeforeMigration(vault.db, dir, new Date(at), LATEST_VERSION + 10),
      );
      expect(taken.every((t) => t !== null)).toBe(true);
      const kept = readdirSync(join(dir, PRE_MIGRATION_FOLDER)).sort();
      expect(kept).toHaveLength(PRE_MIGRATION_KEEP);
      expect(kept[0]).toMatch(/20260301T100000Z$/);
      expect(kept[1]).toMatch(/20260601T100000Z$/);
    } finally {
      vault.close();
    }
  });
});
