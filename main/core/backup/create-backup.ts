/**
 * Take a backup of an open vault while it stays open and writable.
 *
 * The database is copied with `VACUUM INTO`, not better-sqlite3's `db.backup()`: the online
 * backup API opens its destination with no key, and SQLite3MultipleCiphers refuses to copy an
 * encrypted database into an unkeyed one ("backup is not supported with incompatible source and
 * target databases"; pinned in tests/main/core/backup/sqlcipher-copy.test.ts), so it can never
 * write plaintext but cannot write ciphertext either. `VACUUM INTO` attaches its target with the
 * main database's key and cipher settings, so the copy is SQLCipher 4 under the vault's own key,
 * and it reads one snapshot (a read transaction): every write committed before it started is in
 * the copy, and in WAL mode other connections keep writing while it runs.
 *
 * Then one pass writes the file: the envelope, then age over a tar of the header, the copy,
 * each blob the copy's rows name (already ciphertext) and the manifest of digests, to
 * `<out>.partial` (0600), fsynced and renamed. The copy itself is a temporary file beside it
 * (ciphertext too), removed in every case.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { encryptAge } from '../bundles/age-native';
import { writeTar, type TarEntrySource } from '../bundles/tar-writer';
import { schemaVersion } from '../db/migrations/index';
import { AppError, fsError } from '../errors';
import { blobIdsOwnedIn } from '../documents/blob-sweep';
import { blobPath } from '../documents/blob-writer';
import { readHeader } from '../vault/header';
import type { OpenVault } from '../vault/vault';
import { BACKUP_FORMAT_VERSION, BACKUP_KEY_PURPOSE, BACKUP_SCRYPT_WORK_FACTOR, envelopeBytes } from './backup-format';
import { recordBackup } from './backup-status';
import { snapshotInWorker } from './snapshot-worker';
import { sweepBackupLeftovers } from './sweep';
import {
  DATABASE_ENTRY,
  HEADER_ENTRY,
  MANIFEST_ENTRY,
  blobEntryName,
  type BackupManifest,
  type ManifestFile,
} from './backup-manifest';
import { fsyncPath } from '../fs-sync';

export interface BackupResult {
  file: string;
  bytes: number;
  createdAt: string;
  documents: number;
  /** Blobs the database names that were not in the vault folder (listed in the manifest). */
  missingBlobs: string[];
}

/** Temporary files of a backup being written to `outFile` (all ciphertext). */
export function backupTempFiles(outFile: string): { partial: string; snapshot: string } {
  return { partial: `${outFile}.partial`, snapshot: `${outFile}.partial-db` };
}

/**
 * The ids of every blob the snapshot's rows own, by the sweep's rule (`blobIdsOwnedIn`). Read
 * from the snapshot, not the live database, so the blobs match the copied rows.
 */
function blobIdsOf(vault: OpenVault, snapshot: string): string[] {
  vault.db.prepare('ATTACH DATABASE ? AS backup_snapshot').run(snapshot);
  try {
    return blobIdsOwnedIn(vault.db, 'backup_snapshot');
  } finally {
    vault.db.exec('DETACH DATABASE backup_snapshot');
  }
}

/** A file's bytes as a stream, its SHA-256 and size recorded in `files` once it has all gone by. */
async function* hashed(path: string, name: string, files: ManifestFile[]): AsyncGenerator<Uint8Array> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 })) {
    const bytes = chunk as Buffer;
    hash.update(bytes);
    size += bytes.length;
    yield bytes;
  }
  files.push({ name, size, sha256: hash.digest('hex') });
}

