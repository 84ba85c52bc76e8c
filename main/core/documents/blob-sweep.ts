/**
 * The blob store's start-up sweep: what a process killed in the middle of a write leaves behind.
 *
 * A blob is written to `.<id>.<random>.tmp`, fsynced, renamed to `<id>.bin`, and only then is its
 * row committed (blob-writer.ts, documents.service.ts, bundle staging). A kill before the rename
 * leaves a temporary file; a kill between the rename and the commit leaves a blob no row names.
 * Both hold ciphertext only and are never read, but they are clutter a disposal review would have
 * to explain, so the first sign-in of a process removes them.
 *
 * Only files older than `olderThanMs` go: the caller passes a moment before this process began
 * and before the grace period, so a write still in flight (this process's, or another process's
 * such as a CLI import staging a bundle's documents) is never touched.
 */
import { readdirSync, rmSync, rmdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../db/connection';

/**
 * The writers' temporary names: `.<document id>.<12 hex>.tmp` (format 1, blob-writer.ts) and
 * `.<document id>.bin.<12 hex>.tmp` (format 2, age-blob-writer.ts).
 */
const TEMP_NAME = /^\.[0-9a-f-]{36}(\.bin)?\.[0-9a-f]{12}\.tmp$/;
const BLOB_NAME = /^([0-9a-f-]{36})\.bin$/;
const FAN_OUT = /^[0-9a-f]{2}$/;

/** Another process's staged blob may wait this long for its row (a large bundle being read). */
export const BLOB_SWEEP_GRACE_MS = 60 * 60 * 1000;

export interface BlobSweepResult {
  tempFiles: number;
  orphanBlobs: number;
}

/**
 * The ids of every blob the rows of one schema (`main`, or an attached backup snapshot) own:
 * every table with a `blob_format` column owns blobs, named by its `blob_id` column when it has
 * one (documents since migration 230, a sender's version kept for a conflict) and by its `id`
 * otherwise (training materials). Soft-deleted rows still own their blob. The sweep and backups
 * share this rule, so a blob a backup carries is never one the sweep would remove.
 */
export function blobIdsOwnedIn(db: Db, schema = 'main'): string[] {
  const tables = db.prepare(`SELECT name FROM ${schema}.sqlite_master WHERE type = 'table'`).pluck().all() as string[];
  const ids: string[] = [];
  for (const table of tables) {
    const quoted = `"${table.replace(/"/g, '""')}"`;
    const columns = db.pragma(`${schema}.table_info(${quoted})`) as { name: string }[];
    if (!columns.some((c) => c.name === 'blob_format')) continue;
    const named = columns.some((c) => c.name === 'blob_id') ? 'blob_id' : 'id';
    ids.push(...(db.prepare(`SELECT ${named} FROM ${schema}.${quoted} ORDER BY ${named}`).pluck().all() as string[]));
  }
  return ids;
}

/** `blobIdsOwnedIn` for the live database, as a set. */
export function ownedBlobIds(db: Db): Set<string> {
  return new Set(blobIdsOwnedIn(db));
}

/** The moment before which a file is stale for this process: its start, less the grace. */
export function sweepCutoff(now = Date.now()): number {
  const processStart = now - process.uptime() * 1000;
  return Math.min(processStart, now - BLOB_SWEEP_GRACE_MS);
}

function olderThan(path: string, cutoffMs: number): boolean {
  try {
    return statSync(path).mtimeMs < cutoffMs;
  } catch {
    return false;
  }
}

/**
 * Remove stale temporary files and blobs no row owns from `<vaultDir>/blobs`, and fan-out
 * folders left empty. Never throws: housekeeping must not stop a sign-in.
 */
export function sweepBlobStore(vaultDir: string, db: Db, olderThanMs: number): BlobSweepResult {
  const result: BlobSweepResult = { tempFiles: 0, orphanBlobs: 0 };
  const root = join(vaultDir, 'blobs');
  let owned: Set<string>;
  let folders: string[];
  try {
    owned = ownedBlobIds(db);
    folders = readdirSync(root).filter((name) => FAN_OUT.test(name));
  } catch {
    return result;
  }
  for (const folder of folders) {
    const dir = join(root, folder);
    try {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        const blobId = BLOB_NAME.exec(name)?.[1];
        const stale = TEMP_NAME.test(name) || (blobId !== undefined && !owned.has(blobId));
        if (!stale || !olderThan(path, olderThanMs)) continue;
        rmSync(path, { force: true });
        if (blobId) result.orphanBlobs += 1;
        else result.tempFiles += 1;
      }
      rmdirSync(dir);
    } catch {
      // Not empty (the usual case), or unreadable: left for the next sweep.
    }
  }
  return result;
}
