/**
 * Restore a backup into a new vault folder, never over an existing one.
 *
 * Everything is written into a temporary folder beside the target (`.<name>.restoring-<hex>`),
 * checked there, and renamed into place only when all is well: every entry's SHA-256 against
 * the manifest, the header against the envelope and the key, then the database is opened,
 * brought up to date, and given the same checks `ncats verify` makes (passed in as `checks`,
 * which live with the CLI). Any failure removes the temporary folder: nothing is left behind.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  rmdirSync,
  statSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { decryptAge } from '../bundles/age-native';
import { readTar, type TarEntry } from '../bundles/tar-reader';
import { MAX_TAR_ENTRY_SIZE } from '../bundles/tar-rules';
import { openEncrypted, type Db } from '../db/connection';
import { migrate } from '../db/migrations/index';
import { AppError } from '../errors';
import { blobRelativePath } from '../documents/blob-writer';
import { appendAudit } from '../vault/audit';
import { databaseKeyFrom, storedVaultKey } from '../vault/database-key';
import { databasePath, readHeader, type VaultHeader } from '../vault/header';
import { openSlot } from '../vault/key-slots';
import { OpenVault, toSessionUser, type VaultOptions } from '../vault/open-vault';
import { keyMatchesCheck, parseRecoveryKey } from '../vault/recovery-key';
import { findUserById } from '../vault/users.repo';
import { backupPassphraseFromKey, readEnvelope, type BackupEnvelope } from './backup-format';
import { recordBackup } from './backup-status';
import { sweepBackupLeftovers } from './sweep';
import {
  DATABASE_ENTRY,
  HEADER_ENTRY,
  MANIFEST_ENTRY,
  MAX_MANIFEST_BYTES,
  blobIdOfEntry,
  isBackupEntryName,
  manifestSchema,
  type BackupManifest,
  type ManifestFile,
} from './backup-manifest';
import { fsyncPath } from '../fs-sync';

/** Who restores: a user of the backed-up vault with their password, or the recovery key. */
export type RestoreCredential =
  { kind: 'password'; username: string; password: string } | { kind: 'recovery-key'; recoveryKey: string };

/** One check of the restored vault, as `ncats verify` reports it. */
export interface RestoreCheck {
  name: string;
  ok: boolean;
  details: string[];
}

export interface RestoreOptions extends VaultOptions {
  /** The vault checks to run before the folder is put in place (the CLI's `runVaultChecks`). */
  checks: (vault: OpenVault) => RestoreCheck[];
}

export interface RestoreResult {
  dir: string;
  vaultId: string;
  backupCreatedAt: string;
  backupCreatedBy: string;
  documents: number;
  checks: RestoreCheck[];
}

function damaged(detail: string): AppError {
  return new AppError('VAULT_CORRUPT', `The backup is damaged or incomplete (${detail}). Nothing was restored.`);
}

/** Refuse a target that holds anything. Returns whether it exists (as an empty folder). */
function checkTarget(dir: string): boolean {
  if (!existsSync(dirname(dir))) {
    throw new AppError('NOT_FOUND', `The folder ${dirname(dir)} does not exist. Create it first.`);
  }
  if (!existsSync(dir)) return false;
  if (!statSync(dir).isDirectory() || readdirSync(dir).length > 0) {
    throw new AppError(
      'VAULT_EXISTS',
      `${dir} is not empty. A restore never overwrites anything: choose a new folder for the restored vault.`,
    );
  }
  return true;
}

/**
 * The database key from the credential, checked against the envelope's header: the key a backup
 * is sealed under (its passphrase derives from it), so the recovery key alone can open one.
 */
