import type { Migration } from './index';

/**
 * Drafts: a form half-typed when the vault locked, kept for its author until they resume or
 * discard it. The table lives in the SQLCipher database, so a draft is encrypted at rest like
 * the record it will become; nothing is written anywhere else.
 */
export const m0070Drafts: Migration = {
  version: 70,
  name: 'drafts: unsaved forms kept across a lock',
  up(db) {
    db.exec(`
      CREATE TABLE drafts (
        id          TEXT PRIMARY KEY,
        -- Drafts are personal: only their author sees them.
        user_id     TEXT NOT NULL REFERENCES users (id),
        -- Which form, e.g. 'note:new:<case id>'; one draft per form and user.
        form_key    TEXT NOT NULL,
        -- A case's drafts go with the case if it is ever disposed of.
        case_id     TEXT REFERENCES cases (id) ON DELETE CASCADE,
        title       TEXT NOT NULL,
        -- The form's state as JSON; the core bounds its size before it gets here.
        state       TEXT NOT NULL CHECK (json_valid(state)),
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        UNIQUE (user_id, form_key)
      ) STRICT;
      CREATE INDEX drafts_case ON drafts (case_id) WHERE case_id IS NOT NULL;
    `);
  },
};
