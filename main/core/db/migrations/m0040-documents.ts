import type { Migration } from './index';

/**
 * Documents (attachments): one row per file, its encrypted blob in `<vault>/blobs/` (path
 * derived from the id, never stored, so a row cannot point outside the vault).
 *
 * The owner is generic (`owner_type` + `owner_id`: a case today; consultations, assessments and
 * sessions later) while `case_id` is always set, because access and audit are decided per case.
 * Deleting is soft (`deleted_at`): the blob stays until a reviewed, audited disposal.
 * `documents_fts` indexes title and description (external content, like notes_fts); the
 * triggers drop a document from the index when it is soft-deleted and restore it if undeleted.
 */
export const m0040Documents: Migration = {
  version: 40,
  name: 'documents: encrypted attachments with title/description search',
  up(db) {
    db.exec(`
      CREATE TABLE documents (
        seq                INTEGER PRIMARY KEY,
        id                 TEXT NOT NULL UNIQUE,
        case_id            TEXT NOT NULL REFERENCES cases (id),
        owner_type         TEXT NOT NULL CHECK (owner_type IN ('case', 'consultation', 'assessment', 'session')),
        owner_id           TEXT NOT NULL,
        title              TEXT NOT NULL,
        description        TEXT,
        original_filename  TEXT NOT NULL,
        media_type         TEXT NOT NULL,
        size_bytes         INTEGER NOT NULL CHECK (size_bytes >= 0),
        sha256             TEXT NOT NULL CHECK (length(sha256) = 64),
        blob_format        INTEGER NOT NULL,
        chunk_size         INTEGER NOT NULL,
        uploaded_by        TEXT NOT NULL REFERENCES users (id),
        uploaded_at        TEXT NOT NULL,
        updated_at         TEXT NOT NULL,
        updated_by         TEXT NOT NULL REFERENCES users (id),
        deleted_at         TEXT,
        deleted_by         TEXT REFERENCES users (id),
        version            INTEGER NOT NULL DEFAULT 1,
        CHECK ((deleted_at IS NULL) = (deleted_by IS NULL))
      ) STRICT;
      CREATE INDEX documents_case ON documents (case_id, uploaded_at) WHERE deleted_at IS NULL;
      CREATE INDEX documents_owner ON documents (owner_type, owner_id) WHERE deleted_at IS NULL;

      CREATE VIRTUAL TABLE documents_fts USING fts5 (
        title,
        description,
        content = 'documents',
        content_rowid = 'seq',
        tokenize = 'porter unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents WHEN new.deleted_at IS NULL BEGIN
        INSERT INTO documents_fts (rowid, title, description) VALUES (new.seq, new.title, new.description);
      END;
      CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents WHEN old.deleted_at IS NULL BEGIN
        INSERT INTO documents_fts (documents_fts, rowid, title, description)
          VALUES ('delete', old.seq, old.title, old.description);
      END;
      -- One trigger, in this order: delete the old entry, then add the new one (if still live).
      CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, description, deleted_at ON documents BEGIN
        INSERT INTO documents_fts (documents_fts, rowid, title, description)
          SELECT 'delete', old.seq, old.title, old.description WHERE old.deleted_at IS NULL;
        INSERT INTO documents_fts (rowid, title, description)
          SELECT new.seq, new.title, new.description WHERE new.deleted_at IS NULL;
      END;
    `);
  },
};
