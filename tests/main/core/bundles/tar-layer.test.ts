/**
 * The tar layer on its own (tar-writer.ts, tar-reader.ts over tar-stream): what it writes reads
 * back, odd chunk boundaries do not matter, and each form outside the bundle subset is refused
 * with the reason, including the ones tar-stream would otherwise apply or skip silently (GNU
 * long names, pax headers, stray zero blocks, a repeated name, padding beyond a record).
 */
import { describe, expect, it } from 'vitest';
import { BundleError } from '../../../../main/core/bundles/bundle-error';
import { readTar } from '../../../../main/core/bundles/tar-reader';
import { BLOCK, paddingFor } from '../../../../main/core/bundles/tar-rules';
import { slices, writeTar, type TarEntrySource } from '../../../../main/core/bundles/tar-writer';
import { rawHeader, type RawEntry } from './craft';

const LIMITS = { maxEntrySize: 1024 * 1024 };

async function* chunked(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function written(entries: TarEntrySource[]): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const piece of writeTar(entries, new Date('2025-03-04T10:00:00Z'))) parts.push(piece);
  return Buffer.concat(parts);
}

async function readBack(tar: Uint8Array, chunk = 65536, limits = LIMITS) {
  const out: { name: string; data: string }[] = [];
  for await (const entry of readTar(chunked(tar, chunk), limits)) {
    const parts: Uint8Array[] = [];
    for await (const piece of entry.body) parts.push(piece);
    out.push({ name: entry.name, data: Buffer.concat(parts).toString('utf8') });
  }
  return out;
}

/** Raw entries (headers built by hand) then the end marker and `trailing`. */
function crafted(entries: RawEntry[], trailing = Buffer.alloc(0), endMarker = true): Buffer {
  const parts = entries.flatMap((e) => [rawHeader(e), e.data, Buffer.alloc(paddingFor(e.data.length))]);
  return Buffer.concat([...parts, endMarker ? Buffer.alloc(2 * BLOCK) : Buffer.alloc(0), trailing]);
}

const file = (name: string, text: string): RawEntry => ({ name, data: Buffer.from(text) });

async function refusal(tar: Uint8Array): Promise<BundleError> {
  const err: unknown = await readBack(tar).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(BundleError);
  return err as BundleError;
}

