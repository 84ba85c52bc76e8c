import type { Migration } from './index';

/**
 * A document can hold third-party information (a victim's statement, a sibling's school report):
 * marked by the clinician, on upload or later. A marked document is unticked by default when a
 * case is sent, and withheld from a subject access requester's copy. A column on `documents`,
 * not a table of its own, because the marking is part of the document's record and travels with
 * it in a case bundle. Every existing document starts unmarked: nobody has said otherwise yet.
 */
export const m0240DocumentThirdParty: Migration = {
  version: 240,
  name: 'documents: third-party marking',
  up(db) {
    db.exec(`
      ALTER TABLE documents ADD COLUMN third_party INTEGER NOT NULL DEFAULT 0 CHECK (third_party IN (0, 1));
    `);
  },
};
