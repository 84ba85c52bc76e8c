/**
 * age encryption and decryption as streams joined to node:fs. The header comes from
 * age-encryption; the 64 KiB payload chunks are sealed with node:crypto's native
 * ChaCha20-Poly1305 (age-native.ts). Nothing here holds more than a few chunks, so a bundle
 * with gigabytes of documents goes through in bounded memory.
 */
import { createReadStream, createWriteStream, openSync, renameSync, rmSync } from 'node:fs';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AgePayloadError, decryptAge, encryptAge } from './age-native';
import { BundleError } from './bundle-error';

/** The scrypt work factor (log2 N) for passphrase bundles, as the issue requires (age's default). */
export const PASSPHRASE_WORK_FACTOR = 18;

export type BundleKeying =
  { kind: 'recipients'; recipients: readonly string[] } | { kind: 'passphrase'; passphrase: string };

/** Async iteration over a web stream (typed here because lib.dom does not declare it). */
export async function* iterateWeb(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/**
 * Encrypt `plaintext` into `outFile`. Written to a temporary name beside it and renamed at the
 * end, so a failed export never leaves a half-written bundle that looks complete.
 */
export async function encryptToFile(
  plaintext: AsyncIterable<Uint8Array>,
  keying: BundleKeying,
  outFile: string,
): Promise<void> {
  const encrypted = encryptAge(
    plaintext,
    keying.kind === 'passphrase'
      ? { kind: 'passphrase', passphrase: keying.passphrase, logN: PASSPHRASE_WORK_FACTOR }
      : keying,
  );
  const temp = `${outFile}.partial`;
  try {
    // Opened up front, so a failure cannot race a lazy open and leave the temp file behind.
    await pipeline(Readable.from(encrypted), createWriteStream(temp, { fd: openSync(temp, 'w', 0o600) }));
    renameSync(temp, outFile);
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  }
}

function decryptError(err: unknown): BundleError {
  const message = err instanceof Error ? err.message : String(err);
  if (/no identity matched|incorrect passphrase|passphrase|identity/i.test(message)) {
    return new BundleError(
      'wrong-key',
      'This bundle was not encrypted for you (or the passphrase is wrong). Check the passphrase, or ask the sender to encrypt it to your key card.',
    );
  }
  return new BundleError('not-a-bundle', 'This file is not an NCATS bundle, or its header is damaged.');
}

/**
 * Decrypt `file` as a stream of plaintext pieces. Each 64 KiB chunk is authenticated as it is
 * read and a truncated file fails at the end; so callers must not act on anything until the
 * stream has been read to the end without error.
 */
export async function* decryptFile(
  file: string,
  keying: { identities: readonly string[]; passphrase?: string },
): AsyncGenerator<Uint8Array> {
  try {
    yield* decryptAge(createReadStream(file, { highWaterMark: 256 * 1024 }), keying);
  } catch (err) {
    if (err instanceof BundleError) throw err;
    // age authenticates every 64 KiB chunk and marks the last one, so a flipped bit and a cut-off
    // file both surface as a failed chunk: they cannot be told apart, and need not be.
    if (err instanceof AgePayloadError) {
      throw new BundleError(
        'damaged',
        'The bundle is damaged or incomplete: part of it failed its integrity check. Ask for it to be sent again.',
      );
    }
    throw decryptError(err);
  }
}

/** A sink that discards bytes: used to read a stream to its end for its side effects (hashing). */
export function nullSink(): Writable {
  return new Writable({ write: (_chunk, _enc, done) => done() });
}
