/**
 * The blob format on its own: real AES-GCM, real files in a temp folder, and tampering done the
 * way an attacker with the folder would do it (editing bytes of the .bin files).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_CHUNK_SIZE,
  HEADER_BYTES,
  TAG_BYTES,
  blobLength,
  chunkOffset,
} from '../../../../main/core/documents/blob-format';
import { DAMAGED_MESSAGE, openBlobRange } from '../../../../main/core/documents/blob-reader';
import { blobPath, removeBlob, writeBlob } from '../../../../main/core/documents/blob-writer';
import { patternBytes, readAll, sha256 } from './fixtures';

let dir: string;
let key: Buffer;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ncats-blob-'));
  key = randomBytes(32);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Feed `data` in uneven pieces, as a network upload would arrive. */
function pieces(data: Buffer): Readable {
  const out: Buffer[] = [];
  for (let i = 0, step = 1; i < data.length; i += step, step = (step * 7 + 3) % 100_003 || 1) {
    out.push(data.subarray(i, i + step));
  }
  return Readable.from(out);
}

async function roundTrip(data: Buffer): Promise<void> {
  const id = randomUUID();
  const written = await writeBlob(key, dir, id, pieces(data));
  expect(written.size).toBe(data.length);
  expect(written.sha256).toBe(sha256(data));
  expect(statSync(written.path).size).toBe(blobLength(data.length, DEFAULT_CHUNK_SIZE));
  const back = await readAll(await openBlobRange(key, dir, id, data.length));
  expect(back.equals(data)).toBe(true);
}

describe('blob format round trip', () => {
  it('stores an empty file as one empty final chunk', () => roundTrip(Buffer.alloc(0)));
  it('stores a small file', () => roundTrip(Buffer.from('hello, encrypted world')));
  it('stores exactly one chunk and exactly two chunks', async () => {
    await roundTrip(patternBytes(0, DEFAULT_CHUNK_SIZE));
    await roundTrip(patternBytes(0, DEFAULT_CHUNK_SIZE * 2));
  });
  it('stores a multi-chunk file with a partial last chunk', () =>
    roundTrip(patternBytes(0, DEFAULT_CHUNK_SIZE * 5 + 1234)));

  it('reads any byte range, decrypting only what it needs', async () => {
    const data = patternBytes(0, DEFAULT_CHUNK_SIZE * 4 + 99);
    const id = randomUUID();
    await writeBlob(key, dir, id, pieces(data));
    for (const [start, end] of [
      [0, 0],
      [0, 99],
      [DEFAULT_CHUNK_SIZE - 1, DEFAULT_CHUNK_SIZE],
      [DEFAULT_CHUNK_SIZE * 2 + 5, DEFAULT_CHUNK_SIZE * 3 + 7],
      [data.length - 1, data.length - 1],
    ] as const) {
      const got = await readAll(await openBlobRange(key, dir, id, data.length, { start, end }));
      expect(got.equals(data.subarray(start, end + 1))).toBe(true);
    }
  });

  it('never writes the plaintext: a marker in the file is absent from the blob', async () => {
    const marker = Buffer.from('PLAINTEXT-MARKER-Sam-Testcase-2012-05-01');
    const data = Buffer.concat([marker, patternBytes(0, DEFAULT_CHUNK_SIZE * 2), marker]);
    const id = randomUUID();
    const written = await writeBlob(key, dir, id, pieces(data));
    const blob = readFileSync(written.path);
    expect(blob.includes(marker)).toBe(false);
    expect(blob.includes(marker.subarray(0, 16))).toBe(false);
  });
});

