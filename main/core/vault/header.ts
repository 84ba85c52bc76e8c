import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { AppError, fsError } from '../errors';
import { kdfParamsSchema } from './kdf';
import { roleSchema } from '../../../preload/contract';

export const HEADER_FILE = 'vault.json';
export const DATABASE_FILE = 'vault.db';
export const HEADER_FORMAT = 'ncats-vault';
export const HEADER_FORMAT_VERSION = 1;
/** Failed unlocks waiting to be written to the audit chain at the next successful unlock. */
export const MAX_PENDING_AUDIT = 1000;

const wrappedSchema = z.object({ iv: z.string(), ciphertext: z.string(), tag: z.string() }).strict();

const passwordSlotSchema = z
  .object({
    id: z.string().uuid(),
    kind: z.literal('password'),
    userId: z.string().uuid(),
    username: z.string(),
    /** Informative only (for `ncats info`): the role that counts is the one in the database. */
    role: roleSchema,
    kdf: kdfParamsSchema,
    salt: z.string(),
    wrapped: wrappedSchema,
  })
  .strict();
export type PasswordSlot = z.infer<typeof passwordSlotSchema>;

export const headerSchema = z
  .object({
    format: z.literal(HEADER_FORMAT),
    formatVersion: z.number().int(),
    vaultId: z.string().uuid(),
    createdAt: z.string(),
    database: z
      .object({
        file: z.literal(DATABASE_FILE),
        cipher: z.literal('sqlcipher'),
        legacy: z.literal(4),
        keyCheck: z.string(),
        /**
         * The database key wrapped by the vault key (see database-key.ts). Absent in a vault made
         * before recovery-key rotation, whose database key is its vault key.
         */
        wrappedKey: wrappedSchema.optional(),
        /**
         * A rotation under way: the next database key wrapped by the current one, and its check.
         * Present only between the start of a re-key and its end, or after a crash between them.
         */
        rotation: z.object({ wrappedKey: wrappedSchema, keyCheck: z.string() }).strict().optional(),
      })
      .strict(),
    slots: z.array(passwordSlotSchema),
    lockout: z.record(z.string(), z.object({ failures: z.number().int(), lastFailureAt: z.string() }).strict()),
    pendingAudit: z.array(z.object({ at: z.string(), action: z.string(), username: z.string() }).strict()),
  })
  .strict();
export type VaultHeader = z.infer<typeof headerSchema>;

export function headerPath(dir: string): string {
  return join(dir, HEADER_FILE);
}

export function databasePath(dir: string): string {
  return join(dir, DATABASE_FILE);
}

export function readHeader(dir: string): VaultHeader {
  let text: string;
  try {
    text = readFileSync(headerPath(dir), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new AppError('NO_VAULT', `There is no vault in ${dir}.`);
    }
    throw err;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError(
      'VAULT_CORRUPT',
      'The vault header (vault.json) is damaged and cannot be read. Restore it from a backup, or use the recovery key with SQLCipher.',
    );
  }
  const version = (json as { formatVersion?: unknown } | null)?.formatVersion;
  if (typeof version === 'number' && version > HEADER_FORMAT_VERSION) {
    throw new AppError(
      'VAULT_TOO_NEW',
      'This vault was made by a newer version of the app. Update the app to open it.',
    );
  }
  const parsed = headerSchema.safeParse(json);
  if (!parsed.success) {
    throw new AppError(
      'VAULT_CORRUPT',
      'The vault header (vault.json) is not valid. Restore it from a backup, or use the recovery key with SQLCipher.',
    );
  }
  return parsed.data;
}

/**
 * Replace the header atomically: write a temporary file, fsync it, rename it over the old
 * one, fsync the folder. A crash or a full disk leaves either the old header or the new one,
 * never half of either.
 */
export function writeHeader(dir: string, header: VaultHeader): void {
  const target = headerPath(dir);
  const temp = `${target}.${process.pid}.tmp`;
  const bytes = Buffer.from(JSON.stringify(header, null, 2) + '\n', 'utf8');
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'w', 0o600);
    writeSync(fd, bytes);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, target);
    syncDirectory(dirname(target));
  } catch (err) {
    if (fd !== undefined) closeSync(fd);
    try {
      rmSync(temp, { force: true });
    } catch {
      // Cleaning up must not hide the reason the write failed (e.g. a folder squatting on the name).
    }
    fsError(err, 'the vault header');
  }
}

function syncDirectory(dir: string): void {
  // Directories cannot be fsynced on Windows; there the rename is already durable enough.
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
