/**
 * The age v1 payload (STREAM: ChaCha20-Poly1305 in 64 KiB chunks) on node:crypto's native
 * cipher instead of age-encryption's pure-JS one, which capped bundles at about 24 MB/s.
 *
 * The header is still made and checked by age-encryption (recipient stanzas, header MAC), so
 * the files are byte-for-byte the format `age` writes and reads; the interop tests with
 * /usr/bin/age check both directions. Format (age-encryption.org/v1):
 *   header || nonce (16 random bytes) || chunks
 *   payload key = HKDF-SHA256(ikm = file key, salt = nonce, info = "payload", 32)
 *   chunk i = ChaCha20-Poly1305(payload key, nonce = i as 11 bytes big-endian || last flag,
 *             64 KiB of plaintext (the last chunk may be shorter; empty only if it is the only one))
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes, scrypt } from 'node:crypto';
import { Decrypter, Encrypter, Stanza, type Recipient } from 'age-encryption';
import { ByteQueue } from './byte-queue';

const CHUNK = 64 * 1024;
const TAG = 16;
const SEALED_CHUNK = CHUNK + TAG;
const NONCE_BYTES = 16;
/** The STREAM layout, for readers that seek (documents' range reads): one definition, here. */
export const AGE_PAYLOAD = { chunk: CHUNK, tag: TAG, sealedChunk: SEALED_CHUNK, nonceBytes: NONCE_BYTES } as const;
/** A header holding hundreds of recipients is still far below this. */
const MAX_HEADER_BYTES = 1024 * 1024;
const SCRYPT_LABEL = 'age-encryption.org/v1/scrypt';

/** Chunk `index`'s nonce, written into `into` (the cipher copies it, so one buffer serves a file). */
function chunkNonce(index: number, last: boolean, into: Buffer = Buffer.alloc(12)): Buffer {
  // Bytes 0-10: the chunk counter, big-endian (low 32 bits in bytes 7-10, the next 24 in 4-6:
  // 2^56 chunks is far beyond any bundle). Byte 11: the last-chunk flag.
  into.fill(0, 0, 4);
  into.writeUIntBE(Math.floor(index / 2 ** 32), 4, 3);
  into.writeUInt32BE(index >>> 0, 7);
  into[11] = last ? 1 : 0;
  return into;
}

export function payloadKey(fileKey: Uint8Array, nonce: Uint8Array): Buffer {
  return Buffer.from(hkdfSync('sha256', fileKey, nonce, 'payload', 32));
}

/**
 * Seal one chunk whose plaintext is `pieces` (together at most 64 KiB), appending its
 * ciphertext pieces and tag to `out`; returns the bytes appended. Each piece is one cipher
 * update, so a chunk that straddles the producer's pieces is never joined into a copy, and the
 * output is written as it is (writev), never concatenated.
 */
function sealPieces(
  key: Buffer,
  index: number,
  last: boolean,
  pieces: readonly Uint8Array[],
  out: Buffer[],
  nonce: Buffer,
): number {
  const cipher = createCipheriv('chacha20-poly1305', key, chunkNonce(index, last, nonce), { authTagLength: TAG });
  let bytes = TAG;
  for (const piece of pieces) {
    const sealed = cipher.update(piece);
    if (sealed.length > 0) out.push(sealed);
    bytes += sealed.length;
  }
  cipher.final();
  out.push(cipher.getAuthTag());
  return bytes;
}

/**
 * Open one sealed chunk given as views of one or more pieces (ciphertext then the 16-byte tag,
 * which may itself be split). Throws when the tag does not verify; nothing is returned before.
 */
function openPieces(key: Buffer, index: number, last: boolean, sealed: readonly Buffer[], nonce: Buffer): Buffer[] {
  const total = sealed.reduce((n, piece) => n + piece.length, 0);
  if (total < TAG) throw new Error('chunk too short');
  const body: Buffer[] = [];
  const tagParts: Buffer[] = [];
  let at = 0;
  for (const piece of sealed) {
    const bodyEnd = Math.max(0, Math.min(piece.length, total - TAG - at));
    if (bodyEnd > 0) body.push(bodyEnd === piece.length ? piece : piece.subarray(0, bodyEnd));
    if (bodyEnd < piece.length) tagParts.push(piece.subarray(bodyEnd));
    at += piece.length;
  }
  const decipher = createDecipheriv('chacha20-poly1305', key, chunkNonce(index, last, nonce), { authTagLength: TAG });
  decipher.setAuthTag(tagParts.length === 1 ? (tagParts[0] as Buffer) : Buffer.concat(tagParts, TAG));
  const plain = body.map((piece) => decipher.update(piece));
  decipher.final();
  return plain;
}

