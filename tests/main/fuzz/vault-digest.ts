/**
 * "Did anything change?" for a fuzzed vault, in one comparison: every table's rows in a fixed
 * order, the names and sizes of the files in the vault folder (documents' blobs, inbox, outbox),
 * and the vault header without its sign-in back-off. The back-off (`lockout`, and the failed
 * attempts waiting to be audited, `pendingAudit`) is the one write a refused input is meant to
 * make: a wrong password must count towards the lock-out.
 *
 * When the vault is locked the database cannot be read, so the database files are compared by
 * their bytes instead (nothing may open them while locked).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { SessionManager } from '../../../main/core/session/session-manager';
import { headerPath } from '../../../main/core/vault/header';

export interface VaultSnapshot {
  /** SHA-256 over `lines`. */
  digest: string;
  lines: string[];
}

function headerLine(dir: string): string {
  const path = headerPath(dir);
  if (!existsSync(path)) return 'header absent';
  const header = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  delete header.lockout;
  delete header.pendingAudit;
  return `header ${JSON.stringify(header)}`;
}

function fileLines(dir: string, withDatabaseBytes: boolean): string[] {
  const lines: string[] = [];
  const walk = (folder: string, prefix: string): void => {
    const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of entries) {
      const full = join(folder, entry.name);
      const name = `${prefix}${entry.name}`;
      if (entry.isDirectory()) walk(full, `${name}/`);
      else if (full === headerPath(dir)) continue;
      else if (name.startsWith('vault.db')) {
        if (withDatabaseBytes)
          lines.push(`db ${name} ${createHash('sha256').update(readFileSync(full)).digest('hex')}`);
      } else lines.push(`file ${name} ${statSync(full).size}`);
    }
  };
  if (existsSync(dir)) walk(dir, '');
  return lines;
}

function rowLines(manager: SessionManager): string[] {
  const db = manager.current().db;
  const lines: string[] = [];
  const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as {
    name: string;
  }[];
  for (const { name } of tables) {
    const quoted = `"${name.replace(/"/g, '""')}"`;
    const rows = db.prepare(`SELECT * FROM ${quoted}`).all() as Record<string, unknown>[];
    // Sorted by their text so the order SQLite happens to return them in does not matter.
    const texts = rows.map((row) => JSON.stringify(row, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v)));
    texts.sort();
    lines.push(`table ${name} ${rows.length}`, ...texts.map((t) => `row ${name} ${t}`));
  }
  return lines;
}

/** The snapshot of the manager's vault as it is now (unlocked: rows; locked: database bytes). */
export function snapshotVault(manager: SessionManager): VaultSnapshot {
  const unlocked = manager.isUnlocked();
  const lines = [
    headerLine(manager.vaultDir),
    ...fileLines(manager.vaultDir, !unlocked),
    ...(unlocked ? rowLines(manager) : []),
  ];
  const hash = createHash('sha256');
  for (const line of lines) hash.update(`${line}\n`);
  return { digest: hash.digest('hex'), lines };
}

/** The first few lines that differ between two snapshots, for a failure message. */
export function snapshotDifference(before: VaultSnapshot, after: VaultSnapshot, limit = 6): string {
  const was = new Set(before.lines);
  const now = new Set(after.lines);
  const gone = before.lines
    .filter((l) => !now.has(l))
    .slice(0, limit)
    .map((l) => `- ${l.slice(0, 300)}`);
  const added = after.lines
    .filter((l) => !was.has(l))
    .slice(0, limit)
    .map((l) => `+ ${l.slice(0, 300)}`);
  return [...gone, ...added].join('\n');
}
