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
  return readExactlyInto(handle, Buffer.alloc(length), position);
}

/** Fill all of `buf` from `position`; a file that ends first is damaged. */
async function readExactlyInto(handle: FileHandle, buf: Buffer, position: number): Promise<Buffer> {
  const length = buf.length;
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
  /**
   * Authenticate and decrypt chunk `i`; throws (any error) when it does not verify. The result
   * must be memory of its own (a cipher's output), never a view of `sealed`: that buffer is
   * reused for the next read.
   */
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

/** How much sealed data one read takes: 16 chunks of 64 KiB, so a large file is read in 1 MiB steps. */
const SPAN_BYTES = 1024 * 1024 + 16 * 64;

export async function streamChunks(blob: ChunkedBlob, range?: ByteRange): Promise<Readable> {
  const { handle, size, chunkSize } = blob;
  const start = range?.start ?? 0;
  const end = range?.end ?? size - 1;
  const chunks = chunkCountFor(size, chunkSize);
  const firstChunk = Math.floor(start / chunkSize);
  const lastChunk = size === 0 ? 0 : Math.floor(end / chunkSize);
  const sealedLength = (i: number): number => (i === chunks - 1 ? size - i * chunkSize : chunkSize) + blob.tagBytes;
  const perSpan = Math.max(1, Math.floor(SPAN_BYTES / (chunkSize + blob.tagBytes)));
  /**
   * Two read buffers, used in turn: the next span is read into one while the other is being
   * decrypted, so the disk read and the cipher overlap. They hold only ciphertext, and chunks
   * are decrypted out of them into fresh memory, so each is reused once decrypted.
   */
  const buffers: (Buffer | null)[] = [null, null];
  let turn = 0;
  interface Span {
    from: number;
    to: number;
    offset: number;
    sealed: Buffer;
  }
  /** Read chunks `from`.. (as many as one span holds, within the range). */
  const readSpan = async (from: number): Promise<Span> => {
    const to = Math.min(lastChunk, from + perSpan - 1);
    const offset = blob.offsetOf(from);
    const length = blob.offsetOf(to) + sealedLength(to) - offset;
    let buffer = buffers[turn];
    // Every byte is read over before use (or the read fails), so it need not be zeroed.
    if (!buffer || buffer.length < length) buffer = buffers[turn] = Buffer.allocUnsafeSlow(length);
    turn ^= 1;
    return { from, to, offset, sealed: await readExactlyInto(handle, buffer.subarray(0, length), offset) };
  };
  /** Authenticate and decrypt every chunk of a span read, trimmed to the range. */
  const decryptSpan = ({ from, to, offset, sealed }: Span): Buffer[] => {
    const plains: Buffer[] = [];
    for (let i = from; i <= to; i += 1) {
      const at = blob.offsetOf(i) - offset;
      let plain: Buffer;
      try {
        plain = blob.openChunk(i, i === chunks - 1, sealed.subarray(at, at + sealedLength(i)));
      } catch {
        throw damaged();
      }
      // Trim to the requested range: only the first and last chunks can be partial.
      const cut = i === firstChunk ? start - i * chunkSize : 0;
      const stop = i === lastChunk ? end - i * chunkSize + 1 : plain.length;
      plains.push(plain.subarray(cut, Math.max(cut, stop)));
    }
    return plains;
  };
  let cleaned = false;
  const cleanup = (): void => {
    if (cleaned) return;
    cleaned = true;
    blob.wipe();
    void handle.close().catch(() => undefined);
  };
  let first: Span;
  let firstPlains: Buffer[];
  try {
    first = await readSpan(firstChunk);
    firstPlains = decryptSpan(first);
  } catch (err) {
    cleanup();
    throw err;
  }
  /** Start reading the span after `span`, if the range goes on. */
  const readAfter = (span: Span): Promise<Span> | null => {
    if (span.to >= lastChunk) return null;
    const reading = readSpan(span.to + 1);
    // Awaited below; this only stops a read failing after an abandoned stream going unhandled.
    reading.catch(() => undefined);
    return reading;
  };
  async function* chunksOf(): AsyncGenerator<Buffer> {
    try {
      let reading = readAfter(first);
      for (const plain of firstPlains) if (plain.length > 0) yield plain;
      while (reading) {
        const span = await reading;
        reading = readAfter(span);
        yield* decryptSpan(span);
      }
    } finally {
      cleanup();
    }
  }
  const stream = Readable.from(chunksOf(), { objectMode: false, highWaterMark: 1 });
  // A consumer that stops early (a closed video request) still releases the file and key.
  stream.once('close', cleanup);
  return stream;
}
