import type { Migration } from './index';

/**
 * Keys, colleagues and case bundles. Independent of the case tables on purpose: bundles refer to
 * records by module name and UUID, so this migration does not depend on which modules exist.
 */
export const m0050Bundles: Migration = {
  version: 50,
  name: 'bundles: user keys, colleague directory, imports, sync state, conflicts',
  up(db) {
    db.exec(`
      -- Each user's age identity and Ed25519 signing key. The private halves are wrapped with a
      -- key derived from the database key (vault.deriveSubkey('user-keys-v1')), so even a
      -- decrypted copy of the database does not hold them in plain text.
      CREATE TABLE user_keys (
        user_id         TEXT PRIMARY KEY REFERENCES users (id),
        age_recipient   TEXT NOT NULL UNIQUE,
        signing_public  TEXT NOT NULL UNIQUE,
        fingerprint     TEXT NOT NULL,
        wrapped         TEXT NOT NULL,
        created_at      TEXT NOT NULL
      ) STRICT;

      CREATE TABLE colleagues (
        id              TEXT PRIMARY KEY,
        name            TEXT NOT NULL,
        service         TEXT NOT NULL,
        their_user_id   TEXT NOT NULL,
        age_recipient   TEXT NOT NULL UNIQUE,
        signing_public  TEXT NOT NULL UNIQUE,
        fingerprint     TEXT NOT NULL,
        card            TEXT NOT NULL,
        added_at        TEXT NOT NULL,
        added_by        TEXT NOT NULL REFERENCES users (id),
        verified_at     TEXT,
        verified_by     TEXT REFERENCES users (id),
        revoked_at      TEXT,
        revoked_by      TEXT REFERENCES users (id)
      ) STRICT;

      -- One row per bundle applied: importing the same bundle again changes nothing.
      CREATE TABLE bundle_imports (
        bundle_id       TEXT PRIMARY KEY,
        case_id         TEXT NOT NULL,
        case_reference  TEXT NOT NULL,
        sender_name     TEXT NOT NULL,
        sender_fingerprint TEXT NOT NULL,
        sender_status   TEXT NOT NULL,
        imported_at     TEXT NOT NULL,
        imported_by     TEXT NOT NULL REFERENCES users (id),
        summary         TEXT NOT NULL
      ) STRICT;

      -- The last version of each record both sides are known to share (sent or received in a
      -- bundle). A record changed on both sides since then is a conflict, not an update.
      CREATE TABLE bundle_sync_state (
        module          TEXT NOT NULL,
        record_id       TEXT NOT NULL,
        version         INTEGER NOT NULL,
        content_hash    TEXT NOT NULL,
        PRIMARY KEY (module, record_id)
      ) STRICT;

      -- Both versions of a record changed on both sides; the local one stays in force until a
      -- person resolves it.
      CREATE TABLE bundle_conflicts (
        id               TEXT PRIMARY KEY,
        bundle_id        TEXT NOT NULL,
        case_id          TEXT NOT NULL,
        module           TEXT NOT NULL,
        record_id        TEXT NOT NULL,
        local_version    INTEGER NOT NULL,
        local_record     TEXT NOT NULL,
        incoming_version INTEGER NOT NULL,
        incoming_record  TEXT NOT NULL,
        created_at       TEXT NOT NULL,
        resolved_at      TEXT,
        resolved_by      TEXT REFERENCES users (id),
        resolution       TEXT
      ) STRICT;
      CREATE INDEX bundle_conflicts_open ON bundle_conflicts (case_id) WHERE resolved_at IS NULL;
    `);
  },
};
