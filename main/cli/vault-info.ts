import { waitRemaining } from '../core/vault/backoff';
import type { VaultHeader } from '../core/vault/header';
import type { KdfParams } from '../core/vault/kdf';
import { formatDateTime, formatMiB } from './format';

/**
 * What `ncats info` shows about a vault: everything in the header except its secrets. It is
 * built field by field (never by copying the header and deleting), so a secret added to the
 * header later cannot leak into the output by accident.
 */
export interface VaultInfo {
  path: string;
  format: string;
  formatVersion: number;
  vaultId: string;
  createdAt: string;
  database: { file: string; cipher: string; legacy: number; description: string };
  /** From the header's key slots. The role that counts is the one inside the database. */
  users: { username: string; role: string; kdf: KdfParams & { memoryBytes: number } }[];
  /** Failed unlocks recorded in the header, to be written to the audit log at the next unlock. */
  pendingFailedUnlocks: number;
  lockouts: { username: string; failures: number; lastFailureAt: string; waitSeconds: number }[];
}

/** scrypt needs 128 * N * r bytes of memory per derivation. */
function kdfMemory(kdf: KdfParams): number {
  return 128 * kdf.N * kdf.r;
}

export function formatKdf(kdf: KdfParams): string {
  return `${kdf.algorithm} N=2^${Math.log2(kdf.N)} r=${kdf.r} p=${kdf.p} (${formatMiB(kdfMemory(kdf))} per attempt)`;
}

export function describeVault(dir: string, header: VaultHeader, now: Date): VaultInfo {
  return {
    path: dir,
    format: header.format,
    formatVersion: header.formatVersion,
    vaultId: header.vaultId,
    createdAt: header.createdAt,
    database: {
      file: header.database.file,
      cipher: header.database.cipher,
      legacy: header.database.legacy,
      description: `SQLCipher ${header.database.legacy} format (opens in stock SQLCipher ${header.database.legacy} with the recovery key)`,
    },
    users: header.slots.map((slot) => ({
      username: slot.username,
      role: slot.role,
      kdf: {
        algorithm: slot.kdf.algorithm,
        N: slot.kdf.N,
        r: slot.kdf.r,
        p: slot.kdf.p,
        keyLength: slot.kdf.keyLength,
        memoryBytes: kdfMemory(slot.kdf),
      },
    })),
    pendingFailedUnlocks: header.pendingAudit.filter((p) => p.action === 'session.unlock_failed').length,
    lockouts: Object.entries(header.lockout).map(([username, record]) => ({
      username,
      failures: record.failures,
      lastFailureAt: record.lastFailureAt,
      waitSeconds: Math.ceil(waitRemaining(record, now) / 1000),
    })),
  };
}

/** The human-readable form of `VaultInfo`, one line per fact. */
export function renderVaultInfo(info: VaultInfo): string[] {
  const lines = [
    `Vault:           ${info.path}`,
    `Header format:   ${info.format} version ${info.formatVersion}`,
    `Vault id:        ${info.vaultId}`,
    `Created:         ${formatDateTime(info.createdAt)}`,
    `Database:        ${info.database.file}, cipher ${info.database.cipher}, legacy ${info.database.legacy}: ${info.database.description}`,
    `Users (${info.users.length}), with roles as recorded in the header (the role that counts is the one inside the database):`,
  ];
  for (const user of info.users) {
    lines.push(`  ${user.username} (${user.role}): ${formatKdf(user.kdf)}`);
  }
  lines.push(`Failed unlocks waiting to be written to the audit log: ${info.pendingFailedUnlocks}`);
  if (info.lockouts.length === 0) {
    lines.push('Lockouts:        none');
  } else {
    lines.push('Lockouts:');
    for (const l of info.lockouts) {
      const wait = l.waitSeconds > 0 ? `must wait ${l.waitSeconds} seconds` : 'may try again now';
      lines.push(`  ${l.username}: ${l.failures} failed attempts, last at ${formatDateTime(l.lastFailureAt)}; ${wait}`);
    }
  }
  return lines;
}
