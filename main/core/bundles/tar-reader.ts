/**
 * A strict streaming reader for the ustar subset that tar-writer.ts produces. Anything else is
 * refused rather than interpreted: links, directories, devices, pax or GNU extension headers,
 * absolute names, `..`, a name prefix, bad checksums, sizes beyond the caller's limit, data
 * after the end marker. Bodies are yielded in pieces; the caller must consume each body before
 * asking for the next entry.
 */
import { BundleError } from './bundle-error';
import { ByteReader } from './byte-reader';
import { BLOCK, SAFE_NAME, headerChecksum, paddingFor } from './tar-writer';

export interface TarEntry {
  name: string;
  size: number;
  body: AsyncGenerator<Uint8Array>;
}

export interface TarReadLimits {
  /** The largest single entry allowed (checked before any body byte is read). */
  maxEntrySize: number;
}

const MAX_TRAILING_ZEROS = 64 * 1024;
const decoder = new TextDecoder('utf-8', { fatal: true });

function field(block: Uint8Array, offset: number, length: number): string {
  const raw = block.subarray(offset, offset + length);
  const end = raw.indexOf(0);
  try {
    return decoder.decode(end >= 0 ? raw.subarray(0, end) : raw);
  } catch {
    throw unsafe('a header field is not valid text');
  }
}

function octal(block: Uint8Array, offset: number, length: number, what: string): number {
  const text = field(block, offset, length).trim();
  if (!/^[0-7]{1,11}$/.test(text)) throw unsafe(`the ${what} field is not a number`);
  return parseInt(text, 8);
}

function unsafe(detail: string): BundleError {
  return new BundleError(
    'unsafe-entry',
    `The bundle's archive is not in the expected form (${detail}). It was not imported.`,
  );
}

function truncated(): BundleError {
  return new BundleError(
    'truncated',
    'The bundle file is incomplete: it ends part-way through. Ask for it to be sent again.',
  );
}

function isZero(block: Uint8Array): boolean {
  for (const b of block) if (b !== 0) return false;
  return true;
}

/** Parse and check one header block. */
function parseHeader(block: Uint8Array, limits: TarReadLimits): { name: string; size: number } {
  if (headerChecksum(block) !== octal(block, 148, 8, 'checksum')) throw unsafe('a header checksum does not match');
  if (field(block, 257, 6) !== 'ustar' || field(block, 263, 2) !== '00') throw unsafe('not a ustar header');
  const type = String.fromCharCode(block[156] ?? 0);
  if (type !== '0' && type !== '\0') throw unsafe('an entry is a link, folder or extension header, not a file');
  if (field(block, 345, 155) !== '') throw unsafe('an entry uses a long name');
  const name = field(block, 0, 100);
  if (name.startsWith('/') || name.split('/').includes('..') || !SAFE_NAME.test(name)) {
    throw unsafe(`the entry name "${name.slice(0, 100)}" is not allowed`);
  }
  const size = octal(block, 124, 12, 'size');
  if (size > limits.maxEntrySize) {
    throw new BundleError('too-large', `The bundle holds an entry larger than allowed (${name}). It was not imported.`);
  }
  return { name, size };
}

/** Read entries one by one. Ends after the two zero blocks; trailing bytes must all be zero. */
export async function* readTar(source: AsyncIterator<Uint8Array>, limits: TarReadLimits): AsyncGenerator<TarEntry> {
  const reader = new ByteReader(source);
  for (;;) {
    const block = await reader.readExact(BLOCK);
    if (!block) throw truncated();
    if (isZero(block)) {
      const second = await reader.readExact(BLOCK);
      if (!second) throw truncated();
      if (!isZero(second)) throw unsafe('a lone zero block');
      // Writers may pad to a record size (GNU tar: 10 KiB); more than that is not padding.
      let trailing = 0;
      await reader.drain((piece) => {
        trailing += piece.length;
        if (trailing > MAX_TRAILING_ZEROS || !isZero(piece)) throw unsafe('data after the end of the archive');
      });
      return;
    }
    const { name, size } = parseHeader(block, limits);
    let finished = false;
    const body = (async function* () {
      yield* reader.readChunks(size, truncated);
      const pad = await reader.readExact(paddingFor(size));
      if (!pad) throw truncated();
      finished = true;
    })();
    yield { name, size, body };
    if (!finished) throw new Error(`tar entry ${name} was not read to the end`);
  }
}
