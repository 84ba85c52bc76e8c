import type { Migration } from './index';

/**
 * Documents recoverable with the recovery key alone (issue 15): blob format 2 is a plain age
 * file, encrypted to an X25519 identity of the document's own, kept here in its (SQLCipher-
 * encrypted) row. Opening the database with the recovery key in stock SQLCipher and running
 * `age -d -i <identity>` on the blob is then all a recovery needs (docs/recovery.md).
 *
 * One identity per document keeps the binding format 1 had through its file id: a blob copied
 * onto another document's path does not decrypt. `blob_format` (already there, 1 until now) is
 * the format marker; 2 requires an identity. Existing rows stay format 1 here: their blobs are
 * re-encrypted after sign-in by `main/core/documents/blob-migration.ts`, one at a time, crash-safely.
 * The partial index finds the rows still to do without scanning the table.
 */
export const m0190DocumentAgeIdentity: Migration = {
  version: 190,
  name: 'documents: age identity per document (blob format 2)',
  up(db) {
    db.exec(`
      ALTER TABLE documents ADD COLUMN age_identity TEXT
        CHECK (age_identity IS NULL OR age_identity GLOB 'AGE-SECRET-KEY-1*');
      CREATE INDEX documents_blob_format_1 ON documents (seq) WHERE blob_format = 1;
      CREATE TRIGGER documents_format_2_needs_identity_insert BEFORE INSERT ON documents
        WHEN new.blob_format = 2 AND new.age_identity IS NULL BEGIN
        SELECT RAISE(ABORT, 'blob format 2 needs an age identity');
      END;
      CREATE TRIGGER documents_format_2_needs_identity_update BEFORE UPDATE OF blob_format, age_identity ON documents
        WHEN new.blob_format = 2 AND new.age_identity IS NULL BEGIN
        SELECT RAISE(ABORT, 'blob format 2 needs an age identity');
      END;
    `);
  },
};
