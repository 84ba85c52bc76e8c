/**
 * Blob format 2: the document as a plain age file (X25519 recipient, STREAM in 64 KiB chunks),
 * written with the bundles' own age writer (`bundles/age-native.ts`), so `age -d -i identity`
 * opens it with no part of this app. Same guarantees as format 1's writer: bounded memory (one
 * chunk of plaintext views and two ~1 MiB write batches), only ciphertext on disk, under a
 * temporary name that is fsynced once, when all of it is written, and only then renamed into place;
 * removed on any failure.
 */
import { createHash, randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { mkdirSync, rmSync } from 'node:fs';
import { open, rename, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { AGE_PAYLOAD, encryptAgeBatches } from '../bundles/age-native';
import { SNIFF_BYTES, asBuffer, removeFolderIfEmpty, writeBatches, type WrittenBlob } from './blob-writer';
import { HashedSource } from './hashed-source';
import { fsyncPath } from '../fs-sync';

/** The `blob_format` of an age blob (format 1 is `blob-format.ts`). */
export const AGE_BLOB_FORMAT = 2;

/** How much is written between background flushes of a blob (its one fsync still comes last). */
const FLUSH_EVERY_BYTES = 16 * 1024 * 1024;

/** A fresh X25519 identity for one document (`AGE-SECRET-KEY-1...`): never reused, never exported. */
export function newDocumentIdentity(): Promise<string> {
  return generateX25519Identity();
}

/** A written age blob: as format 1's, plus the identity that opens it (to store in its row). */
export interface WrittenAgeBlob extends WrittenBlob {
  ageIdentity: string;
}

/**
 * Read `source` to its end and leave an age file encrypted to `identity` at `finalPath`
 * (a document's blob path, or the migration's staging name beside it). On any failure the
 * temporary file is removed and the original error is rethrown. A `HashedSource` is hashed by
 * itself (its reader checks the digest), so its bytes are not hashed a second time here.
 * Pieces are sealed from views, not copies: the source must not reuse a buffer it has yielded
 * (Node streams, web streams and generators of fresh buffers never do).
 */
export async function writeAgeBlobAt(
  finalPath: string,
  identity: string,
  source: AsyncIterable<unknown> | Readable,
): Promise<WrittenAgeBlob> {
  // As in writeBlob: an early 'error' must not be unhandled; the iterator rethrows it.
  if (source instanceof EventEmitter) source.on('error', () => undefined);
  const input = (source as AsyncIterable<unknown>)[Symbol.asyncIterator]();
  const dir = dirname(finalPath);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const tempPath = join(dir, `.${basename(finalPath)}.${randomBytes(6).toString('hex')}.tmp`);
  const hashed = source instanceof HashedSource ? source : null;
  const hash = hashed ? null : createHash('sha256');
  const head = Buffer.alloc(SNIFF_BYTES);
  let headLength = 0;
  let size = 0;
  async function* plaintext(): AsyncGenerator<Uint8Array> {
    for await (const piece of { [Symbol.asyncIterator]: () => input }) {
      const data = asBuffer(piece);
      hash?.update(data);
      size += data.length;
      if (headLength < SNIFF_BYTES) headLength += data.copy(head, headLength, 0, SNIFF_BYTES - headLength);
      yield data;
    }
  }
  let handle: FileHandle | undefined;
  try {
    const recipient = await identityToRecipient(identity);
    handle = await open(tempPath, 'wx', 0o600);
    await writeBatches(handle, encryptAgeBatches(plaintext(), { kind: 'recipients', recipients: [recipient] }), {
      flushEvery: FLUSH_EVERY_BYTES,
    });
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(tempPath, finalPath);
    fsyncPath(dir);
    return {
      path: finalPath,
      size,
      sha256: hash ? hash.digest('hex') : (hashed as HashedSource).digest(),
      chunkSize: AGE_PAYLOAD.chunk,
      head: Buffer.from(head.subarray(0, headLength)),
      ageIdentity: identity,
    };
  } catch (err) {
    await input.return?.().catch(() => undefined);
    await handle?.close().catch(() => undefined);
    rmSync(tempPath, { force: true });
    removeFolderIfEmpty(dir);
    throw err;
  } finally {
    head.fill(0);
  }
}
