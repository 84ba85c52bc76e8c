/**
 * The small subset of POSIX ustar that bundles use, as rules both sides share: regular files
 * only, short relative names from a plain character set (so no ustar prefix, pax or GNU long
 * name is ever needed), sizes that fit ustar's octal field. tar-stream does the encoding and
 * parsing; these rules are what this app insists on above it.
 */

export const BLOCK = 512;
/** ustar's 11 octal digits: just under 8 GiB per entry (larger would need a pax header). */
export const MAX_TAR_ENTRY_SIZE = 8 ** 11 - 1;
/** Names the writer produces and the reader accepts: relative, no `..`, a plain character set. */
export const SAFE_NAME = /^(?:[A-Za-z0-9][A-Za-z0-9._-]{0,63}\/)?[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/;
/** ustar's name field; a longer name would go into the prefix field or an extension header. */
const NAME_FIELD_BYTES = 100;

/** True for a name this app writes and reads: safe characters, no `/` at the start, no `..`. */
export function isSafeEntryName(name: string): boolean {
  return (
    SAFE_NAME.test(name) &&
    !name.startsWith('/') &&
    !name.split('/').includes('..') &&
    Buffer.byteLength(name, 'utf8') <= NAME_FIELD_BYTES
  );
}

/** Zero bytes that round `size` up to a whole block. */
export function paddingFor(size: number): number {
  return (BLOCK - (size % BLOCK)) % BLOCK;
}

/** True when every byte is zero (the end-of-archive marker and the padding after it). */
export function isZero(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b !== 0) return false;
  return true;
}
