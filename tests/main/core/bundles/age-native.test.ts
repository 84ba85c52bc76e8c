/**
 * The native age payload (age-native.ts) against the reference `age` CLI in both directions, at
 * the sizes where STREAM's chunking can go wrong (empty, one byte, exactly one and several
 * 64 KiB chunks, one byte over), plus tampering and truncation. Skipped when /usr/bin/age is
 * absent, because the point is byte compatibility with it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgePayloadError, decryptAge, encryptAge } from '../../../../main/core/bundles/age-native';

const AGE = '/usr/bin/age';
const CHUNK = 64 * 1024;
const SIZES = [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK, 3 * CHUNK + 12_345];

function bytes(size: number): Buffer {
  const out = Buffer.alloc(size);
  for (let i = 0; i < size; i++) out[i] = (i * 2654435761) >>> 24;
  return out;
}

async function collect(source: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const part of source) parts.push(part);
  return Buffer.concat(parts);
}

/** One buffer as a stream. */
async function* whole(data: Buffer): AsyncGenerator<Uint8Array> {
  yield data;
}

/** The input in uneven pieces, so chunk boundaries never line up with the pieces. */
async function* pieces(data: Buffer): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < data.length; at += 10_007) yield data.subarray(at, at + 10_007);
}

describe.skipIf(!existsSync(AGE))('native age payload against the age CLI (skipped without /usr/bin/age)', () => {
  let work: string;
  let identity: string;
  let recipient: string;
  let identityFile: string;
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'ncats-age-native-'));
    identity = await generateX25519Identity();
    recipient = await identityToRecipient(identity);
    identityFile = join(work, 'key.txt');
    writeFileSync(identityFile, `${identity}\n`, { mode: 0o600 });
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it.each(SIZES)('%i bytes: ours -> age -d, and age -r -> ours', async (size) => {
    const plain = bytes(size);
    const ours = join(work, `ours-${size}.age`);
    writeFileSync(ours, await collect(encryptAge(pieces(plain), { kind: 'recipients', recipients: [recipient] })));
    expect(execFileSync(AGE, ['-d', '-i', identityFile, ours]).equals(plain)).toBe(true);

    const plainFile = join(work, `plain-${size}`);
    writeFileSync(plainFile, plain);
    const theirs = join(work, `theirs-${size}.age`);
    execFileSync(AGE, ['-r', recipient, '-o', theirs, plainFile]);
    const back = await collect(decryptAge(whole(readFileSync(theirs)), { identities: [identity] }));
    expect(back.equals(plain)).toBe(true);
  });

  it('refuses a flipped bit, a dropped last chunk and a wrong identity', async () => {
    const plain = bytes(3 * CHUNK + 5);
    const file = await collect(encryptAge(pieces(plain), { kind: 'recipients', recipients: [recipient] }));
    const flipped = Buffer.from(file);
    flipped[flipped.length - 100] = (flipped[flipped.length - 100] ?? 0) ^ 1;
    await expect(collect(decryptAge(whole(flipped), { identities: [identity] }))).rejects.toBeInstanceOf(
      AgePayloadError,
    );
    // Cut after the third full chunk: the third is then the last but was sealed as not-last.
    const cut = file.subarray(0, file.length - (5 + 16));
    await expect(collect(decryptAge(whole(cut), { identities: [identity] }))).rejects.toBeInstanceOf(AgePayloadError);
    const other = await generateX25519Identity();
    await expect(collect(decryptAge(whole(file), { identities: [other] }))).rejects.toThrow(/no identity matched/);
  });

  it('a passphrase file made here opens with our reader (age -d with a passphrase needs a terminal: see interop.test.ts)', async () => {
    const plain = bytes(CHUNK + 7);
    const file = await collect(
      encryptAge(pieces(plain), { kind: 'passphrase', passphrase: 'a long test passphrase', logN: 10 }),
    );
    expect(file.subarray(0, 80).toString('latin1')).toMatch(/^age-encryption\.org\/v1\n-> scrypt \S{22} 10\n/);
    const back = await collect(decryptAge(whole(file), { identities: [], passphrase: 'a long test passphrase' }));
    expect(back.equals(plain)).toBe(true);
  });
});