/** Open one payload chunk held in one buffer (range reads); throws when its tag does not verify. */
export function openPayloadChunk(key: Buffer, index: number, last: boolean, sealed: Buffer): Buffer {
  if (sealed.length < TAG) throw new Error('chunk too short');
  const decipher = createDecipheriv('chacha20-poly1305', key, chunkNonce(index, last), { authTagLength: TAG });
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG));
  // A stream cipher's update returns every byte and final() none: no join needed.
  const plain = decipher.update(sealed.subarray(0, sealed.length - TAG));
  decipher.final();
  return plain;
}

/**
 * age's scrypt recipient (passphrase), with node:crypto's native scrypt. Same stanza as
 * age-encryption's ScryptRecipient: `-> scrypt <salt> <log2 N>` and the file key sealed with
 * ChaCha20-Poly1305 under an all-zero nonce.
 */
function scryptRecipient(passphrase: string, logN: number): Recipient {
  return {
    wrapFileKey: (fileKey) =>
      new Promise((resolve, reject) => {
        const salt = randomBytes(16);
        const N = 2 ** logN;
        const labelAndSalt = Buffer.concat([Buffer.from(SCRYPT_LABEL, 'latin1'), salt]);
        scrypt(passphrase, labelAndSalt, 32, { N, r: 8, p: 1, maxmem: 128 * N * 8 + 32 * 1024 * 1024 }, (err, key) => {
          if (err) return reject(err);
          const cipher = createCipheriv('chacha20-poly1305', key, Buffer.alloc(12), { authTagLength: TAG });
          const body = Buffer.concat([cipher.update(fileKey), cipher.final(), cipher.getAuthTag()]);
          key.fill(0);
          const saltText = salt.toString('base64').replace(/=+$/, '');
          resolve([new Stanza(['scrypt', saltText, String(logN)], new Uint8Array(body))]);
        });
      }),
  };
}

export type AgeKeying =
  { kind: 'recipients'; recipients: readonly string[] } | { kind: 'passphrase'; passphrase: string; logN: number };

/**
 * The age header for a new file and its file key. age-encryption writes the header; a last
 * recipient that adds no stanza sees the file key (every recipient is given the same one).
 */
export async function newHeader(keying: AgeKeying): Promise<{ header: Uint8Array; fileKey: Buffer }> {
  const encrypter = new Encrypter();
  let fileKey: Buffer | null = null;
  const capture: Recipient = {
    wrapFileKey(key) {
      fileKey = Buffer.from(key);
      return [];
    },
  };
  if (keying.kind === 'passphrase') encrypter.addRecipient(scryptRecipient(keying.passphrase, keying.logN));
  else for (const r of keying.recipients) encrypter.addRecipient(r);
  encrypter.addRecipient(capture);
  // An empty file is header || nonce || one empty sealed chunk: the header is all but the last
  // 32 bytes. Its nonce and chunk are thrown away; the payload gets a fresh nonce below.
  const empty = await encrypter.encrypt(new Uint8Array(0));
  if (!fileKey) throw new Error('age did not hand out a file key');
  return { header: empty.subarray(0, empty.length - NONCE_BYTES - TAG), fileKey };
}

/** About how many bytes of output each batch of `encryptAgeBatches` holds: one writev. */
export const AGE_BATCH_BYTES = 1024 * 1024;

/**
 * The encrypted file as batches of buffers (header, nonce, then each chunk's ciphertext pieces
 * and tag), each batch about `batchBytes` long, for a writer to hand to `writev` as they are.
 *
 * No plaintext is copied: a chunk is sealed from views of the pieces it spans, so the producer
 * must not reuse a buffer it has yielded (streams, generators and the tar packer never do).
 * Memory stays bounded: one chunk of views and one batch of output.
 */
export async function* encryptAgeBatches(
  plaintext: AsyncIterable<Uint8Array>,
  keying: AgeKeying,
  batchBytes = AGE_BATCH_BYTES,
): AsyncGenerator<Buffer[]> {
  const { header, fileKey } = await newHeader(keying);
  const nonce = randomBytes(NONCE_BYTES);
  const key = payloadKey(fileKey, nonce);
  fileKey.fill(0);
  const chunkNonceBuffer = Buffer.alloc(12);
  try {
    let batch: Buffer[] = [Buffer.from(header.buffer, header.byteOffset, header.byteLength), nonce];
    let batched = header.length + NONCE_BYTES;
    let held: Uint8Array[] = [];
    let heldBytes = 0;
    let index = 0;
    for await (const piece of plaintext) {
      let at = 0;
      while (at < piece.length) {
        // A full chunk is sealed only once more plaintext exists: the last chunk carries the flag.
        if (heldBytes === CHUNK) {
          batched += sealPieces(key, index++, false, held, batch, chunkNonceBuffer);
          held = [];
          heldBytes = 0;
          if (batched >= batchBytes) {
            yield batch;
            batch = [];
            batched = 0;
          }
        }
        const n = Math.min(CHUNK - heldBytes, piece.length - at);
        held.push(n === piece.length ? piece : piece.subarray(at, at + n));
        heldBytes += n;
        at += n;
      }
    }
    sealPieces(key, index, true, held, batch, chunkNonceBuffer);
    yield batch;
  } finally {
    key.fill(0);
  }
}

