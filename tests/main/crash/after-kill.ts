/**
 * What must hold for a vault after any kill, whatever was being written: the app's start-up
 * sweeps run, then the checks `ncats verify` makes pass, and the blob store matches the rows
 * exactly (no blob without a row, no row without a whole blob, no temporary file).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { runVaultChecks } from '../../../main/cli/vault-checks';
import { sweepBundleFiles } from '../../../main/core/bundles/bundle-files';
import { ownedBlobIds, sweepBlobStore } from '../../../main/core/documents/blob-sweep';
import { blobPath } from '../../../main/core/documents/blob-writer';
import { getDocument, openDocumentStream } from '../../../main/core/documents/documents.service';
import { unlockVault, type OpenVault } from '../../../main/core/vault/vault';
import { FAST } from '../core/temp-vault';

/** What the start-up sweeps removed: blob temporaries, orphan blobs, inbox partials. */
export interface Swept {
  tempFiles: number;
  orphanBlobs: number;
  bundleFiles: number;
}

/** Every file under `dir`, as paths relative to it. */
export function filesUnder(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
  );
}

/** A blob's length for `size` plaintext bytes (documents/README.md, "Length"). */
function blobLength(size: number, chunkSize: number): number {
  return 64 + size + 16 * Math.max(1, Math.ceil(size / chunkSize));
}

/** The blob store holds exactly the blobs the rows own, each of its full length, and nothing else. */
export function expectBlobStoreMatchesRows(vault: OpenVault): number {
  const owned = ownedBlobIds(vault.db);
  const onDisk = filesUnder(join(vault.dir, 'blobs'));
  expect(onDisk.filter((f) => !/^[0-9a-f]{2}\/[0-9a-f-]{36}\.bin$/.test(f))).toEqual([]);
  const ids = onDisk.map((f) => f.slice(3, -4));
  expect(ids.filter((id) => !owned.has(id))).toEqual([]);
  expect([...owned].filter((id) => !existsSync(blobPath(vault.dir, id)))).toEqual([]);
  const docs = vault.db.prepare('SELECT id, size_bytes AS size, chunk_size AS chunk FROM documents').all() as {
    id: string;
    size: number;
    chunk: number;
  }[];
  for (const d of docs) expect(statSync(blobPath(vault.dir, d.id)).size).toBe(blobLength(d.size, d.chunk));
  return owned.size;
}

/**
 * Sign in as the app would after the crash, run its sweeps as a start an hour (for the blob
 * store) and a day (for the bundle inbox) later would, check everything, and hand the vault to
 * the path's own checks. What the sweeps removed is added to `swept`, for the path's figures.
 */
export async function reopenAndCheck(
  dir: string,
  username: string,
  password: string,
  swept: Swept,
): Promise<OpenVault> {
  const vault = await unlockVault(dir, username, password, FAST);
  const blobs = sweepBlobStore(dir, vault.db, Date.now() + 1000);
  const bundleFiles = sweepBundleFiles(dir, Date.now() + 1000, 0);
  swept.tempFiles += blobs.tempFiles;
  swept.orphanBlobs += blobs.orphanBlobs;
  swept.bundleFiles += bundleFiles;
  const failed = runVaultChecks(vault).filter((c) => !c.ok);
  expect(failed).toEqual([]);
  expectBlobStoreMatchesRows(vault);
  expect(filesUnder(dir).filter((f) => /\.(tmp|partial)$/.test(f))).toEqual([]);
  return vault;
}

/** The SHA-256 of a document's plaintext, read back through the app's own reader. */
export async function documentSha256(vault: OpenVault, documentId: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const piece of await openDocumentStream(vault, getDocument(vault, documentId)))
    hash.update(piece as Buffer);
  return hash.digest('hex');
}
