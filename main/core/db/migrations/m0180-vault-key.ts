import type { Migration } from './index';

/**
 * The vault key, kept inside the encrypted database (one row).
 *
 * Since recovery-key rotation (issue 15) a vault has two keys: the **database key**, which
 * SQLCipher encrypts the file with and which the recovery key spells out, and the **vault key**,
 * which every password slot wraps and every subkey (documents, signing keys) derives from. The
 * header holds the database key wrapped by the vault key, so rotating the database key touches
 * one envelope instead of every user's slot (whose passwords nobody knows). Signing in with the
 * recovery key opens the database and reads the vault key from here to make the new slot.
 *
 * A vault made before this migration has no row: its vault key is its first database key, so
 * its recovery key cannot be rotated (the old key would still unwrap the new one); see
 * `main/core/vault/database-key.ts`.
 */
export const m0180VaultKey: Migration = {
  version: 180,
  name: 'vault key',
  up(db) {
    db.exec(`
      CREATE TABLE vault_key (
        id  INTEGER PRIMARY KEY CHECK (id = 1),
        key BLOB NOT NULL CHECK (length(key) = 32)
      ) STRICT;
    `);
  },
};
