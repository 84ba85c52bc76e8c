/**
 * The part of a range read both blob formats share: given how to authenticate and decrypt chunk
 * `i`, stream the plaintext bytes of a range one chunk at a time, touching only the chunks the
 * range covers. The first chunk is decrypted before this resolves, so a damaged or wrongly keyed
 * blob fails before a caller commits to a status; a later chunk that fails destroys the stream.
 */
import type { FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { AppError } from '../errors';

export const DAMAGED_MESSAGE =
  "This document's encrypted file is damaged or has been altered, so it cannot be opened. Restore the vault from a backup or ask your administrator.";
export const MISSING_MESSAGE =
  "This document's encrypted file is missing from the vault folder. Restore the vault from a backup or ask your administrator.";

export function damaged(): AppError {
  return new AppError('VAULT_CORRUPT', DAMAGED_MESSAGE);
}

/** An inclusive byte range of the plaintext. */
export interface ByteRange {
  start: number;
  end: number;
}

export async function readExactly(handle: FileHandle, length: number, position: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  let got = 0;
  while (got < length) {
    const { bytesRead } = await handle.read(buf, got, length - got, position + got);
    if (bytesRead === 0) throw damaged();
    got += bytesRead;
  }
  return buf;
}

export interface ChunkedBlob {
  handle: FileHandle;
  /** Plaintext size, as recorded in the database. */
  size: number;
  /** Plaintext bytes per chunk (all but the last chunk are full). */
  chunkSize: number;
  /** Authenticate and decrypt chunk `i`; throws (any error) when it does not verify. */
  openChunk(index: number, final: boolean, sealed: Buffer): Buffer;
  /** Where chunk `i`'s sealed bytes start in the file. */
  offsetOf(index: number): number;
  tagBytes: number;
  /** Wipe keys; called once, when the stream ends, fails or is abandoned. */
  wipe(): void;
}

/** How many chunks a plaintext of `size` bytes takes (at least one: the final chunk). */
export function chunkCountFor(size: number, chunkSize: number): number {
  return Math.max(1, Math.ceil(size / chunkSize));
}

export async function streamChunks(blob: ChunkedBlob, range?: ByteRange): Promise<Readable> {
  const { handle, size, chunkSize } = blob;
  const start = range?.start ?? 0;
  const end = range?.end ?? size - 1;
  const chunks = chunkCountFor(size, chunkSize);
  const firstChunk = Math.floor(start / chunkSize);
  const lastChunk = size === 0 ? 0 : Math.floor(end / chunkSize);
  const sealedLength = (i: number): number => (i === chunks - 1 ? size - i * chunkSize : chunkSize) + blob.tagBytes;
  const decrypt = async (i: number): Promise<Buffer> => {
    const sealed = await readExactly(handle, sealedLength(i), blob.offsetOf(i));
    let plain: Buffer;
    try {
      plain = blob.openChunk(i, i === chunks - 1, sealed);
    } catch {
      throw damaged();
    }
    // Trim to the requested range: only the first and last chunks can be partial.
    const from = i === firstChunk ? start - i * chunkSize : 0;
    const to = i === lastChunk ? end - i * chunkSize + 1 : plain.length;
    return plain.subarray(from, Math.max(from, to));
  };
  let cleaned = false;
  const cleanup = (): void => {
    if (cleaned) return;
    cleaned = true;
    blob.wipe();
    void handle.close().catch(() => undefined);
  };
  let first: Buffer;
  try {
    first = await decrypt(firstChunk);
  } catch (err) {
    cleanup();
    throw err;
  }
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
}
