/**
 * Documents: the `documents` row travels as a record, the content as its own tar entry. Incoming
 * content is encrypted into the vault's blob store (never plaintext on disk) before the import
 * transaction, and removed again if that transaction does not commit.
 */
import { rmSync } from 'node:fs';
import { z } from 'zod';
import { documentOwnerTypeSchema } from '../../../../preload/contract/documents';
import { BLOB_FORMAT_VERSION } from '../../documents/blob-format';
import { openBlobRange } from '../../documents/blob-reader';
import { blobPath, writeBlob } from '../../documents/blob-writer';
import { ATTACHMENTS_KEY_PURPOSE } from '../../documents/documents.service';
import type { OpenVault } from '../../vault/vault';
import { BundleError } from '../bundle-error';
import type { BundleModule, DocumentStore } from '../registry';
import { nullableText, tableModule, text, userRef, type Row } from './table-module';

const at = z.string().min(10).max(40);

const DOCUMENT_COLUMNS = [
  'id',
  'version',
  'case_id',
  'owner_type',
  'owner_id',
  'title',
  'description',
  'original_filename',
  'media_type',
  'size_bytes',
  'sha256',
  'uploaded_by',
  'uploaded_at',
  'updated_at',
  'updated_by',
  'deleted_at',
  'deleted_by',
] as const;

const base = tableModule({
  name: 'documents',
  table: 'documents',
  schemaVersion: 1,
  after: ['case'],
  columns: {
    owner_type: documentOwnerTypeSchema,
    owner_id: z.uuid(),
    title: text(500).min(1),
    description: nullableText(4000),
    original_filename: text(500).min(1),
    media_type: text(200).min(1),
    size_bytes: z.int().min(0),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    uploaded_by: userRef,
    uploaded_at: at,
    updated_at: at,
    updated_by: userRef,
    deleted_at: at.nullable(),
    deleted_by: userRef.nullable(),
  },
  summarise: (rows) => [
    {
      heading: `Documents (${rows.length})`,
      lines: rows.map(
        (r) =>
          `${String(r.title)} (${String(r.original_filename)}, ${Math.ceil(Number(r.size_bytes) / 1024)} KB): documents/${r.id}`,
      ),
    },
  ],
});

/** The documents module and its blob store for one open vault (they share what was staged). */
export function documentsFor(vault: OpenVault): { module: BundleModule<Row>; store: DocumentStore } {
  const staged = new Map<string, number>();
  const module: BundleModule<Row> = {
    ...base,
    // Only live documents travel, and only those chosen; their content goes with them.
    collect: (db, caseId, options) =>
      base
        .collect(db, caseId, options)
        .filter((r) => r.deleted_at === null && (!options.documentIds || options.documentIds.includes(r.id))),
    insert(db, record, ctx) {
      const chunkSize = staged.get(record.id);
      if (chunkSize === undefined)
        throw new BundleError('tampered', `The content of document ${record.id} is missing from the bundle.`);
      void ctx;
      const cols = [...DOCUMENT_COLUMNS, 'blob_format', 'chunk_size'];
      const params: Record<string, unknown> = { blob_format: BLOB_FORMAT_VERSION, chunk_size: chunkSize };
      for (const c of DOCUMENT_COLUMNS) params[c] = record[c] ?? null;
      db.prepare(`INSERT INTO documents (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(
        params,
      );
    },
    update(db, record, ctx) {
      const local = db.prepare('SELECT sha256 FROM documents WHERE id = ?').get(record.id) as
        { sha256: string } | undefined;
      if (local && local.sha256 !== record.sha256)
        throw new BundleError('tampered', `Document ${record.id} has different content from the copy in this vault.`);
      base.update(db, record, ctx);
    },
  };
  const store: DocumentStore = {
    list: (db, caseId, options) =>
      (
        db
          .prepare('SELECT id, size_bytes, sha256 FROM documents WHERE case_id = ? AND deleted_at IS NULL ORDER BY id')
          .all(caseId) as { id: string; size_bytes: number; sha256: string }[]
      )
        .filter((d) => !options.documentIds || options.documentIds.includes(d.id))
        .map((d) => ({
          id: d.id,
          size: d.size_bytes,
          sha256: d.sha256,
          async open() {
            const key = vault.deriveSubkey(ATTACHMENTS_KEY_PURPOSE);
            try {
              return await openBlobRange(key, vault.dir, d.id, d.size_bytes);
            } finally {
              key.fill(0);
            }
          },
        })),
    has: (db, id, sha256) =>
      db.prepare('SELECT 1 FROM documents WHERE id = ? AND sha256 = ?').get(id, sha256) !== undefined,
    async stage(id, expected, body) {
      if (vault.db.prepare('SELECT 1 FROM documents WHERE id = ?').get(id)) {
        throw new BundleError('tampered', `Document ${id} has different content from the copy in this vault.`);
      }
      const key = vault.deriveSubkey(ATTACHMENTS_KEY_PURPOSE);
      let written;
      try {
        written = await writeBlob(key, vault.dir, id, body);
      } finally {
        key.fill(0);
      }
      const remove = () => rmSync(blobPath(vault.dir, id), { force: true });
      if (written.size !== expected.size || written.sha256 !== expected.sha256) {
        remove();
        throw new BundleError('tampered', `Document ${id} does not match its checksum.`);
      }
      staged.set(id, written.chunkSize);
      return { commit: () => undefined, discard: remove };
    },
  };
  return { module, store };
}