async function keyFor(
  header: VaultHeader,
  credential: RestoreCredential,
): Promise<{ key: Buffer; userId: string | null }> {
  if (credential.kind === 'recovery-key') {
    const key = parseRecoveryKey(credential.recoveryKey);
    if (!keyMatchesCheck(key, header.database.keyCheck)) {
      key.fill(0);
      throw new AppError(
        'WRONG_RECOVERY_KEY',
        'That recovery key does not belong to the vault in this backup. Check each group of characters.',
      );
    }
    return { key, userId: null };
  }
  const slot = header.slots.find((s) => s.username === credential.username);
  // A slot holds the vault key; the database key is wrapped by it in the header (database-key.ts).
  const vaultKey = slot ? await openSlot(header, slot, credential.password) : null;
  if (!slot || !vaultKey) {
    throw new AppError(
      'WRONG_PASSWORD',
      'That user name and password do not open this backup. Check them and try again.',
    );
  }
  try {
    return { key: databaseKeyFrom(header, vaultKey), userId: slot.userId };
  } finally {
    vaultKey.fill(0);
  }
}

/** Write one entry's body to `path`, flushed to the disk, returning its size and SHA-256. */
async function writeEntry(entry: TarEntry, path: string): Promise<ManifestFile> {
  const hash = createHash('sha256');
  let size = 0;
  async function* tee(): AsyncGenerator<Uint8Array> {
    for await (const piece of entry.body) {
      hash.update(piece);
      size += piece.length;
      yield piece;
    }
  }
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  await pipeline(Readable.from(tee()), createWriteStream(path, { fd: openSync(path, 'wx', 0o600) }));
  fsyncPath(path);
  fsyncPath(dirname(path));
  return { name: entry.name, size, sha256: hash.digest('hex') };
}

async function readManifest(entry: TarEntry): Promise<BackupManifest> {
  if (entry.size > MAX_MANIFEST_BYTES) throw damaged('its manifest is far too large');
  const pieces: Uint8Array[] = [];
  for await (const piece of entry.body) pieces.push(piece);
  try {
    return manifestSchema.parse(JSON.parse(Buffer.concat(pieces).toString('utf8')));
  } catch {
    throw damaged('its manifest cannot be read');
  }
}

/** Where an entry goes inside the new vault folder. */
function entryPath(temp: string, name: string): string {
  const blobId = blobIdOfEntry(name);
  return join(temp, blobId ? blobRelativePath(blobId) : name);
}

