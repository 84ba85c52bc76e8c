/**
 * Decrypt a blob (or a byte range of it) to a Node Readable in bounded memory: one chunk at a
 * time, and only the chunks the range touches, so seeking in a 2 GB video reads a few hundred
 * KiB. Every chunk read is authenticated before any of its bytes are released.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { AppError } from '../errors';
import {
  HEADER_BYTES,
  TAG_BYTES,
  blobLength,
  chunkCount,
  chunkOffset,
  fileKey,
  openChunk,
  parseHeader,
  type BlobHeader,
} from './blob-format';
import { blobPath } from './blob-writer';

export const DAMAGED_MESSAGE =
  "This document's encrypted file is damaged or has been altered, so it cannot be opened. Restore the vault from a backup or ask your administrator.";
export const MISSING_MESSAGE =
  "This document's encrypted file is missing from the vault folder. Restore the vault from a backup or ask your administrator.";

function damaged(): AppError {
  return new AppError('VAULT_CORRUPT', DAMAGED_MESSAGE);
}

/** An inclusive byte range of the plaintext. */
export interface ByteRange {
  start: number;
  end: number;
}

async function readExactly(handle: FileHandle, length: number, position: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  let got = 0;
  while (got < length) {
    const { bytesRead } = await handle.read(buf, got, length - got, position + got);
    if (bytesRead === 0) throw damaged();
    got += bytesRead;
  }
  return buf;
}

/**
 * Open the blob of `documentId`, whose recorded plaintext size is `size`, and return a stream of
 * the plaintext bytes `range` (whole file when absent). The header, the blob length and the
 * first chunk of the range are checked before this resolves, so a missing, truncated, altered
 * or wrongly keyed blob fails here with a clear error rather than half-way through a response.
 * A chunk that fails later destroys the stream with the same error.
 */
export async function openBlobRange(
  attachmentsKey: Buffer,
  vaultDir: string,
  documentId: string,
  size: number,
  range?: ByteRange,
): Promise<Readable> {
  let handle: FileHandle;
  try {
    handle = await open(blobPath(vaultDir, documentId), 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new AppError('VAULT_CORRUPT', MISSING_MESSAGE);
    throw err;
  }
  let key: Buffer | undefined;
  try {
    const stat = await handle.stat();
    if (stat.size < HEADER_BYTES + TAG_BYTES) throw damaged();
    let header: BlobHeader;
    try {
      header = parseHeader(await readExactly(handle, HEADER_BYTES, 0));
    } catch {
      throw damaged();
    }
    if (header.fileId !== documentId || stat.size !== blobLength(size, header.chunkSize)) throw damaged();
    key = fileKey(attachmentsKey, header);
    const start = range?.start ?? 0;
    const end = range?.end ?? size - 1;
    const chunks = chunkCount(size, header.chunkSize);
    const firstChunk = Math.floor(start / header.chunkSize);
    const lastChunk = size === 0 ? 0 : Math.floor(end / header.chunkSize);
    const sealedLength = (i: number): number =>
      (i === chunks - 1 ? size - i * header.chunkSize : header.chunkSize) + TAG_BYTES;
    const fileKeyBytes = key;
    const decrypt = async (i: number): Promise<Buffer> => {
      const sealed = await readExactly(handle, sealedLength(i), chunkOffset(i, header.chunkSize));
      let plain: Buffer;
      try {
        plain = openChunk(fileKeyBytes, header, i, i === chunks - 1, sealed);
      } catch {
        throw damaged();
      }
      // Trim to the requested range: only the first and last chunks can be partial.
      const from = i === firstChunk ? start - i * header.chunkSize : 0;
      const to = i === lastChunk ? end - i * header.chunkSize + 1 : plain.length;
      return plain.subarray(from, Math.max(from, to));
    };
    // Decrypt the first chunk now so failures surface before a caller commits to a status.
    const first = await decrypt(firstChunk);
    let cleaned = false;
    const cleanup = (): void => {
      if (cleaned) return;
      cleaned = true;
      fileKeyBytes.fill(0);
      void handle.close().catch(() => undefined);
    };
    async function* chunksOf(): AsyncGenerator<Buffer> {
      try {
        if (first.length > 0) yield first;
        for (let i = firstChunk + 1; i <= lastChunk; i += 1) yield await decrypt(i);
      } finally {
        cleanup();
      }
    }
    const stream = Readable.from(chunksOf(), { objectMode: false, highWaterMark: 1 });
    // A consumer that stops early (a closed video request) still releases the file and key.
    stream.once('close', cleanup);
    return stream;
  } catch (err) {
    key?.fill(0);
    await handle.close().catch(() => undefined);
    throw err;
  }
}