function bytesEntry(name: string, bytes: Buffer, files: ManifestFile[]): TarEntrySource {
  files.push({ name, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
  return { name, size: bytes.length, body: [bytes] };
}

/**
 * Back up `vault` into `outFile`, which must not exist yet. Audited as `backup.create` (who,
 * when, the file's name and size). Nothing is left at `outFile` unless the whole file was written.
 */
export interface CreateBackupOptions {
  /**
   * Taken by the app's schedule (`scheduler.ts`) into the policy's or the app's own folder, not
   * into a file the user chose: allowed under any signed-in user's session, and so recorded.
   */
  scheduled?: boolean;
  /** Told when the copy is done and the file is being written (the screen's progress). */
  onPhase?: (phase: 'copying' | 'writing') => void;
}

export async function createBackup(
  vault: OpenVault,
  outFile: string,
  options: CreateBackupOptions = {},
): Promise<BackupResult> {
  // A backup is every case in the vault: only an administrator may choose where one goes.
  if (!options.scheduled && vault.user.role !== 'administrator') {
    throw new AppError('FORBIDDEN', 'Only an administrator can back up the vault.');
  }
  if (resolve(outFile).startsWith(resolve(vault.dir) + sep)) {
    throw new AppError(
      'INVALID_INPUT',
      'A backup inside the vault folder would be lost with the vault. Choose a folder outside it, ideally on another disk.',
    );
  }
  if (existsSync(outFile)) {
    throw new AppError(
      'CONFLICT',
      `${basename(outFile)} already exists. A backup never replaces a file: choose a new name.`,
    );
  }
  if (!existsSync(dirname(outFile))) {
    throw new AppError('NOT_FOUND', `The folder ${dirname(outFile)} does not exist. Create it first.`);
  }
  const createdAt = vault.now().toISOString();
  const { partial, snapshot } = backupTempFiles(outFile);
  const cleanUp = () => {
    for (const file of [partial, snapshot, `${snapshot}-journal`]) rmSync(file, { force: true });
  };
  // From the database key, not the vault key: the recovery key alone must open a backup, and
  // the vault key is only found inside the database the backup carries.
  const passphraseKey = vault.deriveDatabaseSubkey(BACKUP_KEY_PURPOSE);
  const passphrase = passphraseKey.toString('hex');
  passphraseKey.fill(0);
  try {
    const header = { ...readHeader(vault.dir), lockout: {}, pendingAudit: [] };
    sweepBackupLeftovers(dirname(outFile));
    options.onPhase?.('copying');
    await snapshotInWorker(vault, snapshot);
    options.onPhase?.('writing');
    const ids = blobIdsOf(vault, snapshot);
    const present = ids.filter((id) => existsSync(blobPath(vault.dir, id)));
    const missingBlobs = ids.filter((id) => !present.includes(id));
    const files: ManifestFile[] = [];
    const manifestBase = {
      format: 'ncats-backup-manifest' as const,
      formatVersion: 1 as const,
      vaultId: header.vaultId,
      createdAt,
      schemaVersion: schemaVersion(vault.db),
      missingBlobs,
    };
    function* entries(): Generator<TarEntrySource> {
      yield bytesEntry(HEADER_ENTRY, Buffer.from(JSON.stringify(header, null, 2) + '\n', 'utf8'), files);
      yield { name: DATABASE_ENTRY, size: statSync(snapshot).size, body: hashed(snapshot, DATABASE_ENTRY, files) };
      for (const id of present) {
        const path = blobPath(vault.dir, id);
        yield { name: blobEntryName(id), size: statSync(path).size, body: hashed(path, blobEntryName(id), files) };
      }
      // Built only now: every entry above has been streamed, so its digest is in `files`.
      const manifest: BackupManifest = { ...manifestBase, files: [...files] };
      yield { name: MANIFEST_ENTRY, ...sizedJson(manifest) };
    }
    const envelope = envelopeBytes({
      format: 'ncats-backup',
      formatVersion: BACKUP_FORMAT_VERSION,
      vaultId: header.vaultId,
      createdAt,
      createdBy: vault.user.username,
      header,
    });
    const payload = encryptAge(writeTar(entries(), new Date(createdAt)), {
      kind: 'passphrase',
      passphrase,
      logN: BACKUP_SCRYPT_WORK_FACTOR,
    });
    async function* whole(): AsyncGenerator<Uint8Array> {
      yield envelope;
      yield* payload;
    }
    const fd = openSync(partial, 'wx', 0o600);
    await pipeline(Readable.from(whole()), createWriteStream(partial, { fd }));
    fsyncPath(partial);
    rmSync(snapshot, { force: true });
    const bytes = statSync(partial).size;
    vault.db
      .transaction(() => {
        vault.audit({
          action: 'backup.create',
          detail: {
            file: basename(outFile),
            bytes,
            documents: present.length,
            missingBlobs: missingBlobs.length,
            ...(options.scheduled ? { scheduled: true } : {}),
          },
        });
        recordBackup(vault.db, {
          takenAt: createdAt,
          fileName: basename(outFile),
          bytes,
          documents: present.length,
          takenBy: vault.user.username,
          source: 'taken',
        });
        // Inside the transaction: a rename that fails rolls the audit row back with it.
        renameSync(partial, outFile);
      })
      .immediate();
    fsyncPath(dirname(outFile));
    return { file: outFile, bytes, createdAt, documents: present.length, missingBlobs };
  } catch (err) {
    cleanUp();
    if (err instanceof AppError) throw err;
    fsError(err, 'the backup');
  }
}

function sizedJson(value: unknown): { size: number; body: Buffer[] } {
  const bytes = Buffer.from(JSON.stringify(value) + '\n', 'utf8');
  return { size: bytes.length, body: [bytes] };
}