describe('blob tampering is detected', () => {
  const size = DEFAULT_CHUNK_SIZE * 3 + 500;
  let id: string;
  let path: string;
  beforeEach(async () => {
    id = randomUUID();
    path = (await writeBlob(key, dir, id, pieces(patternBytes(0, size)))).path;
  });

  const readFails = async (options: { key?: Buffer; id?: string } = {}) => {
    await expect(
      (async () => readAll(await openBlobRange(options.key ?? key, dir, options.id ?? id, size)))(),
    ).rejects.toThrow(DAMAGED_MESSAGE);
  };

  it('a flipped bit in any chunk, tag or header', async () => {
    for (const offset of [10, 40, HEADER_BYTES + 3, chunkOffset(1, DEFAULT_CHUNK_SIZE) + 77, statSync(path).size - 1]) {
      const original = readFileSync(path);
      const bad = Buffer.from(original);
      bad[offset] = (bad[offset] ?? 0) ^ 0x01;
      writeFileSync(path, bad);
      await readFails();
      writeFileSync(path, original);
    }
  });

  it('truncation, at a chunk boundary or inside a chunk', async () => {
    const original = readFileSync(path);
    truncateSync(path, chunkOffset(3, DEFAULT_CHUNK_SIZE));
    await readFails();
    writeFileSync(path, original);
    truncateSync(path, original.length - 10);
    await readFails();
  });

  it('a truncated file that also claims a smaller size: the inner chunk is not marked final', async () => {
    // Drop the last chunk and read as if the recorded size were three whole chunks.
    truncateSync(path, chunkOffset(3, DEFAULT_CHUNK_SIZE));
    await expect((async () => readAll(await openBlobRange(key, dir, id, DEFAULT_CHUNK_SIZE * 3)))()).rejects.toThrow(
      DAMAGED_MESSAGE,
    );
  });

  it('two chunks swapped within a file', async () => {
    const b = readFileSync(path);
    const len = DEFAULT_CHUNK_SIZE + TAG_BYTES;
    const c0 = Buffer.from(b.subarray(chunkOffset(0, DEFAULT_CHUNK_SIZE), chunkOffset(0, DEFAULT_CHUNK_SIZE) + len));
    b.copy(
      b,
      chunkOffset(0, DEFAULT_CHUNK_SIZE),
      chunkOffset(1, DEFAULT_CHUNK_SIZE),
      chunkOffset(1, DEFAULT_CHUNK_SIZE) + len,
    );
    c0.copy(b, chunkOffset(1, DEFAULT_CHUNK_SIZE));
    writeFileSync(path, b);
    await readFails();
  });

  it('a chunk (or the whole blob) taken from another file', async () => {
    const otherId = randomUUID();
    const other = (await writeBlob(key, dir, otherId, pieces(patternBytes(0, size)))).path;
    const mine = readFileSync(path);
    const theirs = readFileSync(other);
    const spliced = Buffer.from(mine);
    theirs.copy(
      spliced,
      chunkOffset(1, DEFAULT_CHUNK_SIZE),
      chunkOffset(1, DEFAULT_CHUNK_SIZE),
      chunkOffset(2, DEFAULT_CHUNK_SIZE),
    );
    writeFileSync(path, spliced);
    await readFails();
    // The other document's whole blob copied over this one's: same plaintext, still refused.
    writeFileSync(path, theirs);
    await readFails();
    expect(blobPath(dir, otherId)).toBe(other);
  });

  it('the wrong key', async () => {
    await readFails({ key: randomBytes(32) });
  });
});

describe('a blob that must not stay leaves no trace', () => {
  const idWithPrefix = (prefix: string) => `${prefix}${randomUUID().slice(2)}`;

  it('a failed write removes its temporary file and the fan-out folder it made', async () => {
    const id = idWithPrefix('ab');
    async function* failing() {
      yield Buffer.from('the first part of a letter');
      throw new Error('the upload was cut off');
    }
    await expect(writeBlob(key, dir, id, failing())).rejects.toThrow('the upload was cut off');
    expect(existsSync(dirname(blobPath(dir, id)))).toBe(false);
  });

  it('removeBlob removes the blob and its folder once empty, and keeps a folder other blobs are in', async () => {
    const [first, second] = [idWithPrefix('cd'), idWithPrefix('cd')];
    await writeBlob(key, dir, first, Readable.from([Buffer.from('one')]));
    await writeBlob(key, dir, second, Readable.from([Buffer.from('two')]));
    const folder = dirname(blobPath(dir, first));
    removeBlob(dir, first);
    expect(existsSync(blobPath(dir, first))).toBe(false);
    expect(readdirSync(folder)).toEqual([`${second}.bin`]);
    removeBlob(dir, second);
    expect(existsSync(folder)).toBe(false);
    expect(() => removeBlob(dir, second)).not.toThrow();
  });
});
