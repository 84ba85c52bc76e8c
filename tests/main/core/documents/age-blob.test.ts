/**
 * Blob format 2 (a plain age file under the document's own identity): round trips at the chunk
 * boundaries, range reads that touch only their chunks, the `age` CLI opening what we write, and
 * each attack on the file caught before any byte is released.
 */
import { randomUUID } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ageBlobLength, openAgeBlob } from '../../../../main/core/documents/age-blob-reader';
import { newDocumentIdentity } from '../../../../main/core/documents/age-blob-writer';
import { DAMAGED_MESSAGE, openBlobFile } from '../../../../main/core/documents/blob-reader';
import { writeDocumentBlob } from '../../../../main/core/documents/blob-store';
import { blobPath } from '../../../../main/core/documents/blob-writer';
import { patternBytes, readAll, sha256 } from './fixtures';

const CHUNK = 64 * 1024;
const AGE_CLI = '/usr/bin/age';
const hasAge = spawnSync(AGE_CLI, ['--version']).status === 0;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ncats-ageblob-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Pieces of awkward sizes, so chunk boundaries fall inside pieces. */
function pieces(data: Buffer): Readable {
  const out: Buffer[] = [];
  for (let i = 0; i < data.length; i += 7001) out.push(data.subarray(i, i + 7001));
  return Readable.from(out);
}

async function read(id: string, identity: string, size: number, range?: { start: number; end: number }) {
  return readAll(await openAgeBlob(await openBlobFile(blobPath(dir, id)), identity, size, range));
}

