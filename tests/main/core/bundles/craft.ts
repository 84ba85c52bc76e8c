/**
 * Build hostile bundles for tests: take a real bundle apart (decrypting with the recipient's
 * key), change what a test needs, optionally re-sign the manifest with the real sender's key
 * (so only the intended check can catch it), and encrypt it again.
 */
import { createHash } from 'node:crypto';
import { decryptFile, encryptToFile } from '../../../../main/core/bundles/age-stream';
import { readTar } from '../../../../main/core/bundles/tar-reader';
import { BLOCK, paddingFor } from '../../../../main/core/bundles/tar-rules';
import { signBytes, type UserKeys } from '../../../../main/core/keys/user-keys';

export interface RawEntry {
  name: string;
  data: Buffer;
  /** Overrides for the header: a different type flag, a size that lies. */
  typeflag?: string;
  headerSize?: number;
}

export async function takeApart(file: string, identity: string): Promise<RawEntry[]> {
  const out: RawEntry[] = [];
  for await (const entry of readTar(decryptFile(file, { identities: [identity] })[Symbol.asyncIterator](), {
    maxEntrySize: 2 ** 40,
  })) {
    const parts: Uint8Array[] = [];
    for await (const p of entry.body) parts.push(p);
    out.push({ name: entry.name, data: Buffer.concat(parts) });
  }
  return out;
}

/** Write `value` as zero-padded octal in a field of `length` bytes (digits then a NUL). */
function octalField(block: Buffer, offset: number, length: number, value: number): void {
  Buffer.from(value.toString(8).padStart(length - 1, '0') + '\0', 'latin1').copy(block, offset);
}

/**
 * A ustar header with any name, size and type flag, built by hand as an attacker would (the
 * app's writer refuses such names), with a correct checksum so only the reader's rules catch it.
 */
export function rawHeader(entry: RawEntry): Buffer {
  const block = Buffer.alloc(BLOCK);
  Buffer.from(entry.name, 'utf8').copy(block, 0, 0, 100);
  octalField(block, 100, 8, 0o600);
  octalField(block, 108, 8, 0);
  octalField(block, 116, 8, 0);
  octalField(block, 124, 12, entry.headerSize ?? entry.data.length);
  octalField(block, 136, 12, 0);
  block[156] = (entry.typeflag ?? '0').charCodeAt(0);
  Buffer.from('ustar\u000000', 'latin1').copy(block, 257);
  block.fill(0x20, 148, 156);
  let sum = 0;
  for (const byte of block) sum += byte;
  Buffer.from(sum.toString(8).padStart(6, '0') + '\0 ', 'latin1').copy(block, 148);
  return block;
}

export function buildTar(entries: RawEntry[], trailing: Buffer = Buffer.alloc(0)): Buffer {
  const parts: Buffer[] = [];
  for (const e of entries) {
    parts.push(rawHeader(e), e.data, Buffer.alloc(paddingFor(e.data.length)));
  }
  parts.push(Buffer.alloc(BLOCK * 2), trailing);
  return Buffer.concat(parts);
}

export function editManifest(
  entries: RawEntry[],
  edit: (m: Record<string, unknown>) => void,
  signer?: UserKeys,
): RawEntry[] {
  const manifest = JSON.parse((entries[0] as RawEntry).data.toString('utf8')) as Record<string, unknown>;
  edit(manifest);
  const data = Buffer.from(JSON.stringify(manifest, null, 2), 'utf8');
  const copy = entries.map((e) => ({ ...e }));
  copy[0] = { name: 'manifest.json', data };
  if (signer) copy[1] = { name: 'manifest.sig', data: Buffer.from(`${signBytes(signer, data)}\n`) };
  return copy;
}

/** Point the manifest's entry for `name` at the data now in `entries` (re-hash, re-size). */
export function rehash(entries: RawEntry[], name: string, signer: UserKeys): RawEntry[] {
  const data = entries.find((e) => e.name === name)?.data ?? Buffer.alloc(0);
  return editManifest(
    entries,
    (m) => {
      for (const e of m.entries as { name: string; size: number; sha256: string }[]) {
        if (e.name === name) {
          e.size = data.length;
          e.sha256 = createHash('sha256').update(data).digest('hex');
        }
      }
    },
    signer,
  );
}

export async function seal(tar: Buffer, recipient: string, outFile: string): Promise<string> {
  await encryptToFile(
    (async function* () {
      for (let i = 0; i < tar.length; i += 65536) yield tar.subarray(i, i + 65536);
    })(),
    { kind: 'recipients', recipients: [recipient] },
    outFile,
  );
  return outFile;
}
