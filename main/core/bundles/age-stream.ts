/**
 * age encryption and decryption as streams joined to node:fs. The header comes from
 * age-encryption; the 64 KiB payload chunks are sealed with node:crypto's native
 * ChaCha20-Poly1305 (age-native.ts). Nothing here holds more than a few chunks, so a bundle
 * with gigabytes of documents goes through in bounded memory.
 */
import { createReadStream, renameSync, rmSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { Writable } from 'node:stream';
import { writeBatches } from '../documents/blob-writer';
import { AgePayloadError, decryptAge, encryptAgeBatches } from './age-native';
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
  const encrypted = encryptAgeBatches(
    plaintext,
    keying.kind === 'passphrase'
      ? { kind: 'passphrase', passphrase: keying.passphrase, logN: PASSPHRASE_WORK_FACTOR }
      : keying,
  );
  const temp = `${outFile}.partial`;
  let handle: FileHandle | undefined;
  try {
    handle = await open(temp, 'w', 0o600);
    // About 1 MiB a writev, the sealed chunks as the cipher made them (no joined copies).
    await writeBatches(handle, encrypted);
    await handle.close();
    handle = undefined;
    renameSync(temp, outFile);
  } catch (err) {
    // Stop the encryptor (and so the tar writer and the document reads behind it).
    await encrypted.return(undefined).catch(() => undefined);
    await handle?.close().catch(() => undefined);
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
    // 1 MiB reads: fewer system calls and stream turns; sealed chunks are cut out of them as views.
    yield* decryptAge(createReadStream(file, { highWaterMark: 1024 * 1024 }), keying);
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
