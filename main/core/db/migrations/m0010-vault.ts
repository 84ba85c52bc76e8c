import type { Migration } from './index';

/** Users, the hash-chained audit log, and a small key/value table for vault settings. */
export const m0010Vault: Migration = {
  version: 10,
  name: 'vault: users, audit log, settings',
  up(db) {
    db.exec(`
      CREATE TABLE users (
        id            TEXT PRIMARY KEY,
        username      TEXT NOT NULL UNIQUE,
        display_name  TEXT NOT NULL,
        role          TEXT NOT NULL CHECK (role IN ('administrator', 'clinician', 'read-only')),
        created_at    TEXT NOT NULL,
        disabled      INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1))
      ) STRICT;

      -- Append-only. Each row's hash covers the previous row's hash and its own content,
      -- so an edited, deleted or reordered row breaks the chain (see vault/audit.ts).
      CREATE TABLE audit_log (
        seq          INTEGER PRIMARY KEY,
        at           TEXT NOT NULL,
        user_id      TEXT,
        username     TEXT,
        action       TEXT NOT NULL,
        entity_type  TEXT,
        entity_id    TEXT,
        case_id      TEXT,
        detail       TEXT NOT NULL DEFAULT '{}',
        prev_hash    TEXT NOT NULL,
        hash         TEXT NOT NULL
      ) STRICT;
      CREATE INDEX audit_log_case ON audit_log (case_id, seq) WHERE case_id IS NOT NULL;

      CREATE TABLE settings (
        key    TEXT PRIMARY KEY,
        value  TEXT NOT NULL
      ) STRICT;
    `);
  },
};
