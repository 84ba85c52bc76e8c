/**
 * The `.ncatsbackup` file: a short readable envelope, then an age file.
 *
 *   line 1   "NCATS-BACKUP/1"
 *   line 2   the envelope as one line of JSON: vault id, when, and the vault header (key slots)
 *   rest     an age file (scrypt recipient) whose plaintext is a tar of vault.json, vault.db,
 *            blobs/<id>.bin and, last, manifest.json (SHA-256 of every other entry)
 *
 * Why this shape: restoring must work with the same secrets that open the vault, and nothing
 * else. The key slots are in the clear for the same reason `vault.json` is in the clear beside
 * the database: each is the database key wrapped under a memory-hard KDF of one user's password,
 * so a password (or the recovery key, which is the database key) yields the database key. The
 * age passphrase is derived from the database key (`backupPassphrase`), so without a password
 * or the recovery key nothing inside can be read, not even the list of files. The envelope is
 * not authenticated, but it cannot be abused: a swapped slot yields a key that does not open
 * the age payload, and the restore trusts only the vault.json inside the payload.
 */
import { hkdfSync } from 'node:crypto';
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../errors';
import { headerSchema } from '../vault/header';

export const BACKUP_EXTENSION = '.ncatsbackup';
export const BACKUP_MAGIC = 'NCATS-BACKUP/1';
export const BACKUP_FORMAT_VERSION = 1;
/** The HKDF purpose of the backup passphrase; OpenVault.deriveSubkey prefixes "ncats ". */
export const BACKUP_KEY_PURPOSE = 'backup-v1';
/**
 * scrypt's cost only slows the guessing of a weak passphrase. This one is 256 random bits
 * (derived from the database key), so no work factor changes what guessing costs; a small one
 * keeps a restore quick. age accepts 1..20 when decrypting.
 */
export const BACKUP_SCRYPT_WORK_FACTOR = 10;
/** The envelope is a few kilobytes per user; anything far larger is not a backup. */
const MAX_ENVELOPE_BYTES = 1024 * 1024;

const envelopeSchema = z
  .object({
    format: z.literal('ncats-backup'),
    formatVersion: z.number().int(),
    vaultId: z.string().uuid(),
    createdAt: z.string().datetime(),
    createdBy: z.string(),
    /** The vault header as it was, with its back-off counters and pending audit rows cleared. */
    header: headerSchema,
  })
  .strict();
export type BackupEnvelope = z.infer<typeof envelopeSchema>;

/** The age passphrase of a vault's backups, from its database key: lower-case hex of HKDF-SHA256. */
export function backupPassphraseFromKey(databaseKey: Buffer): string {
  const derived = Buffer.from(hkdfSync('sha256', databaseKey, Buffer.alloc(0), `ncats ${BACKUP_KEY_PURPOSE}`, 32));
  try {
    return derived.toString('hex');
  } finally {
    derived.fill(0);
  }
}

/** The two envelope lines, ready to be written before the age payload. */
export function envelopeBytes(envelope: BackupEnvelope): Buffer {
  return Buffer.from(`${BACKUP_MAGIC}\n${JSON.stringify(envelope)}\n`, 'utf8');
}

function notABackup(file: string): AppError {
  return new AppError(
    'INVALID_INPUT',
    `${file} is not an NCATS backup, or its first lines are damaged. Nothing was restored.`,
  );
}

/**
 * Read the envelope of `file`: what it says, and where the age payload starts. Refuses a file
 * that does not start with the magic line (so rotation never touches another program's file).
 */
export function readEnvelope(file: string): { envelope: BackupEnvelope; payloadOffset: number } {
  const head = Buffer.alloc(MAX_ENVELOPE_BYTES);
  let length = 0;
  const fd = openSync(file, 'r');
  try {
    for (;;) {
      const n = readSync(fd, head, length, head.length - length, length);
      if (n === 0) break;
      length += n;
      if (length === head.length) break;
    }
  } finally {
    closeSync(fd);
  }
  const bytes = head.subarray(0, length);
  const first = bytes.indexOf('\n');
  if (first < 0 || bytes.subarray(0, first).toString('latin1') !== BACKUP_MAGIC) throw notABackup(file);
  const second = bytes.indexOf('\n', first + 1);
  if (second < 0) throw notABackup(file);
  let json: unknown;
  try {
    json = JSON.parse(bytes.subarray(first + 1, second).toString('utf8'));
  } catch {
    throw notABackup(file);
  }
  const version = (json as { formatVersion?: unknown } | null)?.formatVersion;
  if (typeof version === 'number' && version > BACKUP_FORMAT_VERSION) {
    throw new AppError(
      'VAULT_TOO_NEW',
      'This backup was made by a newer version of the app. Update the app to restore it.',
    );
  }
  const parsed = envelopeSchema.safeParse(json);
  if (!parsed.success) throw notABackup(file);
  return { envelope: parsed.data, payloadOffset: second + 1 };
}

/** The envelope of `file`, or null when it is not a readable backup (for listing a folder). */
export function tryReadEnvelope(file: string): BackupEnvelope | null {
  try {
    return readEnvelope(file).envelope;
  } catch {
    return null;
  }
}

/**
 * A file name for a backup taken at `at`: the vault's id (so two vaults can share a folder)
 * and a sortable UTC time, e.g. `ncats-3f2a9c1b-20261201-214000.ncatsbackup`.
 */
export function backupFileName(vaultId: string, at: Date): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `ncats-${vaultId.slice(0, 8)}-${stamp}${BACKUP_EXTENSION}`;
}

/** A path in `folder` for a new backup taken at `at` that no file has yet (`-2`, `-3` ... if need be). */
export function newBackupPath(folder: string, vaultId: string, at: Date): string {
  const name = backupFileName(vaultId, at);
  let path = join(folder, name);
  for (let n = 2; existsSync(path); n += 1) {
    path = join(folder, name.replace(BACKUP_EXTENSION, `-${n}${BACKUP_EXTENSION}`));
  }
  return path;
}
