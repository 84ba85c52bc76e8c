/**
 * Format 1 blobs re-encrypted as age files after migration 190: every document readable before,
 * during (a simulated kill after each step) and after, resumable, and started by sign-in.
 * Real encrypted vaults; the format 1 documents are written with the old writer.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { blobPath } from '../../../../main/core/documents/blob-writer';
import { migrateDocumentBlobs, stagingPath } from '../../../../main/core/documents/blob-migration';
import { DAMAGED_MESSAGE } from '../../../../main/core/documents/blob-reader';
import { findDocumentRow } from '../../../../main/core/documents/documents.repo';
import { importDocument, openDocumentStream, requireDocument } from '../../../../main/core/documents/documents.service';
import { SessionManager } from '../../../../main/core/session/session-manager';
import { unlockVault, type OpenVault } from '../../../../main/core/vault/vault';
import { ADMIN, FAST } from '../temp-vault';
import { auditActions, patternBytes, readAll, sha256, vaultWithCase, type DocFixture } from './fixtures';
import { importV1Document } from './v1-fixture';

const CHUNK = 64 * 1024;
const fixtures: DocFixture[] = [];
afterEach(() => {
  for (const f of fixtures.splice(0)) f.cleanup();
});

async function setUp(): Promise<DocFixture> {
  const f = await vaultWithCase();
  fixtures.push(f);
  return f;
}

const isAgeFile = (vault: OpenVault, id: string) =>
  readFileSync(blobPath(vault.dir, id)).subarray(0, 22).toString('latin1') === 'age-encryption.org/v1\n';
const formatOf = (vault: OpenVault, id: string) => findDocumentRow(vault.db, id)?.blob_format;
const contentOf = async (vault: OpenVault, id: string, range?: { start: number; end: number }) =>
  readAll(await openDocumentStream(vault, requireDocument(vault, id), range));

class SimulatedKill extends Error {}
const killAt = (step: 'afterStaged' | 'afterFlipped') => ({
  [step]: () => {
    throw new SimulatedKill(step);
  },
});

describe('re-encrypting format 1 blobs as age', () => {
  it('turns every format 1 document into format 2 with the same bytes, audited, and leaves format 2 alone', async () => {
    const { vault, caseId } = await setUp();
    const big = patternBytes(0, 3 * CHUNK + 11, 1);
    const empty = Buffer.alloc(0);
    const oldBig = await importV1Document(vault, caseId, big);
    const oldEmpty = await importV1Document(vault, caseId, empty, 'empty.txt');
    const fresh = await importDocument(
      vault,
      { caseId, filename: 'new.bin' },
      Readable.from([patternBytes(0, 5000, 2)]),
    );
    expect(formatOf(vault, oldBig)).toBe(1);
    expect(isAgeFile(vault, oldBig)).toBe(false);
    const freshBlob = readFileSync(blobPath(vault.dir, fresh.id));

    const result = await migrateDocumentBlobs(vault);

    expect(result).toEqual({ migrated: 2, completed: 0, failed: [], remaining: 0 });
    for (const [id, data] of [
      [oldBig, big],
      [oldEmpty, empty],
    ] as const) {
      expect(formatOf(vault, id)).toBe(2);
      expect(findDocumentRow(vault.db, id)?.age_identity).toMatch(/^AGE-SECRET-KEY-1/);
      expect(isAgeFile(vault, id)).toBe(true);
      expect(sha256(await contentOf(vault, id))).toBe(sha256(data));
      expect(auditActions(vault, id)).toEqual(['document.create', 'document.reencrypt']);
    }
    expect(
      (await contentOf(vault, oldBig, { start: CHUNK - 3, end: 2 * CHUNK })).equals(
        big.subarray(CHUNK - 3, 2 * CHUNK + 1),
      ),
    ).toBe(true);
    expect(readFileSync(blobPath(vault.dir, fresh.id)).equals(freshBlob)).toBe(true);
    expect(readdirSync(dirname(blobPath(vault.dir, oldBig))).filter((n) => n.startsWith('.'))).toEqual([]);
    expect(await migrateDocumentBlobs(vault)).toEqual({ migrated: 0, completed: 0, failed: [], remaining: 0 });
  });

  it('a kill after the age blob is staged leaves the document format 1 and readable; the next run redoes it', async () => {
    const { vault, caseId } = await setUp();
    const data = patternBytes(0, 2 * CHUNK + 1, 3);
    const id = await importV1Document(vault, caseId, data);

    await expect(migrateDocumentBlobs(vault, killAt('afterStaged'))).rejects.toThrow(SimulatedKill);

    expect(formatOf(vault, id)).toBe(1);
    expect(existsSync(stagingPath(vault.dir, id))).toBe(true);
    expect(isAgeFile(vault, id)).toBe(false);
    expect(sha256(await contentOf(vault, id))).toBe(sha256(data));

    // The staged file's identity was never stored: it is thrown away and the document redone.
    expect(await migrateDocumentBlobs(vault)).toEqual({ migrated: 1, completed: 0, failed: [], remaining: 0 });
    expect(existsSync(stagingPath(vault.dir, id))).toBe(false);
    expect(isAgeFile(vault, id)).toBe(true);
    expect(sha256(await contentOf(vault, id))).toBe(sha256(data));
  });

  it('a kill after the row is flipped leaves it readable (row 2, file still 1); the next run finishes the rename', async () => {
    const { vault, caseId } = await setUp();
    const data = patternBytes(0, 4 * CHUNK, 4);
    const id = await importV1Document(vault, caseId, data);

    await expect(migrateDocumentBlobs(vault, killAt('afterFlipped'))).rejects.toThrow(SimulatedKill);

    expect(formatOf(vault, id)).toBe(2);
    expect(isAgeFile(vault, id)).toBe(false);
    expect(existsSync(stagingPath(vault.dir, id))).toBe(true);
    expect(sha256(await contentOf(vault, id))).toBe(sha256(data));
    expect(
      (await contentOf(vault, id, { start: CHUNK, end: CHUNK + 9 })).equals(data.subarray(CHUNK, CHUNK + 10)),
    ).toBe(true);

    expect(await migrateDocumentBlobs(vault)).toEqual({ migrated: 0, completed: 1, failed: [], remaining: 0 });
    expect(isAgeFile(vault, id)).toBe(true);
    expect(existsSync(stagingPath(vault.dir, id))).toBe(false);
    expect(sha256(await contentOf(vault, id))).toBe(sha256(data));
  });

  it('leaves a damaged format 1 blob as it was and reports it, and still migrates the others', async () => {
    const { vault, caseId } = await setUp();
    const broken = await importV1Document(vault, caseId, patternBytes(0, 2 * CHUNK, 5));
    const good = await importV1Document(vault, caseId, patternBytes(0, 1000, 6));
    const path = blobPath(vault.dir, broken);
    const bytes = readFileSync(path);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 3) ^ 1, bytes.length - 3);
    writeFileSync(path, bytes);

    const result = await migrateDocumentBlobs(vault);

    expect(result).toEqual({ migrated: 1, completed: 0, failed: [broken], remaining: 0 });
    expect(formatOf(vault, broken)).toBe(1);
    expect(readFileSync(path).equals(bytes)).toBe(true);
    expect(existsSync(stagingPath(vault.dir, broken))).toBe(false);
    await expect(contentOf(vault, broken)).rejects.toThrow(DAMAGED_MESSAGE);
    expect(formatOf(vault, good)).toBe(2);
  });

  it('stops between documents when the vault is locked, and finishes at the next sign-in', async () => {
    const { vault, caseId } = await setUp();
    const ids = [
      await importV1Document(vault, caseId, patternBytes(0, 10, 7)),
      await importV1Document(vault, caseId, patternBytes(0, 20, 8)),
      await importV1Document(vault, caseId, patternBytes(0, 30, 9)),
    ];
    const result = await migrateDocumentBlobs(vault, { afterFlipped: () => vault.close() });
    // The first document finished (its rename needs no database); the other two wait.
    expect(result).toEqual({ migrated: 1, completed: 0, failed: [], remaining: 2 });

    const again = await unlockVault(vault.dir, ADMIN.username, ADMIN.password, FAST);
    try {
      expect(await migrateDocumentBlobs(again)).toEqual({ migrated: 2, completed: 0, failed: [], remaining: 0 });
      for (const [i, id] of ids.entries()) {
        expect(formatOf(again, id)).toBe(2);
        expect((await contentOf(again, id)).equals(patternBytes(0, (i + 1) * 10, 7 + i))).toBe(true);
      }
    } finally {
      again.close();
    }
  });

  it('runs in the background after a sign-in through the session manager', async () => {
    const { vault, caseId } = await setUp();
    const data = patternBytes(0, CHUNK + 1, 10);
    const id = await importV1Document(vault, caseId, data);
    vault.close();
    const manager = new SessionManager(vault.dir, { vault: FAST });
    try {
      await manager.unlock(ADMIN.username, ADMIN.password);
      await manager.whenIdle();
      const signedIn = manager.current();
      expect(formatOf(signedIn, id)).toBe(2);
      expect(isAgeFile(signedIn, id)).toBe(true);
      expect(sha256(await contentOf(signedIn, id))).toBe(sha256(data));
    } finally {
      manager.dispose();
    }
  });
});
