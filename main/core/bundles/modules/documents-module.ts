/**
 * Documents: the `documents` row travels as a record, the content as its own tar entry. Incoming
 * content is encrypted into the vault's blob store (never plaintext on disk) before the import
 * transaction, and removed again if that transaction does not commit.
 *
 * Every incoming blob gets a fresh blob id of this vault's choosing (never a name the sender
 * picked, so a bundle cannot aim a file at another document's blob). Content that differs from
 * our copy of the same document is not refused: it waits beside ours as a conflict on the case
 * (`document-conflicts.ts`) until a person keeps one version, the other, or both.
 */
import { randomUUID } from 'node:crypto';
import { AGE_BLOB_FORMAT } from '../../documents/age-blob-writer';
import { openDocumentBlob, writeDocumentBlob } from '../../documents/blob-store';
import { removeBlob } from '../../documents/blob-writer';
import { BLOB_LAYOUT_COLUMNS, documentRecord } from '../../documents/documents.record';
import type { OpenVault } from '../../vault/vault';
import { BundleError } from '../bundle-error';
import type { BundleModule, DocumentStore, StagedBlob } from '../registry';
import { documentConflicts, keepIncomingVersion, type StagedLayout } from './document-conflicts';
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
  /** What this vault wrote for each new document staged: its blob id, layout and identity. */
  const staged = new Map<string, StagedLayout>();
  const module: BundleModule<Row> = {
    ...base,
    // Only live documents travel, and only those chosen; their content goes with them.
    collect: (db, caseId, options) =>
      base
        .collect(db, caseId, options)
        .filter((r) => r.deleted_at === null && (!options.documentIds || options.documentIds.includes(r.id))),
    // Content never changes in place: different content is always for a person to choose.
    mustConflict: (_db, local, incoming) => local.sha256 !== incoming.sha256,
    conflicts: documentConflicts(vault, base),
    insert(db, record, ctx) {
      const layout = staged.get(record.id);
      if (layout === undefined)
        throw new BundleError('tampered', `The content of document ${record.id} is missing from the bundle.`);
      if (layout.sha256 !== record.sha256 || layout.sizeBytes !== record.size_bytes)
        throw new BundleError('tampered', `Document ${record.id} does not match the content carried for it.`);
      void ctx;
      const params: Record<string, unknown> = {
        blob_format: AGE_BLOB_FORMAT,
        chunk_size: layout.chunkSize,
        age_identity: layout.ageIdentity,
        blob_id: layout.blobId,
      };
      for (const c of documentRecord.names) if (!(c in params)) params[c] = record[c] ?? null;
      db.prepare(INSERT).run(params);
    },
    update(db, record, ctx) {
      // Import turns a content change into a conflict (mustConflict), so this is a last guard.
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
            `SELECT id, blob_id, size_bytes, sha256, age_identity FROM documents
             WHERE case_id = ? AND deleted_at IS NULL ORDER BY id`,
          )
          .all(caseId) as {
          id: string;
          blob_id: string;
          size_bytes: number;
          sha256: string;
          age_identity: string | null;
        }[]
      )
        .filter((d) => !options.documentIds || options.documentIds.includes(d.id))
        .map((d) => ({
          id: d.id,
          size: d.size_bytes,
          sha256: d.sha256,
          open: () =>
            openDocumentBlob(vault, { blobId: d.blob_id, sizeBytes: d.size_bytes, ageIdentity: d.age_identity }),
        })),
    has: (db, id, sha256) =>
      db.prepare('SELECT 1 FROM documents WHERE id = ? AND sha256 = ?').get(id, sha256) !== undefined,
    async stage(id, expected, body): Promise<StagedBlob> {
      const blobId = randomUUID();
      const written = await writeDocumentBlob(vault.dir, blobId, body);
      const remove = () => removeBlob(vault.dir, blobId);
      if (written.size !== expected.size || written.sha256 !== expected.sha256) {
        remove();
        throw new BundleError('tampered', `Document ${id} does not match its checksum.`);
      }
      const layout: StagedLayout = {
        blobId,
        sizeBytes: written.size,
        sha256: written.sha256,
        chunkSize: written.chunkSize,
        ageIdentity: written.ageIdentity,
      };
      // Asked after the write, as before: a row that appeared meanwhile is treated as ours.
      if (!vault.db.prepare('SELECT 1 FROM documents WHERE id = ?').get(id)) {
        staged.set(id, layout);
        return { commit: () => undefined, discard: remove };
      }
      // Content that differs from ours: kept only if the import records a conflict for it.
      let kept = false;
      return {
        commit: (db, ctx) => {
          kept = keepIncomingVersion(db, { documentId: id, caseId: expected.caseId, ...layout }, ctx);
        },
        discard: remove,
        committed: () => {
          if (!kept) remove();
        },
      };
    },
  };
  return { module, store };
}
