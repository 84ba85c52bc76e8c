/** Documents against a real encrypted vault with a real case: import, read, list, change, export. */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CHUNK_SIZE } from '../../../../main/core/documents/blob-format';
import { exportDocumentToFile } from '../../../../main/core/documents/document-export';
import {
  deleteDocument,
  getDocument,
  importDocument,
  listCaseDocuments,
  openDocumentStream,
  updateDocument,
} from '../../../../main/core/documents/documents.service';
import { searchDocumentsWindow } from '../../../../main/core/documents/documents.search';
import { toFtsQuery } from '../../../../main/core/search/search.repo';
// Loading the IPC module registers documents as a chronology source, as the core does at start-up.
import '../../../../main/core/documents/documents.ipc';
import { getChronology } from '../../../../main/core/notes/chronology';
import { verifyAuditChain } from '../../../../main/core/vault/audit';
import {
  auditActions,
  blobFiles,
  documentCount,
  patternBytes,
  readAll,
  sha256,
  vaultWithCase,
  type DocFixture,
} from './fixtures';

let fx: DocFixture;
beforeEach(async () => {
  fx = await vaultWithCase();
});
afterEach(() => fx.cleanup());

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), patternBytes(0, 3000)]);

describe('importing a document', () => {
  it('encrypts, records metadata and SHA-256, and audits the creation in the same transaction', async () => {
    const data = patternBytes(0, DEFAULT_CHUNK_SIZE * 3 + 17);
    const doc = await importDocument(
      fx.vault,
      { caseId: fx.caseId, filename: 'C:\\Users\\x\\Police disclosure.docx', description: 'From DC Smith' },
      Readable.from([data]),
    );
    expect(doc).toMatchObject({
      caseId: fx.caseId,
      ownerType: 'case',
      ownerId: fx.caseId,
      title: 'Police disclosure',
      description: 'From DC Smith',
      originalFilename: 'Police disclosure.docx',
      sizeBytes: data.length,
      sha256: sha256(data),
      uploadedBy: fx.vault.user.id,
      uploadedByName: 'Ada Admin',
      version: 1,
    });
    expect(blobFiles(fx.vault.dir)).toEqual([join(doc.id.slice(0, 2), `${doc.id}.bin`)]);
    expect(auditActions(fx.vault, doc.id)).toEqual(['document.create']);
    const back = await readAll(await openDocumentStream(fx.vault, doc));
    expect(sha256(back)).toBe(doc.sha256);
    expect(verifyAuditChain(fx.vault.db).ok).toBe(true);
  });

  it('sniffs the media type from the bytes before trusting the name or the client', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const a = await importDocument(
      fx.vault,
      { caseId: fx.caseId, filename: 'scan.txt', mediaType: 'text/html' },
      Readable.from([PDF]),
    );
    const b = await importDocument(fx.vault, { caseId: fx.caseId, filename: 'photo' }, Readable.from([png]));
    const c = await importDocument(fx.vault, { caseId: fx.caseId, filename: 'notes.txt' }, Readable.from(['plain']));
    const d = await importDocument(
      fx.vault,
      { caseId: fx.caseId, filename: 'blob', mediaType: 'bogus' },
      Readable.from(['x']),
    );
    expect([a.mediaType, b.mediaType, c.mediaType, d.mediaType]).toEqual([
      'application/pdf',
      'image/png',
      'text/plain',
      'application/octet-stream',
    ]);
  });

  it('an upload that fails midway leaves no file and no row', async () => {
    async function* broken() {
      yield patternBytes(0, DEFAULT_CHUNK_SIZE * 2);
      throw Object.assign(new Error('aborted'), { code: 'ECONNRESET' });
    }
    await expect(importDocument(fx.vault, { caseId: fx.caseId, filename: 'half.mp4' }, broken())).rejects.toMatchObject(
      {
        code: 'INVALID_INPUT',
        message: expect.stringContaining('interrupted'),
      },
    );
    const destroyed = Readable.from([patternBytes(0, 1000)]);
    const pending = importDocument(fx.vault, { caseId: fx.caseId, filename: 'x.bin' }, destroyed);
    destroyed.destroy(new Error('client went away'));
    await expect(pending).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(blobFiles(fx.vault.dir)).toEqual([]);
    expect(documentCount(fx.vault)).toBe(0);
  });

  it('when the row cannot be recorded (vault locked during upload), the blob is removed', async () => {
    const vault = fx.vault;
    async function* lockAtEnd() {
      yield patternBytes(0, 5000);
      vault.close();
    }
    await expect(importDocument(vault, { caseId: fx.caseId, filename: 'x.pdf' }, lockAtEnd())).rejects.toMatchObject({
      code: 'LOCKED',
    });
    expect(blobFiles(vault.dir)).toEqual([]);
  });

  it('refuses an unknown case before reading the stream', async () => {
    let read = false;
    async function* src() {
      read = true;
      yield Buffer.from('x');
    }
    await expect(
      importDocument(fx.vault, { caseId: '00000000-0000-4000-8000-000000000000', filename: 'a' }, src()),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(read).toBe(false);
  });
});