/** Unpack the payload into `temp`, comparing every entry with the manifest that ends it. */
async function unpack(
  inFile: string,
  payloadOffset: number,
  passphrase: string,
  temp: string,
): Promise<BackupManifest> {
  const written: ManifestFile[] = [];
  let manifest: BackupManifest | null = null;
  try {
    const plaintext = decryptAge(createReadStream(inFile, { start: payloadOffset, highWaterMark: 256 * 1024 }), {
      identities: [],
      passphrase,
    });
    for await (const entry of readTar(plaintext[Symbol.asyncIterator](), { maxEntrySize: MAX_TAR_ENTRY_SIZE })) {
      if (manifest) throw damaged('something follows its manifest');
      if (!isBackupEntryName(entry.name)) throw damaged(`it holds an unexpected file, ${entry.name}`);
      if (entry.name === MANIFEST_ENTRY) manifest = await readManifest(entry);
      else written.push(await writeEntry(entry, entryPath(temp, entry.name)));
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    // age authenticates every 64 KiB chunk and marks the last, so a flipped bit, a cut-off file
    // and a wrong key all end here: none of them may restore anything.
    throw damaged('part of it failed its integrity check or it ends early');
  }
  if (!manifest) throw damaged('it has no manifest');
  const expected = new Map(manifest.files.map((f) => [f.name, f]));
  for (const file of written) {
    const listed = expected.get(file.name);
    if (!listed || listed.size !== file.size || listed.sha256 !== file.sha256) {
      throw damaged(`${file.name} does not match its SHA-256 in the manifest`);
    }
    expected.delete(file.name);
  }
  if (expected.size > 0) throw damaged(`${[...expected.keys()][0] ?? ''} is listed but missing`);
  if (!written.some((f) => f.name === DATABASE_ENTRY) || !written.some((f) => f.name === HEADER_ENTRY)) {
    throw damaged('it lacks the database or its header');
  }
  return manifest;
}

/** Open the unpacked vault, bring it up to date, check it and record the restore in its audit log. */
function verifyAndRecord(
  temp: string,
  key: Buffer,
  userId: string | null,
  inFile: string,
  envelope: BackupEnvelope,
  documents: number,
  options: RestoreOptions,
): RestoreCheck[] {
  const header = readHeader(temp);
  if (header.vaultId !== envelope.vaultId || !keyMatchesCheck(key, header.database.keyCheck)) {
    key.fill(0);
    throw damaged('its header does not match the vault it claims to be');
  }
  let db: Db;
  try {
    db = openEncrypted(databasePath(temp), key, options);
  } catch (err) {
    key.fill(0);
    throw err;
  }
  // The vault key (what documents and signing keys derive from) is kept inside the database; a
  // vault made before the keys were split uses its database key for both.
  let vaultKey: Buffer;
  try {
    migrate(db);
    vaultKey = storedVaultKey(db) ?? Buffer.from(key);
  } catch (err) {
    db.close();
    key.fill(0);
    throw err;
  }
  const user = userId ? findUserById(db, userId) : null;
  // A recovery-key restore signs nobody in: the checks only read, and the audit row names no user.
  const sessionUser = user
    ? toSessionUser(user)
    : { id: '', username: '', displayName: 'Restore with the recovery key', role: 'administrator' as const };
  const vault = new OpenVault(temp, db, vaultKey, sessionUser, options);
  try {
    if (userId && !user) throw damaged('the user who opened it is not in its database');
    const checks = options.checks(vault);
    const failed = checks.filter((c) => !c.ok);
    if (failed.length > 0) {
      throw new AppError(
        'VAULT_CORRUPT',
        `The restored vault failed its checks (${failed.map((c) => `${c.name}: ${c.details[0] ?? 'failed'}`).join('; ')}). Nothing was restored.`,
      );
    }
    db.transaction(() => {
      recordBackup(db, {
        takenAt: envelope.createdAt,
        fileName: basename(inFile),
        bytes: statSync(inFile).size,
        documents,
        takenBy: envelope.createdBy,
        source: 'restored_from',
      });
      appendAudit(db, {
        at: vault.now().toISOString(),
        userId: user?.id ?? null,
        username: user?.username ?? null,
        action: 'backup.restore',
        detail: {
          file: basename(inFile),
          backupCreatedAt: envelope.createdAt,
          backupCreatedBy: envelope.createdBy,
          ...(user ? {} : { with: 'recovery key' }),
        },
      });
    }).immediate();
    return checks;
  } finally {
    vault.close();
  }
}

/** Restore `inFile` into `newVaultDir` (absent, or an empty folder). */
export async function restoreBackup(
  inFile: string,
  newVaultDir: string,
  credential: RestoreCredential,
  options: RestoreOptions,
): Promise<RestoreResult> {
  const targetExists = checkTarget(newVaultDir);
  if (!existsSync(inFile)) throw new AppError('NOT_FOUND', `There is no file ${inFile}.`);
  const { envelope, payloadOffset } = readEnvelope(inFile);
  const { key, userId } = await keyFor(envelope.header, credential);
  const passphrase = backupPassphraseFromKey(key);
  const temp = join(dirname(newVaultDir), `.${basename(newVaultDir)}.restoring-${randomBytes(6).toString('hex')}`);
  // A restore killed half-way left its unpacked folder (a whole vault's ciphertext) here.
  sweepBackupLeftovers(dirname(newVaultDir));
  try {
    mkdirSync(temp, { mode: 0o700 });
    const manifest = await unpack(inFile, payloadOffset, passphrase, temp);
    const documents = manifest.files.filter((f) => blobIdOfEntry(f.name) !== null).length;
    const checks = verifyAndRecord(temp, key, userId, inFile, envelope, documents, options);
    if (targetExists) rmdirSync(newVaultDir);
    renameSync(temp, newVaultDir);
    fsyncPath(dirname(newVaultDir));
    return {
      dir: newVaultDir,
      vaultId: envelope.vaultId,
      backupCreatedAt: envelope.createdAt,
      backupCreatedBy: envelope.createdBy,
      documents,
      checks,
    };
  } catch (err) {
    key.fill(0);
    rmSync(temp, { recursive: true, force: true });
    throw err;
  }
}
