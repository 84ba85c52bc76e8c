import { existsSync } from 'node:fs';
import { LATEST_VERSION, schemaVersion } from '../core/db/migrations/index';
import { blobIdsOwnedIn } from '../core/documents/blob-sweep';
import { blobPath } from '../core/documents/blob-writer';
import { KEPT_TABLES, keptTablesDrift } from '../core/stats/kept-tallies';
import { verifyAuditChain } from '../core/vault/audit';
import { readHeader } from '../core/vault/header';
import type { OpenVault } from '../core/vault/vault';
import { countOf } from '../../preload/contract/plural';

/** The outcome of one check made by `ncats verify`. */
export interface CheckResult {
  name: string;
  ok: boolean;
  /** One or more lines: what was found, or what is wrong. */
  details: string[];
}

/** The longest list of problems printed for one check; the rest are counted. */
const MAX_LISTED = 10;

function errorText(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  if ((err as { code?: unknown } | null)?.code === 'SQLITE_CORRUPT') {
    return `a database page failed decryption or its HMAC check, so the file has been damaged or altered (${message})`;
  }
  return message;
}

/** Run one check; an exception (e.g. SQLITE_CORRUPT while reading) is a failed check, not a crash. */
function guarded(name: string, check: () => Omit<CheckResult, 'name'>): CheckResult {
  try {
    return { name, ...check() };
  } catch (err) {
    return { name, ok: false, details: [`Could not complete: ${errorText(err)}`] };
  }
}

/**
 * PRAGMA integrity_check reads every page of the database. SQLite3MultipleCiphers has no
 * `cipher_integrity_check` (the pragma is silently ignored: it returns nothing even for a file
 * with a damaged page), but it does not need one: every page is decrypted and its HMAC checked
 * as it is read, so a tampered or damaged page makes integrity_check fail with SQLITE_CORRUPT.
 */
function integrityCheck(vault: OpenVault): CheckResult {
  return guarded('Database integrity (PRAGMA integrity_check)', () => {
    const rows = vault.db.pragma('integrity_check') as { integrity_check: string }[];
    const problems = rows.map((r) => r.integrity_check).filter((m) => m !== 'ok');
    if (problems.length === 0) {
      return {
        ok: true,
        details: ['ok: every page decrypted and passed its HMAC check, and the b-trees and indexes are consistent.'],
      };
    }
    // A page that fails its HMAC is reported per b-tree as "unable to get the page" (SQLITE_CORRUPT,
    // error code 11) once the schema has more than a few tables, rather than thrown: say what it means.
    const unreadable = problems.some((m) => /unable to get the page|error code=11/.test(m));
    const why = unreadable ? [errorText(Object.assign(new Error('unreadable pages'), { code: 'SQLITE_CORRUPT' }))] : [];
    return { ok: false, details: [...why, ...listed(problems)] };
  });
}

function foreignKeyCheck(vault: OpenVault): CheckResult {
  return guarded('Foreign keys (PRAGMA foreign_key_check)', () => {
    const rows = vault.db.pragma('foreign_key_check') as { table: string; rowid: number | null; parent: string }[];
    if (rows.length === 0) return { ok: true, details: ['ok'] };
    return {
      ok: false,
      details: listed(rows.map((r) => `${r.table} row ${r.rowid ?? '?'} refers to a missing ${r.parent} row`)),
    };
  });
}

/** Unlocking already applied any pending migration, so anything but LATEST_VERSION is wrong. */
function migrationCheck(vault: OpenVault): CheckResult {
  return guarded('Schema migrations', () => {
    const version = schemaVersion(vault.db);
    if (version === LATEST_VERSION) {
      return { ok: true, details: [`schema version ${version}, the latest this version of the app knows: up to date`] };
    }
    return {
      ok: false,
      details: [`schema version ${version}, but this version of the app expects ${LATEST_VERSION}`],
    };
  });
}

function auditCheck(vault: OpenVault): CheckResult {
  return guarded('Audit chain', () => {
    const result = verifyAuditChain(vault.db);
    if (result.ok) return { ok: true, details: [`${countOf(result.rowsChecked, 'row')}, every hash and link intact`] };
    return {
      ok: false,
      details: [
        result.problem ?? 'The chain is broken.',
        `${countOf(result.rowsChecked, 'row')} before the break ${result.rowsChecked === 1 ? 'was' : 'were'} intact.`,
      ],
    };
  });
}

/**
 * Every key slot in the header must belong to a user in the database (a slot for a user who is
 * not there cannot sign in). A role that differs between slot and database is only noted: the
 * database role is the one that counts, the slot's copy is informative.
 */
function slotCheck(vault: OpenVault): CheckResult {
  return guarded('Key slots match users', () => {
    const users = new Map(vault.listUsers().map((u) => [u.id, u]));
    const slots = readHeader(vault.dir).slots;
    const problems: string[] = [];
    const notes: string[] = [];
    for (const slot of slots) {
      const user = users.get(slot.userId);
      if (!user) problems.push(`The key slot for ${slot.username} has no matching user in the database.`);
      else if (user.role !== slot.role) {
        notes.push(`${user.username}: ${user.role} in the database (the header slot still says ${slot.role}).`);
      }
    }
    if (problems.length > 0) return { ok: false, details: listed(problems) };
    return { ok: true, details: [`${slots.length} key slots, each for a user in the database`, ...notes] };
  });
}

/**
 * Every blob a row owns (documents, a sender's version waiting on a conflict, training materials:
 * the sweep's one rule, `blobIdsOwnedIn`) has its file. Presence only: reading every file back
 * would take as long as a backup; the restore and the kill tests read them through the reader.
 */
function blobFilesCheck(vault: OpenVault): CheckResult {
  return guarded('Document files (one encrypted file for every document row)', () => {
    const ids = blobIdsOwnedIn(vault.db);
    const missing = ids.filter((id) => !existsSync(blobPath(vault.dir, id)));
    if (missing.length > 0) {
      return {
        ok: false,
        details: listed(missing.map((id) => `The encrypted file of blob ${id} is missing from the vault folder.`)),
      };
    }
    return { ok: true, details: [`${countOf(ids.length, 'encrypted file')}, each present`] };
  });
}

/**
 * The counts the statistics, Safe Home and Home keep by triggers are what a fresh count of the
 * records gives (`keptTablesDrift`, rolled back: nothing is changed).
 */
function keptCountsCheck(vault: OpenVault): CheckResult {
  return guarded('Kept counts (statistics, Safe Home summary, plan clinicians)', () => {
    const drift = keptTablesDrift(vault.db);
    if (drift.length > 0) {
      return {
        ok: false,
        details: drift.map(
          (d) =>
            `The ${d.purpose} (${d.table}) differ from a fresh count of the records in ${countOf(d.differing, 'row')}: the figures shown from them are wrong. The records themselves are not affected; report this to the service's IT team.`,
        ),
      };
    }
    return { ok: true, details: [`${KEPT_TABLES.length} kept tables, each the same as a fresh count`] };
  });
}

function listed(items: string[]): string[] {
  if (items.length <= MAX_LISTED) return items;
  return [...items.slice(0, MAX_LISTED), `... and ${items.length - MAX_LISTED} more`];
}

/** All checks, in the order a person would want to read them. */
export function runVaultChecks(vault: OpenVault): CheckResult[] {
  return [
    integrityCheck(vault),
    foreignKeyCheck(vault),
    migrationCheck(vault),
    slotCheck(vault),
    auditCheck(vault),
    blobFilesCheck(vault),
    keptCountsCheck(vault),
  ];
}
