import type { Migration } from './index';

/**
 * Users who must choose a new password before they do anything else: set when an administrator
 * resets their password (the administrator typed the temporary one, so it is known to two
 * people), cleared when the user changes it or sets one with the recovery key. A table of its own,
 * not a column on `users`, because the users record travels in case bundles and this is a fact
 * about this vault's key slots only: it never leaves the laptop.
 */
export const m0220PasswordChangeRequired: Migration = {
  version: 220,
  name: 'password change required after a reset',
  up(db) {
    db.exec(`
      CREATE TABLE password_change_required (
        user_id     TEXT PRIMARY KEY REFERENCES users (id),
        required_at TEXT NOT NULL,
        required_by TEXT NOT NULL REFERENCES users (id)
      ) STRICT;
    `);
  },
};
