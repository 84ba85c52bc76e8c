/**
 * The encrypted blob format for documents (attachments), version 1. See README.md in this
 * folder for the layout in words; this file is the single definition of it.
 *
 *   header (64 bytes) | chunk 0 | chunk 1 | ... | chunk n-1 (final)
 *
 * Every chunk is AES-256-GCM: `ciphertext || 16-byte tag`. All chunks but the last hold exactly
 * `chunkSize` plaintext bytes; the last holds 0..chunkSize (an empty file is one empty final
 * chunk), so a file always has at least one chunk and the layout follows from the plaintext size.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

export const BLOB_MAGIC = Buffer.from('NCATSDOC', 'ascii');
export const BLOB_FORMAT_VERSION = 1;
export const HEADER_BYTES = 64;
export const TAG_BYTES = 16;
export const DEFAULT_CHUNK_SIZE = 64 * 1024;
/** Largest chunk a reader accepts: bounds the memory one chunk can take. */
export const MAX_CHUNK_SIZE = 4 * 1024 * 1024;

const SALT_BYTES = 32;
const NONCE_PREFIX_BYTES = 4;

export interface BlobHeader {
  version: number;
  chunkSize: number;
  /** The document id (a UUID) this blob belongs to. */
  fileId: string;
  /** Random per file: with the attachments key it derives this file's own key. */
  salt: Buffer;
  /** Random per file: the first 4 bytes of every chunk's 12-byte nonce. */
  noncePrefix: Buffer;
  /** The 64 header bytes exactly as stored: every chunk's AAD starts with them. */
  raw: Buffer;
}

function uuidToBytes(id: string): Buffer {
  const hex = id.replace(/-/g, '');
  if (!/^[0-9a-f]{32}$/i.test(hex)) throw new Error('file id must be a UUID');
  return Buffer.from(hex, 'hex');
}

function bytesToUuid(b: Buffer): string {
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * Layout: magic(8) | version(1) | reserved(3, zero) | chunkSize(u32 BE) | fileId(16) |
 * salt(32). The nonce prefix is the first 4 bytes of the salt's HKDF output, so the header
 * stays 64 bytes and both per-file secrets come from one random value.
 */
export function newHeader(fileId: string, chunkSize = DEFAULT_CHUNK_SIZE): BlobHeader {
  const raw = Buffer.alloc(HEADER_BYTES);
  BLOB_MAGIC.copy(raw, 0);
  raw.writeUInt8(BLOB_FORMAT_VERSION, 8);
  raw.writeUInt32BE(chunkSize, 12);
  uuidToBytes(fileId).copy(raw, 16);
  randomBytes(SALT_BYTES).copy(raw, 32);
  return parseHeader(raw);
}

/** Parse and check a stored header. Throws a plain Error; callers turn it into a user message. */
export function parseHeader(raw: Buffer): BlobHeader {
  if (raw.length !== HEADER_BYTES || !raw.subarray(0, 8).equals(BLOB_MAGIC)) {
    throw new Error('not an NCATS document blob');
  }
  const version = raw.readUInt8(8);
  if (version !== BLOB_FORMAT_VERSION) throw new Error(`unsupported blob format version ${version}`);
  const chunkSize = raw.readUInt32BE(12);
  if (chunkSize < 1024 || chunkSize > MAX_CHUNK_SIZE) throw new Error('implausible chunk size');
  const salt = Buffer.from(raw.subarray(32, 64));
  return {
    version,
    chunkSize,
    fileId: bytesToUuid(raw.subarray(16, 32)),
    salt,
    noncePrefix: Buffer.from(
      hkdfSync('sha256', salt, Buffer.alloc(0), 'ncats attachment nonce v1', NONCE_PREFIX_BYTES),
    ),
    raw: Buffer.from(raw),
  };
}

/**
 * This file's AES key: HKDF of the vault's attachments subkey with the header's random salt,
 * bound to the file id. A fresh key per file means nonces can never repeat across files even
 * if the random prefix did. The caller wipes the returned buffer.
 */
export function fileKey(attachmentsKey: Buffer, header: BlobHeader): Buffer {
  return Buffer.from(hkdfSync('sha256', attachmentsKey, header.salt, `ncats attachment v1 ${header.fileId}`, 32));
}

function nonce(header: BlobHeader, index: number): Buffer {
  const n = Buffer.alloc(12);
  header.noncePrefix.copy(n, 0);
  n.writeBigUInt64BE(BigInt(index), 4);
  return n;
}

/**
 * AAD = the whole header (so the file id, chunk size and salt are all authenticated) + the
 * chunk index (u64 BE) + a final-chunk flag. Moving a chunk to another position or another
 * file, or dropping the tail so an inner chunk becomes last, makes the tag fail.
 */
function aad(header: BlobHeader, index: number, final: boolean): Buffer {
  const a = Buffer.alloc(HEADER_BYTES + 9);
  header.raw.copy(a, 0);
  a.writeBigUInt64BE(BigInt(index), HEADER_BYTES);
  a.writeUInt8(final ? 1 : 0, HEADER_BYTES + 8);
  return a;
}

export function sealChunk(key: Buffer, header: BlobHeader, index: number, final: boolean, plain: Buffer): Buffer {
  const cipher = createCipheriv('aes-256-gcm', key, nonce(header, index));
  cipher.setAAD(aad(header, index, final));
  const body = cipher.update(plain);
  cipher.final();
  return Buffer.concat([body, cipher.getAuthTag()]);
}

/** Decrypt one chunk; throws when the tag does not verify (tampering, wrong key, wrong place). */
export function openChunk(key: Buffer, header: BlobHeader, index: number, final: boolean, sealed: Buffer): Buffer {
  if (sealed.length < TAG_BYTES) throw new Error('chunk too short');
  const decipher = createDecipheriv('aes-256-gcm', key, nonce(header, index));
  decipher.setAAD(aad(header, index, final));
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
  const body = decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES));
  decipher.final();
  return body;
}

/** How many chunks a plaintext of `size` bytes takes (at least one: the final chunk). */
export function chunkCount(size: number, chunkSize: number): number {
  return Math.max(1, Math.ceil(size / chunkSize));
}

/** The exact blob length for a plaintext size: checked before reading, so truncation is caught. */
export function blobLength(size: number, chunkSize: number): number {
  return HEADER_BYTES + size + chunkCount(size, chunkSize) * TAG_BYTES;
}

/** Byte offset of chunk `index` in the blob. */
export function chunkOffset(index: number, chunkSize: number): number {
  return HEADER_BYTES + index * (chunkSize + TAG_BYTES);
}
