/**
 * age encryption and decryption as streams (age-encryption 0.3 takes and returns web
 * ReadableStreams and works in 64 KiB chunks), joined to node:fs. Nothing here holds more than
 * a few chunks, so a bundle with gigabytes of documents goes through in bounded memory.
 */
import { createReadStream, createWriteStream, renameSync, rmSync } from 'node:fs';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Decrypter, Encrypter } from 'age-encryption';
import { BundleError } from './bundle-error';

/** The scrypt work factor (log2 N) for passphrase bundles, as the issue requires (age's default). */
export const PASSPHRASE_WORK_FACTOR = 18;

export type BundleKeying =
  { kind: 'recipients'; recipients: readonly string[] } | { kind: 'passphrase'; passphrase: string };

/** Web stream of a Node async iterable, pulling one piece at a time (back-pressure preserved). */
function toWebStream(source: AsyncIterable<Uint8Array>): ReadableStream<Uint8Array> {
  const iterator = source[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const next = await iterator.next();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      },
      async cancel(reason) {
        await iterator.throw?.(reason);
      },
    },
    { highWaterMark: 1 },
  );
}

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
  const encrypter = new Encrypter();
  if (keying.kind === 'passphrase') {
    encrypter.setPassphrase(keying.passphrase);
    encrypter.setScryptWorkFactor(PASSPHRASE_WORK_FACTOR);
  } else {
    for (const r of keying.recipients) encrypter.addRecipient(r);
  }
  const encrypted = await encrypter.encrypt(toWebStream(plaintext));
  const temp = `${outFile}.partial`;
  try {
    await pipeline(Readable.from(iterateWeb(encrypted)), createWriteStream(temp, { mode: 0o600 }));
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
  const decrypter = new Decrypter();
  for (const identity of keying.identities) decrypter.addIdentity(identity);
  if (keying.passphrase !== undefined) decrypter.addPassphrase(keying.passphrase);
  const source = Readable.toWeb(createReadStream(file, { highWaterMark: 64 * 1024 })) as ReadableStream<Uint8Array>;
  let plaintext: ReadableStream<Uint8Array>;
  try {
    plaintext = await decrypter.decrypt(source);
  } catch (err) {
    throw decryptError(err);
  }
  try {
    yield* iterateWeb(plaintext);
  } catch (err) {
    if (err instanceof BundleError) throw err;
    // age authenticates every 64 KiB chunk and marks the last one, so a flipped bit and a cut-off
    // file both surface here as a failed chunk: they cannot be told apart, and need not be.
    throw new BundleError(
      'damaged',
      'The bundle is damaged or incomplete: part of it failed its integrity check. Ask for it to be sent again.',
    );
  }
}

/** A sink that discards bytes: used to read a stream to its end for its side effects (hashing). */
export function nullSink(): Writable {
  return new Writable({ write: (_chunk, _enc, done) => done() });
}
