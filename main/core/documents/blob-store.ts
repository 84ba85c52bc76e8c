/**
 * The document blob store: new blobs are written in format 2 (age, under the document's own
 * identity); reads accept format 1 and 2, told apart by the file's first bytes rather than the
 * row alone, because the re-encryption after migration 190 flips a row to format 2 a moment
 * before its age file replaces the format 1 one (blob-migration.ts). Either way every byte is
 * authenticated: format 1 by the vault's attachments key and the id in its header, format 2 by
 * the identity kept in the row.
 */
import type { Readable } from 'node:stream';
import type { OpenVault } from '../vault/vault';
import { AGE_MAGIC, openAgeBlob } from './age-blob-reader';
import { newDocumentIdentity, writeAgeBlobAt, type WrittenAgeBlob } from './age-blob-writer';
import { openBlobFile, openV1Blob } from './blob-reader';
import { blobPath } from './blob-writer';
import { damaged, type ByteRange } from './chunk-stream';

/** The HKDF purpose of the key every format 1 blob is derived from. */
export const ATTACHMENTS_KEY_PURPOSE = 'attachments-v1';

/** What a read needs from a document's row. */
export interface BlobRef {
  /** The row's `blob_id`: names the file, and is the file id inside a format 1 blob's header. */
  blobId: string;
  sizeBytes: number;
  /** Format 2's identity; null while the document is still format 1. */
  ageIdentity: string | null;
}

/** Encrypt `source` as a new format 2 blob named `blobId`, under a fresh identity. */
export async function writeDocumentBlob(
  vaultDir: string,
  blobId: string,
  source: AsyncIterable<unknown> | Readable,
): Promise<WrittenAgeBlob> {
  return writeAgeBlobAt(blobPath(vaultDir, blobId), await newDocumentIdentity(), source);
}

/** Stream a document's plaintext (or one range of it), whichever format its blob is in. */
export async function openDocumentBlob(vault: OpenVault, ref: BlobRef, range?: ByteRange): Promise<Readable> {
  // One handle for the sniff and the read, so a rename by the migration in between cannot
  // hand one format's reader the other format's file.
  const handle = await openBlobFile(blobPath(vault.dir, ref.blobId));
  let isAge: boolean;
  try {
    const start = Buffer.alloc(AGE_MAGIC.length);
    const { bytesRead } = await handle.read(start, 0, start.length, 0);
    isAge = bytesRead === start.length && start.equals(AGE_MAGIC);
    if (isAge && !ref.ageIdentity) throw damaged();
  } catch (err) {
    await handle.close().catch(() => undefined);
    throw err;
  }
  if (isAge) return openAgeBlob(handle, ref.ageIdentity ?? '', ref.sizeBytes, range);
  const key = vault.deriveSubkey(ATTACHMENTS_KEY_PURPOSE);
  try {
    return await openV1Blob(key, handle, ref.blobId, ref.sizeBytes, range);
  } finally {
    key.fill(0);
  }
}