describe('blob format 2 (age)', () => {
  it('round-trips empty, one-byte and chunk-boundary sizes, with the exact age length', async () => {
    for (const size of [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK + 5]) {
      const id = randomUUID();
      const data = patternBytes(0, size, size);
      const written = await writeDocumentBlob(dir, id, pieces(data));
      expect(written.size).toBe(size);
      expect(written.sha256).toBe(sha256(data));
      expect(written.ageIdentity).toMatch(/^AGE-SECRET-KEY-1[0-9A-Z]+$/);
      const file = readFileSync(blobPath(dir, id));
      expect(file.subarray(0, 22).toString('latin1')).toBe('age-encryption.org/v1\n');
      const headerLength = file.indexOf('\n', file.indexOf('\n--- ') + 1) + 1;
      expect(file.length).toBe(ageBlobLength(headerLength, size));
      expect((await read(id, written.ageIdentity, size)).equals(data)).toBe(true);
    }
  });

  it('serves ranges inside a chunk, across boundaries and at the end, equal to the plaintext slices', async () => {
    const size = 5 * CHUNK + 123;
    const data = patternBytes(0, size, 3);
    const id = randomUUID();
    const { ageIdentity } = await writeDocumentBlob(dir, id, pieces(data));
    const ranges: [number, number][] = [
      [0, 0],
      [10, 20],
      [CHUNK - 1, CHUNK],
      [CHUNK, 2 * CHUNK - 1],
      [CHUNK - 5, 3 * CHUNK + 5],
      [size - 1, size - 1],
      [4 * CHUNK + 100, size - 1],
    ];
    for (const [start, end] of ranges) {
      const got = await read(id, ageIdentity, size, { start, end });
      expect(got.equals(data.subarray(start, end + 1)), `${start}-${end}`).toBe(true);
    }
  });

  it('a range read decrypts only the chunks it touches: damage elsewhere does not stop it', async () => {
    const size = 4 * CHUNK;
    const data = patternBytes(0, size, 9);
    const id = randomUUID();
    const { ageIdentity } = await writeDocumentBlob(dir, id, pieces(data));
    const path = blobPath(dir, id);
    const file = readFileSync(path);
    file.writeUInt8(file.readUInt8(file.length - 20) ^ 1, file.length - 20); // inside the last chunk
    writeFileSync(path, file);
    const got = await read(id, ageIdentity, size, { start: CHUNK + 10, end: 2 * CHUNK + 10 });
    expect(got.equals(data.subarray(CHUNK + 10, 2 * CHUNK + 11))).toBe(true);
    await expect(read(id, ageIdentity, size)).rejects.toThrow(DAMAGED_MESSAGE);
  });

  it.skipIf(!hasAge)('the age CLI decrypts what we write (skipped only when /usr/bin/age is missing)', async () => {
    const data = patternBytes(0, 2 * CHUNK + 77, 5);
    const id = randomUUID();
    const { ageIdentity } = await writeDocumentBlob(dir, id, pieces(data));
    const identityFile = join(dir, 'identity.txt');
    writeFileSync(identityFile, `${ageIdentity}\n`, { mode: 0o600 });
    const run = spawnSync(AGE_CLI, ['-d', '-i', identityFile, blobPath(dir, id)], { maxBuffer: 16 * 1024 * 1024 });
    expect(run.stderr.toString()).toBe('');
    expect(run.status).toBe(0);
    expect(sha256(run.stdout)).toBe(sha256(data));
  });

  describe('catches each attack before releasing a byte', () => {
    const size = 3 * CHUNK + 10;
    let id: string;
    let identity: string;
    let path: string;
    beforeEach(async () => {
      id = randomUUID();
      identity = (await writeDocumentBlob(dir, id, pieces(patternBytes(0, size)))).ageIdentity;
      path = blobPath(dir, id);
    });
    const flip = (offset: (file: Buffer) => number) => {
      const file = readFileSync(path);
      file.writeUInt8(file.readUInt8(offset(file)) ^ 1, offset(file));
      writeFileSync(path, file);
    };

    it('a bit flip in a chunk or its tag', async () => {
      flip((f) => f.length - 5);
      await expect(read(id, identity, size)).rejects.toThrow(DAMAGED_MESSAGE);
    });

    it('a bit flip in the header (stanza or MAC)', async () => {
      flip((f) => f.indexOf('\n--- ') + 8);
      await expect(read(id, identity, size)).rejects.toThrow(DAMAGED_MESSAGE);
    });

    it('a bit flip in the payload nonce', async () => {
      flip((f) => f.indexOf('\n', f.indexOf('\n--- ') + 1) + 3);
      await expect(read(id, identity, size)).rejects.toThrow(DAMAGED_MESSAGE);
    });

    it("another document's blob copied onto this one's path", async () => {
      const other = randomUUID();
      await writeDocumentBlob(dir, other, pieces(patternBytes(0, size)));
      copyFileSync(blobPath(dir, other), path);
      await expect(read(id, identity, size)).rejects.toThrow(DAMAGED_MESSAGE);
    });

    it('chunks reordered within the file', async () => {
      const file = readFileSync(path);
      const payload = file.indexOf('\n', file.indexOf('\n--- ') + 1) + 1 + 16;
      const first = Buffer.from(file.subarray(payload, payload + CHUNK + 16));
      file.copy(file, payload, payload + CHUNK + 16, payload + 2 * (CHUNK + 16));
      first.copy(file, payload + CHUNK + 16);
      writeFileSync(path, file);
      await expect(read(id, identity, size)).rejects.toThrow(DAMAGED_MESSAGE);
    });

    it('truncation, and a length that disagrees with the recorded size', async () => {
      await expect(read(id, identity, size + 1)).rejects.toThrow(DAMAGED_MESSAGE);
      truncateSync(path, statSync(path).size - (10 + 16));
      // Cut exactly at a chunk boundary: the length check catches it (and the last flag would).
      await expect(read(id, identity, size)).rejects.toThrow(DAMAGED_MESSAGE);
      await expect(read(id, identity, 3 * CHUNK)).rejects.toThrow(DAMAGED_MESSAGE);
    });

    it('a wrong identity', async () => {
      await expect(read(id, await newDocumentIdentity(), size)).rejects.toThrow(DAMAGED_MESSAGE);
    });

    it('a file that is not an age file at all', async () => {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, Buffer.alloc(ageBlobLength(200, size)));
      await expect(read(id, identity, size)).rejects.toThrow(DAMAGED_MESSAGE);
    });
  });
});
