/**
 * A streaming writer for the small subset of POSIX ustar that bundles use: regular files only,
 * short names (under 100 bytes, so the prefix field stays empty), 512-byte blocks. Written here
 * because no tar package is installed, and because the reader (tar-reader.ts) must be strict
 * about exactly this subset.
 */

export const BLOCK = 512;
/** ustar's 11 octal digits: just under 8 GiB per entry. */
export const MAX_TAR_ENTRY_SIZE = 8 ** 11 - 1;
/** Names the writer produces and the reader accepts: relative, no `..`, a plain character set. */
export const SAFE_NAME = /^(?:[A-Za-z0-9][A-Za-z0-9._-]{0,63}\/)?[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/;

function writeString(block: Buffer, offset: number, length: number, value: string): void {
  const bytes = Buffer.from(value, 'utf8');
  if (bytes.length > length) throw new Error(`tar field too long: ${value}`);
  bytes.copy(block, offset);
}

function writeOctal(block: Buffer, offset: number, length: number, value: number): void {
  // length - 1 digits then a NUL terminator, as GNU and BSD tar expect.
  writeString(block, offset, length, value.toString(8).padStart(length - 1, '0') + '\0');
}

/** The sum of the header bytes with the checksum field counted as eight spaces. */
export function headerChecksum(block: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : (block[i] ?? 0);
  return sum;
}

/** One ustar header block for a regular file. */
export function tarHeader(name: string, size: number, mtime: Date): Buffer {
  if (!SAFE_NAME.test(name)) throw new Error(`unsafe tar entry name: ${name}`);
  if (!Number.isSafeInteger(size) || size < 0 || size > MAX_TAR_ENTRY_SIZE) {
    throw new Error(`tar entry too large: ${name}`);
  }
  const block = Buffer.alloc(BLOCK);
  writeString(block, 0, 100, name);
  writeOctal(block, 100, 8, 0o600);
  writeOctal(block, 108, 8, 0);
  writeOctal(block, 116, 8, 0);
  writeOctal(block, 124, 12, size);
  writeOctal(block, 136, 12, Math.floor(mtime.getTime() / 1000));
  block[156] = 0x30; // '0': regular file
  writeString(block, 257, 6, 'ustar\0');
  writeString(block, 263, 2, '00');
  writeString(block, 265, 32, 'ncats');
  writeString(block, 297, 32, 'ncats');
  const checksum = headerChecksum(block);
  writeString(block, 148, 8, checksum.toString(8).padStart(6, '0') + '\0 ');
  return block;
}

export interface TarEntrySource {
  name: string;
  size: number;
  body: AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
}

/** Zero bytes that round `size` up to a whole block. */
export function paddingFor(size: number): number {
  return (BLOCK - (size % BLOCK)) % BLOCK;
}

/**
 * Turn entries into tar bytes, one piece at a time. Each body must produce exactly the size
 * declared for it: a short or long body is an error rather than a corrupt archive.
 */
export async function* writeTar(entries: AsyncIterable<TarEntrySource> | Iterable<TarEntrySource>, mtime: Date) {
  for await (const entry of entries) {
    yield tarHeader(entry.name, entry.size, mtime);
    let written = 0;
    for await (const chunk of entry.body) {
      written += chunk.length;
      if (written > entry.size) throw new Error(`${entry.name} is longer than its declared size`);
      yield chunk;
    }
    if (written !== entry.size) throw new Error(`${entry.name} is shorter than its declared size`);
    const pad = paddingFor(entry.size);
    if (pad > 0) yield Buffer.alloc(pad);
  }
  // The end-of-archive marker: two zero blocks.
  yield Buffer.alloc(BLOCK * 2);
}

/** Split a buffer into pieces of at most `size` bytes (age encrypts in 64 KiB chunks). */
export function* slices(buffer: Uint8Array, size = 64 * 1024): Generator<Uint8Array> {
  for (let i = 0; i < buffer.length; i += size) yield buffer.subarray(i, Math.min(i + size, buffer.length));
}
