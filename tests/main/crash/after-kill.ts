/**
 * What must hold for a vault after any kill, whatever was being written: the app's start-up
 * sweeps run, then the checks `ncats verify` makes pass, and the blob store matches the rows
 * exactly (no blob without a row, no row without a whole blob, no temporary file).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
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

/**
 * The blob store holds exactly the blobs the rows own, and nothing else; each blob reads back,
 * through the app's own reader (format 1 or 2: it checks the length and every chunk), to the
 * plaintext its row's SHA-256 names, so a half-written blob under a final name cannot pass.
 */
export async function expectBlobStoreMatchesRows(vault: OpenVault): Promise<number> {
  const owned = ownedBlobIds(vault.db);
  const onDisk = filesUnder(join(vault.dir, 'blobs'));
  expect(onDisk.filter((f) => !/^[0-9a-f]{2}\/[0-9a-f-]{36}\.bin$/.test(f))).toEqual([]);
  const ids = onDisk.map((f) => f.slice(3, -4));
  expect(ids.filter((id) => !owned.has(id))).toEqual([]);
  expect([...owned].filter((id) => !existsSync(blobPath(vault.dir, id)))).toEqual([]);
  const docs = vault.db.prepare('SELECT id, sha256 FROM documents').all() as { id: string; sha256: string }[];
  for (const d of docs) expect(await documentSha256(vault, d.id)).toBe(d.sha256);
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
  await expectBlobStoreMatchesRows(vault);
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