describe('the bundle tar layer over tar-stream', () => {
  it('reads back what it writes, whatever the chunk boundaries', async () => {
    const big = Buffer.alloc(200_000, 0x61);
    const tar = await written([
      { name: 'manifest.json', size: 2, body: [Buffer.from('{}')] },
      { name: 'records/people.json', size: 0, body: [] },
      { name: 'documents/abc', size: big.length, body: slices(big, 7000) },
    ]);
    expect(tar.length % BLOCK).toBe(0);
    for (const chunk of [7, 511, 513, 65536]) {
      const entries = await readBack(tar, chunk, LIMITS);
      expect(entries.map((e) => e.name)).toEqual(['manifest.json', 'records/people.json', 'documents/abc']);
      expect(entries[0]?.data).toBe('{}');
      expect(entries[2]?.data).toBe(big.toString('utf8'));
    }
  });

  it('writes plain ustar headers: private mode, ncats owner, the bundle time', async () => {
    const tar = await written([{ name: 'summary.pdf', size: 3, body: [Buffer.from('pdf')] }]);
    expect(tar.subarray(257, 265).toString('latin1')).toBe('ustar\u000000');
    expect(tar.subarray(265, 270).toString('latin1')).toBe('ncats');
    expect(parseInt(tar.subarray(100, 107).toString('latin1'), 8)).toBe(0o600);
    expect(parseInt(tar.subarray(136, 147).toString('latin1'), 8)).toBe(Date.parse('2025-03-04T10:00:00Z') / 1000);
    expect(String.fromCharCode(tar[156] ?? 0)).toBe('0');
  });

  it('the writer refuses an unsafe name and a body that is not its declared size', async () => {
    await expect(written([{ name: '../x', size: 0, body: [] }])).rejects.toThrow(/unsafe tar entry name/);
    await expect(written([{ name: 'a'.repeat(70) + '/' + 'b'.repeat(40), size: 0, body: [] }])).rejects.toThrow(
      /unsafe tar entry name/,
    );
    await expect(written([{ name: 'a.json', size: 5, body: [Buffer.from('abc')] }])).rejects.toThrow(
      /shorter than its declared size/,
    );
    await expect(written([{ name: 'a.json', size: 2, body: [Buffer.from('abc')] }])).rejects.toThrow(
      /longer than its declared size/,
    );
  });

  it('a consumer that stops early (a failed write) stops the writer too', async () => {
    let pulled = 0;
    function* endless(): Generator<Uint8Array> {
      for (;;) {
        pulled++;
        yield Buffer.alloc(64 * 1024, 1);
      }
    }
    for await (const piece of writeTar([{ name: 'documents/big', size: 2 ** 32, body: endless() }], new Date())) {
      expect(piece.length).toBeGreaterThan(0);
      break;
    }
    // Back-pressure: the writer never ran far ahead of the one piece taken.
    expect(pulled).toBeLessThan(8);
  });

  it('accepts zero padding up to a record after the end marker, and refuses more', async () => {
    const entries = [file('manifest.json', '{}')];
    expect(await readBack(crafted(entries, Buffer.alloc(10 * 1024)))).toHaveLength(1);
    const err = await refusal(crafted(entries, Buffer.alloc(70 * 1024)));
    expect(err.problem).toBe('unsafe-entry');
    expect(err.message).toMatch(/after the end of the archive/);
  });

  it.each([
    ['a GNU long name', [{ name: '././@LongLink', data: Buffer.from('records/x.json\0'), typeflag: 'L' }]],
    ['a pax header', [{ name: 'PaxHeader/x', data: Buffer.from('20 path=records/x\n'), typeflag: 'x' }]],
    ['a pax global header', [{ name: 'pax_global_header', data: Buffer.from('19 comment=hello\n'), typeflag: 'g' }]],
  ])('refuses %s that tar-stream would apply to the next entry', async (_label, extension: RawEntry[]) => {
    const err = await refusal(crafted([file('manifest.json', '{}'), ...extension, file('records-x.json', '{}')]));
    expect(err.problem).toBe('unsafe-entry');
    expect(err.message).toMatch(/not in the expected form \(an extension header or a stray block/);
  });

  it('refuses a lone zero block between entries', async () => {
    const first = crafted([file('manifest.json', '{}')], Buffer.alloc(0), false);
    const tar = Buffer.concat([first, Buffer.alloc(BLOCK), crafted([file('b.json', '{}')])]);
    expect((await refusal(tar)).message).toMatch(/a stray block/);
  });

  it('refuses a name that appears twice (a later copy must not replace an earlier one)', async () => {
    const err = await refusal(crafted([file('records/a.json', '{}'), file('records/a.json', '[]')]));
    expect(err.problem).toBe('unsafe-entry');
    expect(err.message).toMatch(/"records\/a.json" appears twice/);
  });

  it('refuses a damaged header, a name outside the safe set, and an entry over the limit before its body', async () => {
    const tar = crafted([file('manifest.json', '{}')]);
    tar[0] = 0x4e; // 'N': the checksum no longer matches
    expect((await refusal(tar)).message).toMatch(/a header is damaged or not a ustar header/);
    expect((await refusal(crafted([file('records/a b.json', '{}')]))).message).toMatch(/is not allowed/);
    const bomb = crafted([{ ...file('documents/x', 'tiny'), headerSize: 8 ** 11 - 1 }], Buffer.alloc(0), false);
    const err = await refusal(bomb);
    expect(err.problem).toBe('too-large');
  });

  it('says an archive that stops early is incomplete', async () => {
    const tar = crafted([file('manifest.json', 'x'.repeat(3000))]);
    for (const cut of [BLOCK + 1000, tar.length - BLOCK]) {
      const err = await refusal(tar.subarray(0, cut));
      expect(err.problem).toBe('truncated');
      expect(err.message).toMatch(/incomplete/);
    }
  });

  it('a caller that stops early closes the source (so the decryptor lets go of its file)', async () => {
    const tar = crafted([file('manifest.json', '{}'), file('b.json', '{}')]);
    let closed = false;
    const source = (async function* () {
      try {
        yield* chunked(tar, BLOCK);
      } finally {
        closed = true;
      }
    })();
    for await (const entry of readTar(source, LIMITS)) {
      for await (const piece of entry.body) expect(piece.length).toBeGreaterThan(0);
      break;
    }
    expect(closed).toBe(true);
  });
});
