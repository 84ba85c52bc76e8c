/**
 * Explicit fixtures for core tests: fresh temporary folders and real encrypted vaults.
 * Imported by name where needed (no global setup), and every folder is removed afterwards.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { headerPath, readHeader, type VaultHeader } from '../../../main/core/vault/header';
import { scryptParams } from '../../../main/core/vault/kdf';
import { createVault, type OpenVault, type VaultOptions } from '../../../main/core/vault/vault';

/** The cheapest KDF the header schema accepts: keeps the suite fast. */
export const FAST: VaultOptions = { kdf: scryptParams(2 ** 14) };

export const ADMIN = { username: 'admin', displayName: 'Ada Admin', password: 'correct horse battery staple' };
export const CLINICIAN = {
  username: 'clin',
  displayName: 'Cal Clinician',
  password: 'clinician password 1',
  role: 'clinician' as const,
};
export const READER = {
  username: 'reader',
  displayName: 'Rea Reader',
  password: 'read only password 1',
  role: 'read-only' as const,
};

/** Temporary folders made by one test file; call `cleanup` in afterEach/afterAll. */
export function tempDirs(prefix = 'ncats-test-'): { make(): string; cleanup(): void } {
  const made: string[] = [];
  return {
    make() {
      const dir = mkdtempSync(join(tmpdir(), prefix));
      made.push(dir);
      return dir;
    },
    cleanup() {
      for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A vault folder (not yet existing) inside a fresh temporary folder. */
export function vaultDirIn(parent: string): string {
  return join(parent, 'vault');
}

/** Create a vault with ADMIN as its first user; returns it unlocked. */
export async function newVault(
  dir: string,
  options: VaultOptions = FAST,
): Promise<{ vault: OpenVault; recoveryKey: string }> {
  return createVault(dir, ADMIN, options);
}

/** SHA-256 of every file in a folder, by name: "was anything modified?" in one comparison. */
export function folderHashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    out[name] = createHash('sha256')
      .update(readFileSync(join(dir, name)))
      .digest('hex');
  }
  return out;
}

/** Rewrite the header through a function, bypassing the app (what a tamperer would do). */
export function editHeader(dir: string, edit: (h: VaultHeader) => VaultHeader): void {
  writeFileSync(headerPath(dir), JSON.stringify(edit(readHeader(dir)), null, 2));
}

export function headerBytes(dir: string): string {
  return existsSync(headerPath(dir)) ? readFileSync(headerPath(dir), 'utf8') : '';
}