describe('managing documents', () => {
  it('lists, updates with a version check, soft-deletes (keeping the blob) and audits each step', async () => {
    const doc = await importDocument(fx.vault, { caseId: fx.caseId, filename: 'report.pdf' }, Readable.from([PDF]));
    expect(listCaseDocuments(fx.vault, fx.caseId).map((d) => d.id)).toEqual([doc.id]);
    expect(getDocument(fx.vault, doc.id).id).toBe(doc.id);
    const changed = updateDocument(fx.vault, doc.id, 1, { title: 'School report', description: 'Year 9' });
    expect(changed).toMatchObject({ title: 'School report', description: 'Year 9', version: 2 });
    expect(() => updateDocument(fx.vault, doc.id, 1, { title: 'Stale' })).toThrow(
      expect.objectContaining({ code: 'CONFLICT' }),
    );
    deleteDocument(fx.vault, doc.id, 'Attached to the wrong case');
    expect(listCaseDocuments(fx.vault, fx.caseId)).toEqual([]);
    expect(() => getDocument(fx.vault, doc.id)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(blobFiles(fx.vault.dir)).toHaveLength(1);
    expect(auditActions(fx.vault, doc.id)).toEqual([
      'document.create',
      'case.read',
      'document.update',
      'document.delete',
    ]);
    expect(verifyAuditChain(fx.vault.db).ok).toBe(true);
  });

  it('search finds titles and descriptions, follows edits and forgets deleted documents', async () => {
    const doc = await importDocument(
      fx.vault,
      { caseId: fx.caseId, filename: 'a.pdf', title: 'Psychological assessment', description: 'Draft from Dr Évans' },
      Readable.from([PDF]),
    );
    const search = (q: string) => {
      const query = toFtsQuery(q);
      return query ? searchDocumentsWindow(fx.vault.db, fx.vault.user, query, 20, 0).items : [];
    };
    const hits = (q: string) => search(q).map((h) => h.documentId);
    expect(hits('psycholog')).toEqual([doc.id]);
    expect(hits('evans')).toEqual([doc.id]);
    expect(hits('"AND OR NEAR(')).toEqual([]);
    expect(search('draft')[0]?.snippet).toContain('[Draft]');
    updateDocument(fx.vault, doc.id, 1, { title: 'Attachment coding' });
    expect(hits('psycholog')).toEqual([]);
    expect(hits('attachment')).toEqual([doc.id]);
    deleteDocument(fx.vault, doc.id, null);
    expect(hits('attachment')).toEqual([]);
  });

  it('adds one event per live document to the case chronology', async () => {
    const doc = await importDocument(fx.vault, { caseId: fx.caseId, filename: 'referral.pdf' }, Readable.from([PDF]));
    const gone = await importDocument(fx.vault, { caseId: fx.caseId, filename: 'wrong.pdf' }, Readable.from([PDF]));
    deleteDocument(fx.vault, gone.id, null);
    const events = getChronology(fx.vault, fx.caseId, 50, 0).items.filter((e) => e.kind === 'document_added');
    expect(events).toEqual([
      {
        at: doc.uploadedAt,
        kind: 'document_added',
        entityId: doc.id,
        summary: 'Document added: referral (referral.pdf)',
        actorName: 'Ada Admin',
        thirdPartySensitive: false,
      },
    ]);
  });
});

describe('exporting a document to disk', () => {
  let out: string;
  beforeEach(() => {
    out = mkdtempSync(join(tmpdir(), 'ncats-export-'));
  });
  afterEach(() => rmSync(out, { recursive: true, force: true }));

  it('writes the exact plaintext, audits it, and never overwrites', async () => {
    const data = patternBytes(0, DEFAULT_CHUNK_SIZE * 2 + 3);
    const doc = await importDocument(fx.vault, { caseId: fx.caseId, filename: 'v.mp4' }, Readable.from([data]));
    const target = join(out, 'copy.mp4');
    const result = await exportDocumentToFile(fx.vault, doc.id, target);
    expect(result).toEqual({ path: target, sizeBytes: data.length, sha256: sha256(data) });
    expect(readFileSync(target).equals(data)).toBe(true);
    expect(auditActions(fx.vault, doc.id)).toEqual(['document.create', 'document.export']);

    writeFileSync(join(out, 'taken.mp4'), 'keep me');
    await expect(exportDocumentToFile(fx.vault, doc.id, join(out, 'taken.mp4'))).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect(readFileSync(join(out, 'taken.mp4'), 'utf8')).toBe('keep me');
    await expect(exportDocumentToFile(fx.vault, doc.id, 'relative.mp4')).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
  });

  it('a damaged blob exports nothing', async () => {
    const doc = await importDocument(fx.vault, { caseId: fx.caseId, filename: 'v.bin' }, Readable.from([PDF]));
    const blob = join(fx.vault.dir, 'blobs', doc.id.slice(0, 2), `${doc.id}.bin`);
    const bytes = readFileSync(blob);
    bytes[bytes.length - 5] = (bytes[bytes.length - 5] ?? 0) ^ 0xff;
    writeFileSync(blob, bytes);
    const target = join(out, 'copy.bin');
    await expect(exportDocumentToFile(fx.vault, doc.id, target)).rejects.toMatchObject({ code: 'VAULT_CORRUPT' });
    expect(existsSync(target)).toBe(false);
    expect(auditActions(fx.vault, doc.id)).toEqual(['document.create']);
  });
});
