/**
 * What is inside a backup's payload: the entry names a backup may hold, and the manifest that
 * comes last, listing every other entry with its size and SHA-256. The manifest goes last so a
 * backup is written in one pass (each digest is known once its entry has been streamed); the
 * restore writes into a temporary folder and compares only when the archive has ended.
 */
import { z } from 'zod';

export const MANIFEST_ENTRY = 'manifest.json';
export const HEADER_ENTRY = 'vault.json';
export const DATABASE_ENTRY = 'vault.db';
/** A blob by id, one folder deep (the tar rules allow one level; the vault fans out by prefix). */
const BLOB_ENTRY = /^blobs\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.bin$/;
/** A manifest lists about a hundred bytes per file: 64 MiB is over half a million documents. */
export const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;

export function blobEntryName(id: string): string {
  return `blobs/${id}.bin`;
}

/** The blob id an entry name stands for, or null when the name is not a blob's. */
export function blobIdOfEntry(name: string): string | null {
  return BLOB_ENTRY.exec(name)?.[1] ?? null;
}

/** True for a name a backup may hold (anything else in the archive refuses the restore). */
export function isBackupEntryName(name: string): boolean {
  return name === MANIFEST_ENTRY || name === HEADER_ENTRY || name === DATABASE_ENTRY || blobIdOfEntry(name) !== null;
}

const fileSchema = z
  .object({
    name: z.string().refine((n) => isBackupEntryName(n) && n !== MANIFEST_ENTRY),
    size: z.number().int().nonnegative(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();
export type ManifestFile = z.infer<typeof fileSchema>;

export const manifestSchema = z
  .object({
    format: z.literal('ncats-backup-manifest'),
    formatVersion: z.literal(1),
    vaultId: z.string().uuid(),
    createdAt: z.string().datetime(),
    /** The database's schema version when it was copied (a newer one is refused on restore). */
    schemaVersion: z.number().int().nonnegative(),
    files: z.array(fileSchema),
    /** Documents whose blob was not in the vault folder when the backup was taken. */
    missingBlobs: z.array(z.string().uuid()),
  })
  .strict();
export type BackupManifest = z.infer<typeof manifestSchema>;
