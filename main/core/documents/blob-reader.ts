/**
 * Decrypt a format 1 blob (or a byte range of it) to a Node Readable in bounded memory: one
 * chunk at a time, and only the chunks the range touches, so seeking in a 2 GB video reads a few
 * hundred KiB. Every chunk read is authenticated before any of its bytes are released.
 * `blob-store.ts` picks between this and the age reader (format 2).
 */
import { open, type FileHandle } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { AppError } from '../errors';
import { HEADER_BYTES, TAG_BYTES, blobLength, chunkOffset, fileKey, openChunk, parseHeader } from './blob-format';
import { blobPath } from './blob-writer';
import { MISSING_MESSAGE, damaged, readExactly, streamChunks, type ByteRange } from './chunk-stream';

export { DAMAGED_MESSAGE, MISSING_MESSAGE, type ByteRange } from './chunk-stream';

/** Open a blob file for reading, or the "missing" error a user can act on. */
export async function openBlobFile(path: string): Promise<FileHandle> {
  try {
    return await open(path, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new AppError('VAULT_CORRUPT', MISSING_MESSAGE);
    throw err;
  }
}

/**
 * Read the format 1 blob already open as `handle` (it is closed when the stream ends, or here on
 * failure). The header, the blob length and the first chunk of the range are checked before this
 * resolves.
 */
export async function openV1Blob(
  attachmentsKey: Buffer,
  handle: FileHandle,
  documentId: string,
  size: number,
  range?: ByteRange,
): Promise<Readable> {
  let key: Buffer | undefined;
  try {
    const stat = await handle.stat();
    if (stat.size < HEADER_BYTES + TAG_BYTES) throw damaged();
    let header;
    try {
      header = parseHeader(await readExactly(handle, HEADER_BYTES, 0));
    } catch {
      throw damaged();
    }
    if (header.fileId !== documentId || stat.size !== blobLength(size, header.chunkSize)) throw damaged();
    const fileKeyBytes = fileKey(attachmentsKey, header);
    key = fileKeyBytes;
    const chunkSize = header.chunkSize;
    return await streamChunks(
      {
        handle,
        size,
        chunkSize,
        tagBytes: TAG_BYTES,
        offsetOf: (i) => chunkOffset(i, chunkSize),
        openChunk: (i, final, sealed) => openChunk(fileKeyBytes, header, i, final, sealed),
        wipe: () => fileKeyBytes.fill(0),
      },
      range,
    );
  } catch (err) {
    // streamChunks has already wiped and closed when it fails; doing it again is harmless.
    key?.fill(0);
    await handle.close().catch(() => undefined);
    throw err;
  }
}

/**
 * Open the format 1 blob of `documentId`, whose recorded plaintext size is `size`, and return a
 * stream of the plaintext bytes `range` (whole file when absent). A missing, truncated, altered
 * or wrongly keyed blob fails here with a clear error rather than half-way through a response.
 */
export async function openBlobRange(
  attachmentsKey: Buffer,
  vaultDir: string,
  documentId: string,
  size: number,
  range?: ByteRange,
): Promise<Readable> {
  const handle = await openBlobFile(blobPath(vaultDir, documentId));
  return openV1Blob(attachmentsKey, handle, documentId, size, range);
}
