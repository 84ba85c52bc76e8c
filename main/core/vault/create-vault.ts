/** Making a new vault: the header, the encrypted database and its first administrator. */
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import type { UserSummary } from '../../../preload/contract';
import { openEncrypted, type Db } from '../db/connection';
import { migrate } from '../db/migrations/index';
import { AppError, fsError } from '../errors';
import { appendAudit } from './audit';
import { storeVaultKey, wrapDatabaseKey } from './database-key';
import {
  HEADER_FORMAT,
  HEADER_FORMAT_VERSION,
  databasePath,
  headerPath,
  writeHeader,
  type VaultHeader,
} from './header';
import { calibrate } from './kdf';
import { makeSlot } from './key-slots';
import { OpenVault, toSessionUser, type VaultOptions } from './open-vault';
import { formatRecoveryKey, keyCheck } from './recovery-key';
import { makeVaultFolder } from './vault-folder';
import { insertUser } from './users.repo';

/** True when `dir` already holds a vault (or the remains of one we must not overwrite). */
export function vaultExists(dir: string): boolean {
  return existsSync(headerPath(dir)) || existsSync(databasePath(dir));
}

/** Create a vault with its first administrator. Returns it unlocked, and the recovery key. */
export async function createVault(
  dir: string,
  input: { username: string; displayName: string; password: string },
  options: VaultOptions = {},
): Promise<{ vault: OpenVault; recoveryKey: string }> {
  if (vaultExists(dir)) throw new AppError('VAULT_EXISTS', `There is already a vault in ${dir}.`);
  makeVaultFolder(dir);
  const now = options.now?.() ?? new Date();
  // Two keys (database-key.ts): slots wrap the vault key; SQLCipher and the recovery key use the other.
  const vaultKey = randomBytes(32);
  const key = randomBytes(32);
  const kdf = options.kdf ?? (await calibrate());
  const user: UserSummary = {
    id: randomUUID(),
    username: input.username,
    displayName: input.displayName,
    role: 'administrator',
    createdAt: now.toISOString(),
    disabled: false,
  };
  const vaultId = randomUUID();
  const slot = await makeSlot({ vaultId }, vaultKey, user, input.password, kdf);
  const header: VaultHeader = {
    format: HEADER_FORMAT,
    formatVersion: HEADER_FORMAT_VERSION,
    vaultId,
    createdAt: now.toISOString(),
    database: {
      file: 'vault.db',
      cipher: 'sqlcipher',
      legacy: 4,
      keyCheck: keyCheck(key),
      wrappedKey: wrapDatabaseKey(vaultId, vaultKey, key),
    },
    slots: [slot],
    lockout: {},
    pendingAudit: [],
  };
  let db: Db | undefined;
  try {
    db = openEncrypted(databasePath(dir), key, options);
    migrate(db);
    const opened = db;
    const byAdmin = { at: now.toISOString(), userId: user.id, username: user.username };
    opened
      .transaction(() => {
        storeVaultKey(opened, vaultKey);
        insertUser(opened, user);
        appendAudit(opened, { ...byAdmin, action: 'vault.create', detail: { vaultId } });
        appendAudit(opened, { ...byAdmin, action: 'session.unlock' });
      })
      .immediate();
    // The header goes last: its presence is what makes the folder a vault.
    writeHeader(dir, header);
  } catch (err) {
    db?.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(databasePath(dir) + suffix, { force: true });
    key.fill(0);
    vaultKey.fill(0);
    fsError(err, 'the new vault');
  }
  const recoveryKey = formatRecoveryKey(key);
  key.fill(0);
  return { vault: new OpenVault(dir, db, vaultKey, toSessionUser(user), options), recoveryKey };
}
