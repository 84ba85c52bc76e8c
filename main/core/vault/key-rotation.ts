/**
 * Recovery-key rotation: a new database key, the database re-keyed to it, the old recovery key
 * useless. The sequence, and what a crash at each point leaves (see also sign-in.ts):
 *
 * 1. The header records the next key, wrapped by the current one (`database.rotation`). A crash
 *    before this atomic write: nothing has changed.
 * 2. `PRAGMA rekey` re-encrypts every page in one rollback-journal transaction. A crash during
 *    it: the journal rolls the file back under the current key at the next open, and the
 *    sign-in drops the record. A crash after it commits but before step 3: the current key no
 *    longer opens the file, so the sign-in opens it with the recorded next key and re-keys it
 *    back (that key was never shown, so keeping it would leave the vault with a recovery key
 *    nobody has). Either way the vault is as it was before the rotation began.
 * 3. One transaction writes the audit row and the final header (the new envelope and check, no
 *    rotation record); only then is the new key returned to be shown.
 *
 * Users' slots wrap the vault key, which does not change: everyone signs in as before.
 */
import { randomBytes } from 'node:crypto';
import { AppError, fsError } from '../errors';
import {
  canRotateDatabaseKey,
  databaseKeyFrom,
  rekeyDatabase,
  wrapDatabaseKey,
  wrapNextDatabaseKey,
} from './database-key';
import { readHeader, writeHeader } from './header';
import type { OpenVault } from './open-vault';
import { formatRecoveryKey, keyCheck } from './recovery-key';

/** Rotate the recovery key of the open vault; returns the new one, to be shown once. */
export function rotateRecoveryKey(vault: OpenVault, vaultKey: Buffer): string {
  const header = readHeader(vault.dir);
  if (!canRotateDatabaseKey(header)) {
    throw new AppError(
      'CONFLICT',
      'This vault was made before recovery keys could be rotated: its key slots hold the first recovery key itself, so a new one would not stop the old one working. Nothing was changed.',
    );
  }
  const current = databaseKeyFrom(header, vaultKey);
  const next = randomBytes(32);
  try {
    const started = {
      ...header,
      database: {
        ...header.database,
        rotation: { wrappedKey: wrapNextDatabaseKey(header.vaultId, current, next), keyCheck: keyCheck(next) },
      },
    };
    writeHeader(vault.dir, started);
    try {
      rekeyDatabase(vault.db, next);
    } catch (err) {
      // The re-key rolled back: the file is still under the current key, so forget the next one.
      writeHeader(vault.dir, header);
      fsError(err, 'the new recovery key');
    }
    const { rotation: _done, ...database } = started.database;
    try {
      vault.db
        .transaction(() => {
          vault.audit({ action: 'vault.recovery_key_rotate', entityType: 'vault', entityId: header.vaultId });
          writeHeader(vault.dir, {
            ...header,
            database: {
              ...database,
              keyCheck: keyCheck(next),
              wrappedKey: wrapDatabaseKey(header.vaultId, vaultKey, next),
            },
          });
        })
        .immediate();
    } catch (err) {
      // The header could not be finished (a full disk): put the file back under the current key now
      // rather than leave it to the next sign-in.
      rekeyDatabase(vault.db, current);
      writeHeader(vault.dir, header);
      throw err;
    }
    return formatRecoveryKey(next);
  } finally {
    current.fill(0);
    next.fill(0);
  }
}
