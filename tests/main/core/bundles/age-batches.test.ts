/**
 * The age writer's batches and the reader's views, at the awkward places: plaintext pieces that
 * straddle every chunk (a tar header's 512-byte shift, single bytes), sealed chunks and tags cut
 * across reads, and a tag altered where it is split. Byte compatibility with the age CLI for the
 * straddling case is checked when /usr/bin/age is present.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { beforeAll, describe, expect, it } from 'vitest';
import { AgePayloadError, decryptAge, encryptAgeBatches } from '../../../../main/core/bundles/age-native';

const AGE = '/usr/bin/age';
const CHUNK = 64 * 1024;
const SEALED = CHUNK + 16;

function bytes(size: number, seed = 1): Buffer {
  const out = Buffer.alloc(size);
  for (let i = 0; i < size; i++) out[i] = ((i + seed) * 2654435761) >>> 24;
  return out;
}

/** The input cut at the given sizes in turn (repeating), so boundaries fall everywhere. */
async function* cut(data: Buffer, sizes: readonly number[]): AsyncGenerator<Uint8Array> {
  let at = 0;
  for (let i = 0; at < data.length; i++) {
    const n = sizes[i % sizes.length] as number;
    yield data.subarray(at, at + n);
    at += n;
  }
}

async function encrypt(source: AsyncIterable<Uint8Array>, recipient: string, batchBytes?: number) {
  const batches: Buffer[][] = [];
  for await (const batch of encryptAgeBatches(source, { kind: 'recipients', recipients: [recipient] }, batchBytes))
    batches.push(batch);
  return batches;
}

async function collect(source: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const part of source) parts.push(part);
  return Buffer.concat(parts);
}

let identity: string;
let recipient: string;
beforeAll(async () => {
  identity = await generateX25519Identity();
  recipient = await identityToRecipient(identity);
});

describe('age batches and views', () => {
  it('round-trips pieces that straddle every chunk, read back in cuts through chunks and tags', async () => {
    const plain = bytes(5 * CHUNK + 1000);
    // 512 then 64 KiB pieces: the shape of a tar body after its header.
    const batches = await encrypt(cut(plain, [512, CHUNK, CHUNK, 1, CHUNK - 1]), recipient, 3 * SEALED);
    expect(batches.length).toBeGreaterThan(1);
    const file = Buffer.concat(batches.flat());
    // The file is header || nonce || 6 sealed chunks: plaintext plus one tag a chunk.
    expect(file.length - plain.length).toBe(file.indexOf('\n', file.indexOf('\n--- ') + 1) + 1 + 16 + 6 * 16);
    for (const sizes of [[file.length], [997], [SEALED - 8], [7, SEALED, 3], [1024 * 1024]]) {
      const back = await collect(decryptAge(cut(file, sizes), { identities: [identity] }));
      expect(back.equals(plain), `read in cuts of ${sizes.join(',')}`).toBe(true);
    }
  });

  it('an altered byte in a tag split across two reads fails the chunk', async () => {
    const plain = bytes(3 * CHUNK, 2);
    const file = Buffer.concat((await encrypt(cut(plain, [CHUNK]), recipient)).flat());
    const headerAndNonce = file.length - plain.length - 3 * 16;
    const tagOfFirst = headerAndNonce + CHUNK;
    file.writeUInt8(file.readUInt8(tagOfFirst + 7) ^ 0x40, tagOfFirst + 7);
    const firstCut = tagOfFirst + 8; // the read ends half-way through the tag
    const reads = [file.subarray(0, firstCut), file.subarray(firstCut)];
    async function* source() {
      yield* reads;
    }
    await expect(collect(decryptAge(source(), { identities: [identity] }))).rejects.toBeInstanceOf(AgePayloadError);
  });

  it.skipIf(!existsSync(AGE))(
    'the age CLI opens a file written from straddling pieces (skipped without /usr/bin/age)',
    async () => {
      const work = mkdtempSync(join(tmpdir(), 'ncats-age-batches-'));
      try {
        const plain = bytes(2 * CHUNK + 777, 3);
        const file = Buffer.concat((await encrypt(cut(plain, [512, CHUNK, 3]), recipient)).flat());
        writeFileSync(join(work, 'key.txt'), `${identity}\n`, { mode: 0o600 });
        writeFileSync(join(work, 'f.age'), file);
        const out = execFileSync(AGE, ['-d', '-i', join(work, 'key.txt'), join(work, 'f.age')]);
        expect(out.equals(plain)).toBe(true);
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    },
  );
});
