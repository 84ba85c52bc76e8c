/**
 * Encrypt a plaintext stream into a blob file in bounded memory: at most one chunk of plaintext
 * (64 KiB by default) and one sealed chunk are held at a time, whatever the file's size.
 * Plaintext never touches the disk: only sealed chunks are written, to a temporary name in the
 * same folder, which is fsynced and then renamed into place.
 */
import { createHash, randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { mkdirSync, rmSync, rmdirSync } from 'node:fs';
import { open, rename, type FileHandle } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { DEFAULT_CHUNK_SIZE, fileKey, newHeader, sealChunk } from './blob-format';
import { fsyncPath } from '../fs-sync';

/**
 * Where a blob lives, relative to the vault folder: derived from its blob id, never stored as a
 * path. A document's blob id is its row's `blob_id` (the document id for every document older
 * than migration 230); a training material's is its id.
 */
export function blobRelativePath(blobId: string): string {
  return join('blobs', blobId.slice(0, 2), `${blobId}.bin`);
}

export function blobPath(vaultDir: string, blobId: string): string {
  if (!/^[0-9a-f-]{36}$/.test(blobId)) throw new Error('blob id must be a lower-case UUID');
  return join(vaultDir, blobRelativePath(blobId));
}

/**
 * Remove a blob that must not stay (a staged bundle document refused, a write that failed), and
 * its fan-out folder when that leaves it empty, so a refused import leaves no trace. A folder
 * still holding other blobs stays.
 */
export function removeBlob(vaultDir: string, blobId: string): void {
  const path = blobPath(vaultDir, blobId);
  rmSync(path, { force: true });
  removeFolderIfEmpty(dirname(path));
}

export function removeFolderIfEmpty(dir: string): void {
  try {
    rmdirSync(dir);
  } catch {
    // Not empty (other blobs, or another write's temporary file), or already gone: keep it.
  }
}

const WRITE_BATCH_BYTES = 1024 * 1024;

/** How many leading plaintext bytes are kept for sniffing the media type. */
export const SNIFF_BYTES = 4096;

export interface WrittenBlob {
  path: string;
  size: number;
  sha256: string;
  chunkSize: number;
  /** The first bytes of the plaintext (up to SNIFF_BYTES), for media-type sniffing. */
  head: Buffer;
}

/**
 * Write all of `data`. A regular file can accept fewer bytes than asked (typically just before
 * the disk fills); looping makes the next attempt report the real error (ENOSPC) instead of
 * leaving a silently short file.
 */
export async function writeFully(handle: FileHandle, data: Buffer): Promise<void> {
  let offset = 0;
  while (offset < data.length) {
    const { bytesWritten } = await handle.write(data, offset, data.length - offset);
    offset += bytesWritten;
  }
}

/**
 * Write all of `buffers`, in order, with as few system calls as the kernel allows (writev), so
 * sealed chunks go out as the cipher produced them instead of being joined into one copy. A
 * short write carries on from the first byte not written, as writeFully does.
 */
export async function writeFullyv(handle: FileHandle, buffers: readonly Buffer[]): Promise<void> {
  let rest = buffers.filter((b) => b.length > 0);
  while (rest.length > 0) {
    const { bytesWritten } = await handle.writev(rest);
    let skipped = bytesWritten;
    let first = 0;
    while (first < rest.length && skipped >= (rest[first] as Buffer).length)
      skipped -= (rest[first++] as Buffer).length;
    rest = rest.slice(first);
    if (rest.length > 0 && skipped > 0) rest[0] = (rest[0] as Buffer).subarray(skipped);
  }
}

/**
 * Write each batch of buffers as it comes, one writev each, while the next batch is being
 * sealed: one write in flight at a time, so the cipher and the kernel's copy overlap and at
 * most two batches are held. A failed write fails the next step; none is left unhandled.
 *
 * With `flushEvery`, a datasync is started (not awaited) each time that many more bytes have
 * been written, so the disk writes the file back while the rest is still being encrypted and
 * the caller's one fsync at the end has little left to wait for. It changes no guarantee: the
 * caller still syncs the whole file before renaming it into place.
 */
export async function writeBatches(
  handle: FileHandle,
  batches: AsyncIterable<Buffer[]>,
  options: { flushEvery?: number } = {},
): Promise<void> {
  let writing: Promise<void> | null = null;
  let flushing: Promise<unknown> | null = null;
  let flushFailure: unknown = null;
  let unflushed = 0;
  try {
    for await (const batch of batches) {
      if (writing) await writing;
      if (flushFailure) throw flushFailure;
      if (options.flushEvery && unflushed >= options.flushEvery && !flushing) {
        unflushed = 0;
        flushing = handle
          .datasync()
          .catch((err: unknown) => (flushFailure = err))
          .finally(() => (flushing = null));
      }
      writing = writeFullyv(handle, batch);
      // Awaited on the next turn or below; this only stops a failure counting as unhandled meanwhile.
      writing.catch(() => undefined);
      for (const piece of batch) unflushed += piece.length;
    }
    if (writing) await writing;
    await flushing;
    if (flushFailure) throw flushFailure;
  } catch (err) {
    // Let the write and flush in flight settle before the caller closes and removes the file.
    await writing?.catch(() => undefined);
    await flushing;
    throw err;
  }
}

/** Bytes from a stream piece as a Buffer: a view, not a copy (a string is encoded). */
export function asBuffer(piece: unknown): Buffer {
  if (typeof piece === 'string') return Buffer.from(piece);
  if (Buffer.isBuffer(piece)) return piece;
  const bytes = piece as Uint8Array;
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * Read `source` to its end, encrypting as it goes, and leave the blob at its final path.
 * On any failure (the source errors or is aborted, the disk fills, ...) the temporary file is
 * removed and the original error is rethrown; nothing is left behind.
 */
export async function writeBlob(
  attachmentsKey: Buffer,
  vaultDir: string,
  documentId: string,
  source: AsyncIterable<unknown> | Readable,
  chunkSize = DEFAULT_CHUNK_SIZE,
): Promise<WrittenBlob> {
  // A Readable that errors before the loop below starts reading (e.g. while the temp file is
  // being opened) would raise an unhandled 'error' event. The listener only prevents that: the
  // stream keeps the error, and its iterator rethrows it on the first read.
  if (source instanceof EventEmitter) source.on('error', () => undefined);
  const input = (source as AsyncIterable<unknown>)[Symbol.asyncIterator]();
  const finalPath = blobPath(vaultDir, documentId);
  const dir = dirname(finalPath);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const tempPath = join(dir, `.${documentId}.${randomBytes(6).toString('hex')}.tmp`);
  const header = newHeader(documentId, chunkSize);
  const key = fileKey(attachmentsKey, header);
  const hash = createHash('sha256');
  const pending = Buffer.alloc(chunkSize);
  const head = Buffer.alloc(SNIFF_BYTES);
  let headLength = 0;
  let fill = 0;
  let index = 0;
  let size = 0;
  let handle: FileHandle | undefined;

  // Sealed chunks are written in batches of about 1 MiB: far fewer system calls, bounded memory.
  let batch: Buffer[] = [];
  let batchBytes = 0;
  const flush = async (final: boolean): Promise<void> => {
    const sealed = sealChunk(key, header, index, final, pending.subarray(0, fill));
    batch.push(sealed);
    batchBytes += sealed.length;
    index += 1;
    fill = 0;
    if (final || batchBytes >= WRITE_BATCH_BYTES) {
      if (handle) await writeFully(handle, Buffer.concat(batch, batchBytes));
      batch = [];
      batchBytes = 0;
    }
  };

  try {
    handle = await open(tempPath, 'wx', 0o600);
    await writeFully(handle, header.raw);
    for await (const piece of { [Symbol.asyncIterator]: () => input }) {
      const data = typeof piece === 'string' ? Buffer.from(piece) : Buffer.from(piece as Uint8Array);
      hash.update(data);
      size += data.length;
      if (headLength < SNIFF_BYTES) headLength += data.copy(head, headLength, 0, SNIFF_BYTES - headLength);
      let offset = 0;
      while (offset < data.length) {
        // A full chunk is sealed only once more data arrives: until then it might be the last.
        if (fill === chunkSize) await flush(false);
        const n = data.copy(pending, fill, offset, offset + (chunkSize - fill));
        fill += n;
        offset += n;
      }
    }
    await flush(true);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(tempPath, finalPath);
    fsyncPath(dir);
    return {
      path: finalPath,
      size,
      sha256: hash.digest('hex'),
      chunkSize,
      head: Buffer.from(head.subarray(0, headLength)),
    };
  } catch (err) {
    await input.return?.().catch(() => undefined);
    await handle?.close().catch(() => undefined);
    rmSync(tempPath, { force: true });
    removeFolderIfEmpty(dir);
    throw err;
  } finally {
    key.fill(0);
    pending.fill(0);
    head.fill(0);
  }
}
