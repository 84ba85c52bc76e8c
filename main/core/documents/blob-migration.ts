/**
 * Re-encrypt format 1 blobs as format 2 (age) after migration 190, at sign-in, one document at a
 * time. Each document goes through three steps, and a kill at any point leaves it readable:
 *
 *   1. write the age blob beside the format 1 one, under a staging name (ciphertext only,
 *      fsynced; its plaintext hash is checked against the row's before going on);
 *   2. in one transaction, set the row's identity and `blob_format = 2`, with an audit row;
 *   3. rename the staging file over the format 1 blob (which removes it, atomically).
 *
 * Killed before 2: the row is still format 1 and so is the blob; the staging file's identity
 * was never stored, so the next run deletes it and starts that document again. Killed between 2
 * and 3: the row says 2 while the blob is still format 1; readers tell the formats apart by the
 * file's first bytes (blob-store.ts), and the next run finishes the rename. Resumable: each run
 * first settles what a previous one left, then carries on with the rows still at format 1.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { OpenVault } from '../vault/vault';
import { AGE_BLOB_FORMAT, newDocumentIdentity, writeAgeBlobAt } from './age-blob-writer';
import { ATTACHMENTS_KEY_PURPOSE } from './blob-store';
import { openBlobRange } from './blob-reader';
import { blobPath } from './blob-writer';
import { fsyncPath } from '../fs-sync';

const STAGING_SUFFIX = '.age-pending';
const STAGING_NAME = /^\.([0-9a-f-]{36})\.age-pending$/;

/** Where step 1 leaves a document's age blob until step 3 moves it into place. */
export function stagingPath(vaultDir: string, blobId: string): string {
  return join(dirname(blobPath(vaultDir, blobId)), `.${blobId}${STAGING_SUFFIX}`);
}

export interface BlobMigrationResult {
  /** Documents re-encrypted by this run. */
  migrated: number;
  /** Renames a previous, interrupted run had left to do. */
  completed: number;
  /** Documents whose format 1 blob could not be read (missing or damaged): left as they were. */
  failed: string[];
  /** Rows still at format 1 when this run stopped (the vault was locked part-way). */
  remaining: number;
}

/** Test seams: called after step 1 and after step 2, so a test can stop the run there. */
export interface BlobMigrationHooks {
  afterStaged?(documentId: string): void | Promise<void>;
  afterFlipped?(documentId: string): void | Promise<void>;
}

interface PendingRow {
  id: string;
  /** Names the file and is the file id in the format 1 header (the document id before migration 230). */
  blob_id: string;
  case_id: string;
  size_bytes: number;
  sha256: string;
}

/** Step 3 for every staging file a previous run left; staging files never committed are removed. */
async function settleStaged(vault: OpenVault): Promise<number> {
  const root = join(vault.dir, 'blobs');
  if (!existsSync(root)) return 0;
  let completed = 0;
  const formatOf = vault.db.prepare('SELECT blob_format FROM documents WHERE blob_id = ?').pluck();
  for (const folder of readdirSync(root)) {
    if (!/^[0-9a-f]{2}$/.test(folder)) continue;
    for (const name of readdirSync(join(root, folder))) {
      const blobId = STAGING_NAME.exec(name)?.[1];
      if (!blobId) continue;
      const staged = join(root, folder, name);
      if (formatOf.get(blobId) === AGE_BLOB_FORMAT) {
        await rename(staged, blobPath(vault.dir, blobId));
        fsyncPath(join(root, folder));
        completed += 1;
      } else {
        rmSync(staged, { force: true });
      }
    }
  }
  return completed;
}

async function migrateOne(vault: OpenVault, row: PendingRow, hooks: BlobMigrationHooks): Promise<boolean> {
  const staged = stagingPath(vault.dir, row.blob_id);
  const key = vault.deriveSubkey(ATTACHMENTS_KEY_PURPOSE);
  let written;
  try {
    // A full read: every format 1 chunk is authenticated on the way through.
    const plaintext = await openBlobRange(key, vault.dir, row.blob_id, row.size_bytes);
    written = await writeAgeBlobAt(staged, await newDocumentIdentity(), plaintext);
  } catch {
    rmSync(staged, { force: true });
    return false;
  } finally {
    key.fill(0);
  }
  if (written.size !== row.size_bytes || written.sha256 !== row.sha256) {
    rmSync(staged, { force: true });
    return false;
  }
  await hooks.afterStaged?.(row.id);
  if (!vault.isOpen) return false;
  const flipped = vault.db
    .transaction(() => {
      const changed = vault.db
        .prepare('UPDATE documents SET blob_format = ?, age_identity = ? WHERE id = ? AND blob_format = 1')
        .run(AGE_BLOB_FORMAT, written.ageIdentity, row.id).changes;
      if (changed === 1) {
        vault.audit({
          action: 'document.reencrypt',
          entityType: 'document',
          entityId: row.id,
          caseId: row.case_id,
          detail: { from: 1, to: AGE_BLOB_FORMAT, sha256: row.sha256 },
        });
      }
      return changed === 1;
    })
    .immediate();
  if (!flipped) {
    rmSync(staged, { force: true });
    return false;
  }
  await hooks.afterFlipped?.(row.id);
  await rename(staged, blobPath(vault.dir, row.blob_id));
  fsyncPath(dirname(staged));
  return true;
}

const running = new Map<string, Promise<BlobMigrationResult>>();

/**
 * Bring every document of this vault to format 2. Safe to call at every sign-in: with nothing
 * to do it costs one indexed query and a listing of the blob folders. Runs for one vault folder
 * at a time (a second call waits for the first), and stops between documents once the vault is
 * locked. Never throws for one bad document: it stays format 1 and is reported in `failed`.
 */
export function migrateDocumentBlobs(vault: OpenVault, hooks: BlobMigrationHooks = {}): Promise<BlobMigrationResult> {
  const before = running.get(vault.dir) ?? Promise.resolve(null);
  const run = before
    .catch(() => null)
    .then(async () => {
      const result: BlobMigrationResult = { migrated: 0, completed: 0, failed: [], remaining: 0 };
      if (!vault.isOpen) return result;
      result.completed = await settleStaged(vault);
      const rows = vault.db
        .prepare('SELECT id, blob_id, case_id, size_bytes, sha256 FROM documents WHERE blob_format = 1 ORDER BY seq')
        .all() as PendingRow[];
      for (const [index, row] of rows.entries()) {
        if (!vault.isOpen) {
          result.remaining = rows.length - index;
          break;
        }
        if (await migrateOne(vault, row, hooks)) {
          result.migrated += 1;
        } else if (vault.isOpen) {
          result.failed.push(row.id);
        } else {
          result.remaining = rows.length - index;
          break;
        }
      }
      return result;
    });
  running.set(vault.dir, run);
  const forget = (): void => {
    if (running.get(vault.dir) === run) running.delete(vault.dir);
  };
  run.then(forget, forget);
  return run;
}
