import type { Migration } from './index';

/**
 * The vault's backup history: one row per backup taken (in the same transaction as its
 * `backup.create` audit row), and one written by a restore for the backup it came from. The
 * Administration screen reads the newest, which the audit log (no index on its action) could
 * only find by scanning. Not case data: no `case_id`, never in a bundle.
 */
export const m0170Backups: Migration = {
  version: 170,
  name: 'backup history',
  up(db) {
    db.exec(`
      CREATE TABLE backups (
        id         TEXT PRIMARY KEY,
        taken_at   TEXT NOT NULL,
        file_name  TEXT NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
        bytes      INTEGER NOT NULL CHECK (bytes >= 0),
        documents  INTEGER NOT NULL CHECK (documents >= 0),
        taken_by   TEXT NOT NULL,
        source     TEXT NOT NULL CHECK (source IN ('taken', 'restored_from'))
      ) STRICT;
      CREATE INDEX backups_taken_at ON backups (taken_at);
    `);
  },
};