/**
 * The encrypted file as a stream of buffers, one per batch (about 1 MiB): for callers that pipe
 * into a stream, where one joined buffer is one write.
 */
export async function* encryptAge(plaintext: AsyncIterable<Uint8Array>, keying: AgeKeying): AsyncGenerator<Uint8Array> {
  for await (const batch of encryptAgeBatches(plaintext, keying)) yield Buffer.concat(batch);
}

/** Thrown when the payload (not the header) fails: damaged or cut short. */
export class AgePayloadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AgePayloadError';
  }
}

/**
 * The length of the age header at the start of `bytes` (through the MAC line's newline), or -1
 * when `bytes` does not hold all of it yet. The header ends with the line "--- <MAC>\n"; stanza
 * lines start with "-> " and bodies are base64, so the first "\n--- " is the MAC line.
 */
export function ageHeaderLength(bytes: Buffer): number {
  const mac = bytes.indexOf('\n--- ');
  if (mac < 0) return -1;
  const newline = bytes.indexOf('\n', mac + 1);
  return newline < 0 ? -1 : newline + 1;
}

/**
 * Decrypt an age file given as a stream of bytes. The header is checked by age-encryption
 * (identities, passphrase, MAC; its errors are thrown as they are); then every chunk is
 * authenticated before any of its plaintext is yielded, and a file cut short fails at the end.
 */
export async function* decryptAge(
  source: AsyncIterable<Uint8Array>,
  keying: { identities: readonly string[]; passphrase?: string },
): AsyncGenerator<Uint8Array> {
  const iterator = source[Symbol.asyncIterator]();
  // Sealed chunks are cut out of the reads as views: one straddling two reads is opened from two.
  const queue = new ByteQueue();
  let ended = false;
  const pull = async (): Promise<boolean> => {
    if (ended) return false;
    const next = await iterator.next();
    if (next.done) {
      ended = true;
      return false;
    }
    queue.push(next.value);
    return true;
  };

  let headerEnd = -1;
  for (;;) {
    headerEnd = ageHeaderLength(queue.peekJoined(MAX_HEADER_BYTES + 1));
    if (headerEnd > 0) break;
    if (queue.length > MAX_HEADER_BYTES || !(await pull())) throw new Error('invalid age header');
  }
  const decrypter = new Decrypter();
  for (const identity of keying.identities) decrypter.addIdentity(identity);
  if (keying.passphrase !== undefined) decrypter.addPassphrase(keying.passphrase);
  const fileKey = Buffer.from(await decrypter.decryptHeader(queue.takeJoined(headerEnd)));
  while (queue.length < NONCE_BYTES) {
    if (!(await pull())) throw new AgePayloadError('the file ends before its payload');
  }
  const key = payloadKey(fileKey, queue.takeJoined(NONCE_BYTES));
  fileKey.fill(0);
  const chunkNonceBuffer = Buffer.alloc(12);
  try {
    let index = 0;
    for (;;) {
      // A full sealed chunk is not the last one only if more bytes follow it.
      while (queue.length <= SEALED_CHUNK && (await pull()));
      if (queue.length > SEALED_CHUNK) {
        yield* openPieces(key, index++, false, queue.take(SEALED_CHUNK), chunkNonceBuffer);
        continue;
      }
      let plain: Buffer[];
      try {
        plain = openPieces(key, index, true, queue.take(queue.length), chunkNonceBuffer);
      } catch {
        throw new AgePayloadError('a chunk failed its integrity check');
      }
      const nonEmpty = plain.filter((piece) => piece.length > 0);
      if (nonEmpty.length === 0 && index > 0) throw new AgePayloadError('final chunk is empty');
      yield* nonEmpty;
      return;
    }
  } catch (err) {
    if (err instanceof AgePayloadError) throw err;
    throw new AgePayloadError('a chunk failed its integrity check');
  } finally {
    key.fill(0);
  }
}
