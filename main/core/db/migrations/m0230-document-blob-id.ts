import type { Migration } from './index';

/**
 * A document's blob named by a blob id of its own, not by the document id (issue 15: a bundle
 * never refuses a whole case for one document). A document that arrives with content different
 * from ours needs somewhere to live beside our copy until a person chooses between them; with the
 * path derived from the document id it had none. Existing rows take `blob_id = id`, so no file
 * moves and an old vault keeps reading every document it had.
 *
 * `blob_id` is added NOT NULL with an empty default (SQLite needs a default for an added NOT
 * NULL column, and checks an added CHECK against the existing rows before the UPDATE could fill
 * them), then filled; the triggers refuse anything but a UUID's length from now on, so an
 * insert that forgot the column fails rather than naming no file, as m0190 did for the identity.
 *
 * `document_incoming_blobs` holds a sender's version of a document while its conflict is open:
 * the staged blob's own layout (format 2 only, its identity), the document and bundle it belongs
 * to, and its case, so a disposal removes it with the rest of the case. Having a `blob_format`
 * column and a `blob_id`, it owns its blob for the sign-in sweep and for backups.
 */
export const m0230DocumentBlobId: Migration = {
  version: 230,
  name: 'documents: a blob id of their own; incoming versions kept while their conflict is open',
  up(db) {
    db.exec(`
      ALTER TABLE documents ADD COLUMN blob_id TEXT NOT NULL DEFAULT '';
      UPDATE documents SET blob_id = id;
      CREATE UNIQUE INDEX documents_blob_id ON documents (blob_id);
      CREATE TRIGGER documents_blob_id_required_insert BEFORE INSERT ON documents
        WHEN length(new.blob_id) <> 36 BEGIN
        SELECT RAISE(ABORT, 'a document needs a blob id');
      END;
      CREATE TRIGGER documents_blob_id_required_update BEFORE UPDATE OF blob_id ON documents
        WHEN length(new.blob_id) <> 36 BEGIN
        SELECT RAISE(ABORT, 'a document needs a blob id');
      END;

      CREATE TABLE document_incoming_blobs (
        blob_id      TEXT PRIMARY KEY CHECK (length(blob_id) = 36),
        document_id  TEXT NOT NULL,
        bundle_id    TEXT NOT NULL,
        case_id      TEXT NOT NULL REFERENCES cases (id),
        size_bytes   INTEGER NOT NULL CHECK (size_bytes >= 0),
        sha256       TEXT NOT NULL CHECK (length(sha256) = 64),
        blob_format  INTEGER NOT NULL CHECK (blob_format = 2),
        chunk_size   INTEGER NOT NULL,
        age_identity TEXT NOT NULL CHECK (age_identity GLOB 'AGE-SECRET-KEY-1*'),
        staged_at    TEXT NOT NULL,
        UNIQUE (document_id, bundle_id)
      ) STRICT;
    `);
  },
};
