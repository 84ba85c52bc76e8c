/**
 * Range reads of a format 2 (age) blob without reading the file from the start. age's STREAM
 * layout is fixed once the header's length is known: header | 16-byte nonce | chunks of
 * 64 KiB + 16-byte tag, chunk `i` sealed with ChaCha20-Poly1305 under the nonce `i` (11 bytes,
 * big-endian) || last flag. So the reader unwraps the file key from the header with the
 * document's identity, checks the file length against the recorded size, and decrypts only the
 * chunks a range touches. The chunk primitives are the bundles' (`bundles/age-native.ts`).
 */
import type { FileHandle } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { Decrypter } from 'age-encryption';
import { AGE_PAYLOAD, ageHeaderLength, openPayloadChunk, payloadKey } from '../bundles/age-native';
import { chunkCountFor, damaged, readExactly, streamChunks, type ByteRange } from './chunk-stream';

/** The first bytes of every age file; how a blob of format 2 is told from format 1 on disk. */
export const AGE_MAGIC = Buffer.from('age-encryption.org/v1\n', 'ascii');

/** A one-recipient header is about 200 bytes; more than this is not one of ours. */
const MAX_HEADER_BYTES = 16 * 1024;

/** The exact age file length for a plaintext size, given its header length. */
export function ageBlobLength(headerBytes: number, size: number): number {
  return headerBytes + AGE_PAYLOAD.nonceBytes + size + chunkCountFor(size, AGE_PAYLOAD.chunk) * AGE_PAYLOAD.tag;
}

/**
 * Read the age blob already open as `handle` (closed when the stream ends, or here on failure).
 * The header (identity and MAC), the length and the first chunk of the range are checked before
 * this resolves; a wrong identity (a blob moved from another document) fails as damaged.
 */
export async function openAgeBlob(
  handle: FileHandle,
  identity: string,
  size: number,
  range?: ByteRange,
): Promise<Readable> {
  let key: Buffer | undefined;
  try {
    const stat = await handle.stat();
    const start = await readExactly(handle, Math.min(stat.size, MAX_HEADER_BYTES), 0);
    if (!start.subarray(0, AGE_MAGIC.length).equals(AGE_MAGIC)) throw damaged();
    const headerBytes = ageHeaderLength(start);
    if (headerBytes < 0 || stat.size !== ageBlobLength(headerBytes, size)) throw damaged();
    let fileKey: Buffer;
    try {
      const decrypter = new Decrypter();
      decrypter.addIdentity(identity);
      fileKey = Buffer.from(await decrypter.decryptHeader(start.subarray(0, headerBytes)));
    } catch {
      throw damaged();
    }
    const nonce = await readExactly(handle, AGE_PAYLOAD.nonceBytes, headerBytes);
    const payload = payloadKey(fileKey, nonce);
    fileKey.fill(0);
    key = payload;
    const payloadStart = headerBytes + AGE_PAYLOAD.nonceBytes;
    return await streamChunks(
      {
        handle,
        size,
        chunkSize: AGE_PAYLOAD.chunk,
        tagBytes: AGE_PAYLOAD.tag,
        offsetOf: (i) => payloadStart + i * AGE_PAYLOAD.sealedChunk,
        openChunk: (i, final, sealed) => openPayloadChunk(payload, i, final, sealed),
        wipe: () => payload.fill(0),
      },
      range,
    );
  } catch (err) {
    key?.fill(0);
    await handle.close().catch(() => undefined);
    throw err;
  }
}
