/**
 * What the fuzzers found, each pinned by a test that failed before its fix.
 *
 * 1. The bundle's tar reader ignored the padding after an entry's body: a byte there (for
 *    example a signature entry whose declared size drops its last newline into the padding)
 *    was read past and the bundle imported, though tar-writer.ts only ever writes zeros there
 *    and the reader promises to refuse anything outside that form.
 */
import { describe, expect, it } from 'vitest';
import { BundleError } from '../../../main/core/bundles/bundle-error';
import { readTar } from '../../../main/core/bundles/tar-reader';
import { BLOCK } from '../../../main/core/bundles/tar-rules';
import { buildTar } from '../core/bundles/craft';

async function* chunked(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function readAllEntries(tar: Uint8Array, chunk: number): Promise<string[]> {
  const names: string[] = [];
  for await (const entry of readTar(chunked(tar, chunk), { maxEntrySize: 2 ** 30 })) {
    for await (const piece of entry.body) void piece;
    names.push(entry.name);
  }
  return names;
}

describe('fuzz findings', () => {
  const entries = [
    { name: 'manifest.json', data: Buffer.from('{"a":1}\n') },
    { name: 'manifest.sig', data: Buffer.from('c2lnbmF0dXJl\n') },
    { name: 'records/case.json', data: Buffer.alloc(700, 0x41) },
  ];

  it('a tar with zero padding still reads (control)', async () => {
    expect(await readAllEntries(buildTar(entries), 65_536)).toEqual(entries.map((e) => e.name));
  });

  for (const chunk of [1, 100, 512, 65_536]) {
    it(`non-zero padding after an entry is refused (read ${chunk} bytes at a time)`, async () => {
      // The signature's declared size leaves its newline in the padding, as the fuzzer did.
      const sig = entries[1] as (typeof entries)[number];
      const tar = buildTar([entries[0], { ...sig, headerSize: sig.data.length - 1 }, entries[2]] as typeof entries);
      await expect(readAllEntries(tar, chunk)).rejects.toMatchObject({ problem: 'unsafe-entry' });
    });
  }

  it('non-zero padding after the last entry is refused too', async () => {
    const tar = buildTar(entries);
    const lastBodyEnd = 3 * BLOCK + BLOCK * 2 + 700; // three headers, two one-block bodies, then 700 bytes
    tar[lastBodyEnd + 5] = 1;
    const refusal = await readAllEntries(tar, 65_536).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(BundleError);
    expect(refusal).toMatchObject({ problem: 'unsafe-entry' });
  });
});
