import type { Migration } from './index';

/**
 * Casework: flags, tasks, notes with revision history, and the FTS5 index over note text.
 *
 * `notes` keeps a TEXT uuid `id` like every record, plus an explicit `seq INTEGER PRIMARY KEY`:
 * the FTS index refers to notes by rowid, and only an INTEGER PRIMARY KEY keeps rowids stable
 * across VACUUM. The FTS table is external-content (no second copy of the text) and lives in
 * the same encrypted database; triggers keep it in step.
 */
export const m0030Casework: Migration = {
  version: 30,
  name: 'casework: flags, tasks, notes, note revisions, note search',
  up(db) {
    db.exec(`
      CREATE TABLE flags (
        id             TEXT PRIMARY KEY,
        case_id        TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        reason         TEXT NOT NULL,
        raised_by      TEXT NOT NULL REFERENCES users (id),
        raised_at      TEXT NOT NULL,
        address_by     TEXT,
        cleared_at     TEXT,
        cleared_by     TEXT REFERENCES users (id),
        clearing_note  TEXT,
        updated_at     TEXT NOT NULL,
        updated_by     TEXT NOT NULL REFERENCES users (id),
        version        INTEGER NOT NULL DEFAULT 1,
        CHECK ((cleared_at IS NULL) = (cleared_by IS NULL))
      ) STRICT;
      CREATE INDEX flags_case ON flags (case_id, raised_at);
      CREATE INDEX flags_open ON flags (case_id) WHERE cleared_at IS NULL;

      CREATE TABLE tasks (
        id          TEXT PRIMARY KEY,
        case_id     TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        title       TEXT NOT NULL,
        owner_id    TEXT NOT NULL REFERENCES users (id),
        due_date    TEXT,
        done_at     TEXT,
        done_by     TEXT REFERENCES users (id),
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        updated_by  TEXT NOT NULL REFERENCES users (id),
        version     INTEGER NOT NULL DEFAULT 1
      ) STRICT;
      CREATE INDEX tasks_case ON tasks (case_id, due_date);
      CREATE INDEX tasks_open_owner ON tasks (owner_id, due_date) WHERE done_at IS NULL;
      CREATE INDEX tasks_open_due ON tasks (due_date) WHERE done_at IS NULL;

      CREATE TABLE notes (
        seq                    INTEGER PRIMARY KEY,
        id                     TEXT NOT NULL UNIQUE,
        case_id                TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        author_id              TEXT NOT NULL REFERENCES users (id),
        occurred_at            TEXT NOT NULL,
        type                   TEXT NOT NULL
          CHECK (type IN ('case_note', 'session', 'meeting', 'phone_call', 'email', 'supervision', 'other')),
        text                   TEXT NOT NULL,
        third_party_sensitive  INTEGER NOT NULL DEFAULT 0 CHECK (third_party_sensitive IN (0, 1)),
        created_at             TEXT NOT NULL,
        updated_at             TEXT NOT NULL,
        updated_by             TEXT NOT NULL REFERENCES users (id),
        version                INTEGER NOT NULL DEFAULT 1
      ) STRICT;
      CREATE INDEX notes_case ON notes (case_id, occurred_at);

      -- The previous content of a note each time it is edited (the current text is in notes).
      CREATE TABLE note_revisions (
        id                     TEXT PRIMARY KEY,
        note_id                TEXT NOT NULL REFERENCES notes (id) ON DELETE CASCADE,
        version                INTEGER NOT NULL,
        occurred_at            TEXT NOT NULL,
        type                   TEXT NOT NULL,
        text                   TEXT NOT NULL,
        third_party_sensitive  INTEGER NOT NULL,
        written_by             TEXT NOT NULL REFERENCES users (id),
        written_at             TEXT NOT NULL,
        replaced_by            TEXT NOT NULL REFERENCES users (id),
        replaced_at            TEXT NOT NULL,
        UNIQUE (note_id, version)
      ) STRICT;

      CREATE VIRTUAL TABLE notes_fts USING fts5 (
        text,
        content = 'notes',
        content_rowid = 'seq',
        tokenize = 'porter unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER notes_fts_insert AFTER INSERT ON notes BEGIN
        INSERT INTO notes_fts (rowid, text) VALUES (new.seq, new.text);
      END;
      CREATE TRIGGER notes_fts_delete AFTER DELETE ON notes BEGIN
        INSERT INTO notes_fts (notes_fts, rowid, text) VALUES ('delete', old.seq, old.text);
      END;
      CREATE TRIGGER notes_fts_update AFTER UPDATE OF text ON notes BEGIN
        INSERT INTO notes_fts (notes_fts, rowid, text) VALUES ('delete', old.seq, old.text);
        INSERT INTO notes_fts (rowid, text) VALUES (new.seq, new.text);
      END;
    `);
  },
};
