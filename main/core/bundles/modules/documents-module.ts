/**
 * Documents: the `documents` row travels as a record, the content as its own tar entry. Incoming
 * content is encrypted into the vault's blob store (never plaintext on disk) before the import
 * transaction, and removed again if that transaction does not commit.
 */
import { AGE_BLOB_FORMAT } from '../../documents/age-blob-writer';
import { openDocumentBlob, writeDocumentBlob } from '../../documents/blob-store';
import { removeBlob } from '../../documents/blob-writer';
import { BLOB_LAYOUT_COLUMNS, documentRecord } from '../../documents/documents.record';
import type { OpenVault } from '../../vault/vault';
import { BundleError } from '../bundle-error';
import type { BundleModule, DocumentStore } from '../registry';
import { recordModule } from './record-module';
import type { Row } from './table-module';

const base = recordModule(documentRecord, {
  name: 'documents',
  schemaVersion: 1,
  after: ['case'],
  leaveOut: BLOB_LAYOUT_COLUMNS,
  summarise: (rows) => [
    {
      heading: `Documents (${rows.length})`,
      lines: rows.map(
        (r) => `${r.title} (${r.original_filename}, ${Math.ceil(r.size_bytes / 1024)} KB): documents/${r.id}`,
      ),
    },
  ],
});

/** The row as inserted here: the record's carried columns plus this vault's own blob layout. */
const INSERT = documentRecord.insertSql();

/** The documents module and its blob store for one open vault (they share what was staged). */
export function documentsFor(vault: OpenVault): { module: BundleModule<Row>; store: DocumentStore } {
  /** What this vault wrote for each staged document: its own blob layout and identity. */
  const staged = new Map<string, { chunkSize: number; ageIdentity: string }>();
  const module: BundleModule<Row> = {
    ...base,
    // Only live documents travel, and only those chosen; their content goes with them.
    collect: (db, caseId, options) =>
      base
        .collect(db, caseId, options)
        .filter((r) => r.deleted_at === null && (!options.documentIds || options.documentIds.includes(r.id))),
    insert(db, record, ctx) {
      const layout = staged.get(record.id);
      if (layout === undefined)
        throw new BundleError('tampered', `The content of document ${record.id} is missing from the bundle.`);
      void ctx;
      const params: Record<string, unknown> = {
        blob_format: AGE_BLOB_FORMAT,
        chunk_size: layout.chunkSize,
        age_identity: layout.ageIdentity,
      };
      for (const c of documentRecord.names) if (!(c in params)) params[c] = record[c] ?? null;
      db.prepare(INSERT).run(params);
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
          .prepare(
            `SELECT id, size_bytes, sha256, age_identity FROM documents
             WHERE case_id = ? AND deleted_at IS NULL ORDER BY id`,
          )
          .all(caseId) as { id: string; size_bytes: number; sha256: string; age_identity: string | null }[]
      )
        .filter((d) => !options.documentIds || options.documentIds.includes(d.id))
        .map((d) => ({
          id: d.id,
          size: d.size_bytes,
          sha256: d.sha256,
          open: () => openDocumentBlob(vault, { id: d.id, sizeBytes: d.size_bytes, ageIdentity: d.age_identity }),
        })),
    has: (db, id, sha256) =>
      db.prepare('SELECT 1 FROM documents WHERE id = ? AND sha256 = ?').get(id, sha256) !== undefined,
    async stage(id, expected, body) {
      if (vault.db.prepare('SELECT 1 FROM documents WHERE id = ?').get(id)) {
        throw new BundleError('tampered', `Document ${id} has different content from the copy in this vault.`);
      }
      const written = await writeDocumentBlob(vault.dir, id, body);
      const remove = () => removeBlob(vault.dir, id);
      if (written.size !== expected.size || written.sha256 !== expected.sha256) {
        remove();
        throw new BundleError('tampered', `Document ${id} does not match its checksum.`);
      }
      staged.set(id, { chunkSize: written.chunkSize, ageIdentity: written.ageIdentity });
      return { commit: () => undefined, discard: remove };
    },
  };
  return { module, store };
}
