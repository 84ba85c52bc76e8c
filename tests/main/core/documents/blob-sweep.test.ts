/**
 * The blob store's start-up sweep on a real vault: stale temporary files and blobs no row owns
 * go; an owned blob, and anything newer than the cut-off (a write still in flight), stays.
 */
import { existsSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { referralSchema } from '../../../../preload/contract/case-records';
import { createCase } from '../../../../main/core/cases/cases.service';
import {
  BLOB_SWEEP_GRACE_MS,
  ownedBlobIds,
  sweepBlobStore,
  sweepCutoff,
} from '../../../../main/core/documents/blob-sweep';
import { blobPath } from '../../../../main/core/documents/blob-writer';
import { importDocument } from '../../../../main/core/documents/documents.service';
import { SessionManager } from '../../../../main/core/session/session-manager';
import { ADMIN, FAST, newVault, tempDirs, vaultDirIn } from '../temp-vault';

const dirs = tempDirs();
afterEach(() => dirs.cleanup());

const ORPHAN = 'abcdef01-2345-4678-89ab-cdef01234567';
const HOUR_AGO = (Date.now() - 2 * BLOB_SWEEP_GRACE_MS) / 1000;

async function vaultWithDocument() {
  const dir = vaultDirIn(dirs.make());
  const { vault } = await newVault(dir);
  const made = createCase(
    vault,
    referralSchema.parse({
      referralDate: '2026-01-12',
      youngPerson: { givenName: 'Sweep', familyName: 'Test', dateOfBirth: '2012-05-01' },
    }),
  );
  const doc = await importDocument(vault, { caseId: made.id, filename: 'a.txt' }, Readable.from([Buffer.from('kept')]));
  return { dir, vault, documentId: doc.id };
}

/** A file as a killed writer leaves it, its time set back past the grace when `stale`. */
function leftover(path: string, stale: boolean): string {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, 'ciphertext');
  if (stale) utimesSync(path, HOUR_AGO, HOUR_AGO);
  return path;
}

describe('sweepBlobStore', () => {
  it('removes stale temporary files and orphan blobs, keeps owned blobs and fresh files', async () => {
    const { dir, vault, documentId } = await vaultWithDocument();
    const owned = blobPath(dir, documentId);
    utimesSync(owned, HOUR_AGO, HOUR_AGO);
    const folder = join(owned, '..');
    const staleTemp = leftover(join(folder, `.${documentId}.0123456789ab.tmp`), true);
    const freshTemp = leftover(join(folder, `.${ORPHAN}.ba9876543210.tmp`), false);
    const orphan = leftover(blobPath(dir, ORPHAN), true);
    const notOurs = leftover(join(folder, 'notes.txt'), true);
    expect(sweepBlobStore(dir, vault.db, sweepCutoff())).toEqual({ tempFiles: 1, orphanBlobs: 1 });
    expect([existsSync(staleTemp), existsSync(orphan)]).toEqual([false, false]);
    expect([existsSync(owned), existsSync(freshTemp), existsSync(notOurs)]).toEqual([true, true, true]);
    vault.close();
  });

  it('a document owns the blob its blob_id names, and a sender’s kept version owns its own (migration 230)', async () => {
    const { dir, vault, documentId } = await vaultWithDocument();
    const moved = 'abcdef01-2345-4678-89ab-cdef0123aaaa';
    const incoming = 'abcdef01-2345-4678-89ab-cdef0123bbbb';
    vault.db.prepare('UPDATE documents SET blob_id = ? WHERE id = ?').run(moved, documentId);
    const caseId = vault.db.prepare('SELECT case_id FROM documents WHERE id = ?').pluck().get(documentId);
    vault.db
      .prepare(
        `INSERT INTO document_incoming_blobs
           (blob_id, document_id, bundle_id, case_id, size_bytes, sha256, blob_format, chunk_size, age_identity, staged_at)
         VALUES (?, ?, ?, ?, 4, ?, 2, 65536, 'AGE-SECRET-KEY-1TEST', 't')`,
      )
      .run(incoming, documentId, ORPHAN, caseId, 'a'.repeat(64));
    expect([...ownedBlobIds(vault.db)].sort()).toEqual([moved, incoming].sort());
    // The file named by the document id is no longer anyone's; the two named by blob ids are.
    utimesSync(blobPath(dir, documentId), HOUR_AGO, HOUR_AGO);
    const kept = [leftover(blobPath(dir, moved), true), leftover(blobPath(dir, incoming), true)];
    expect(sweepBlobStore(dir, vault.db, sweepCutoff())).toEqual({ tempFiles: 0, orphanBlobs: 1 });
    expect(existsSync(blobPath(dir, documentId))).toBe(false);
    expect(kept.map((f) => existsSync(f))).toEqual([true, true]);
    vault.close();
  });

  it('removes a fan-out folder the sweep left empty', async () => {
    const { dir, vault } = await vaultWithDocument();
    const orphan = leftover(blobPath(dir, ORPHAN), true);
    sweepBlobStore(dir, vault.db, sweepCutoff());
    expect(existsSync(join(orphan, '..'))).toBe(false);
    vault.close();
  });

  it('runs when the app signs in (SessionManager)', async () => {
    const { dir, vault } = await vaultWithDocument();
    vault.close();
    const orphan = leftover(blobPath(dir, ORPHAN), true);
    const manager = new SessionManager(dir, { vault: FAST });
    await manager.unlock(ADMIN.username, ADMIN.password);
    expect(existsSync(orphan)).toBe(false);
    manager.dispose();
  });
});
