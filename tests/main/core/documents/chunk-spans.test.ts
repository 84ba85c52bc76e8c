/**
 * Reads in 1 MiB spans with the next span read ahead (chunk-stream.ts), and a document hashed
 * once on its way in from a bundle (hashed-source.ts): ranges across span boundaries equal the
 * plaintext, damage in a later span fails the stream there and spares a range before it, and the
 * writer takes a HashedSource's digest instead of hashing again.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAgeBlob } from '../../../../main/core/documents/age-blob-reader';
import { DAMAGED_MESSAGE, openBlobFile } from '../../../../main/core/documents/blob-reader';
import { writeDocumentBlob } from '../../../../main/core/documents/blob-store';
import { blobPath } from '../../../../main/core/documents/blob-writer';
import { HashedSource } from '../../../../main/core/documents/hashed-source';
import { patternBytes, readAll, sha256 } from './fixtures';

const CHUNK = 64 * 1024;
const SPAN = 16 * CHUNK;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ncats-spans-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function* pieces(data: Buffer): AsyncGenerator<Buffer> {
  for (let i = 0; i < data.length; i += 300_001) yield data.subarray(i, i + 300_001);
}

describe('span reads', () => {
  const size = 3 * SPAN + 5 * CHUNK + 321;
  let data: Buffer;
  let id: string;
  let identity: string;
  beforeEach(async () => {
    data = patternBytes(0, size, 11);
    id = randomUUID();
    identity = (await writeDocumentBlob(dir, id, Readable.from(pieces(data)))).ageIdentity;
  });
  const read = async (range?: { start: number; end: number }) =>
    readAll(await openAgeBlob(await openBlobFile(blobPath(dir, id)), identity, size, range));

  it('reads the whole file and ranges across span boundaries, equal to the plaintext', async () => {
    expect((await read()).equals(data)).toBe(true);
    const ranges: [number, number][] = [
      [SPAN - 1, SPAN],
      [10, 2 * SPAN + 10],
      [SPAN + 3, size - 1],
      [3 * SPAN, 3 * SPAN + 5 * CHUNK + 320],
    ];
    for (const [start, end] of ranges) {
      expect((await read({ start, end })).equals(data.subarray(start, end + 1)), `${start}-${end}`).toBe(true);
    }
  });

  it('damage in the third span fails the read there, after the first two spans, and spares ranges before it', async () => {
    const path = blobPath(dir, id);
    const file = readFileSync(path);
    const chunks = Math.ceil(size / CHUNK);
    const payloadStart = file.length - size - chunks * 16;
    const at = payloadStart + 32 * (CHUNK + 16) + 100; // inside chunk 32, the first of the third span
    file.writeUInt8(file.readUInt8(at) ^ 1, at);
    writeFileSync(path, file);
    let delivered = 0;
    const whole = await openAgeBlob(await openBlobFile(path), identity, size);
    await expect(
      (async () => {
        for await (const piece of whole) delivered += (piece as Buffer).length;
      })(),
    ).rejects.toThrow(DAMAGED_MESSAGE);
    // The read-ahead of the damaged span does not fail the two good spans before it.
    expect(delivered).toBe(2 * SPAN);
    expect((await read({ start: 5, end: 2 * SPAN - 1 })).equals(data.subarray(5, 2 * SPAN))).toBe(true);
  });
});

describe('hashed once', () => {
  it('the blob writer takes the digest of a HashedSource, which is the SHA-256 of every byte', async () => {
    const data = patternBytes(0, 2 * CHUNK + 9, 4);
    const source = new HashedSource(pieces(data));
    const written = await writeDocumentBlob(dir, randomUUID(), source);
    expect(source.size).toBe(data.length);
    expect(source.digest()).toBe(sha256(data));
    expect(written.sha256).toBe(sha256(data));
    expect(() => source.update(Buffer.from('late'))).toThrow();
  });
});
