/**
 * Where bundle files wait inside the vault folder: `outbox/<bundle id>.ncatsbundle` after an
 * export (until the renderer has downloaded it) and `inbox/<uuid>.ncatsbundle` after an upload
 * (until it is applied or discarded). Both hold only age ciphertext. Names are always built
 * here from a UUID, never from anything the renderer sends, and stale files are swept away.
 */
import { randomUUID } from 'node:crypto';
import {
  closeSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  openSync,
  readSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../errors';
import { BUNDLE_EXTENSION } from './manifest';

export type BundleBox = 'inbox' | 'outbox';

/** Files older than this are removed by the sweep. */
export const STALE_AFTER_MS = 24 * 60 * 60 * 1000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The path of a waiting bundle. Refuses anything but a lower-case UUID, so no path can be smuggled in. */
export function boxPath(vaultDir: string, box: BundleBox, id: string): string {
  if (!UUID.test(id)) throw new AppError('INVALID_INPUT', 'Not a valid bundle id.');
  return join(vaultDir, box, `${id}${BUNDLE_EXTENSION}`);
}

/** The path of a waiting bundle that must exist. */
export function existingBoxPath(vaultDir: string, box: BundleBox, id: string): string {
  const path = boxPath(vaultDir, box, id);
  if (!existsSync(path)) {
    throw new AppError(
      'NOT_FOUND',
      box === 'inbox'
        ? 'That bundle is no longer waiting to be imported. Choose the file again.'
        : 'That bundle file is no longer available. Create the bundle again.',
    );
  }
  return path;
}

export function ensureBox(vaultDir: string, box: BundleBox): string {
  const dir = join(vaultDir, box);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

export function removeBoxFile(vaultDir: string, box: BundleBox, id: string): void {
  rmSync(boxPath(vaultDir, box, id), { force: true });
}

/**
 * Stream an uploaded file into the inbox: written under a temporary name and renamed when
 * complete, so a half-received upload is never taken for a bundle. Refuses more than `maxBytes`.
 */
export async function receiveIntoInbox(
  vaultDir: string,
  body: Readable,
  maxBytes: number,
): Promise<{ id: string; size: number }> {
  const dir = ensureBox(vaultDir, 'inbox');
  const id = randomUUID();
  const partial = join(dir, `${id}.partial`);
  let size = 0;
  try {
    await pipeline(
      body,
      async function* (source: AsyncIterable<Buffer>) {
        for await (const chunk of source) {
          size += chunk.length;
          if (size > maxBytes)
            throw new AppError('INVALID_INPUT', 'That file is larger than any bundle this app accepts.');
          yield chunk;
        }
      },
      // Opened before the pipeline starts: a stream that opens lazily can create the file after
      // a failed upload has already been cleaned up, leaving a stray partial behind.
      createWriteStream(partial, { fd: openSync(partial, 'wx', 0o600) }),
    );
    if (size === 0) throw new AppError('INVALID_INPUT', 'That file is empty. It is not a case bundle.');
    renameSync(partial, boxPath(vaultDir, 'inbox', id));
  } catch (err) {
    rmSync(partial, { force: true });
    if ((err as NodeJS.ErrnoException).code === 'ENOSPC')
      throw new AppError(
        'DISK_FULL',
        'The disk is full, so the bundle could not be received. Free some space and try again.',
      );
    throw err;
  }
  return { id, size };
}

/**
 * Remove inbox and outbox files (and abandoned partial uploads) older than `maxAgeMs`.
 * Returns how many were removed. Never throws: housekeeping must not break the call it rides on.
 */
export function sweepBundleFiles(vaultDir: string, now = Date.now(), maxAgeMs = STALE_AFTER_MS): number {
  let removed = 0;
  for (const box of ['inbox', 'outbox'] as const) {
    const dir = join(vaultDir, box);
    if (!existsSync(dir)) continue;
    try {
      for (const name of readdirSync(dir)) {
        const file = join(dir, name);
        try {
          if (now - statSync(file).mtimeMs > maxAgeMs) {
            rmSync(file, { force: true });
            removed += 1;
          }
        } catch {
          // A file that vanished meanwhile is already what we wanted.
        }
      }
    } catch {
      // An unreadable folder is left for the next sweep.
    }
  }
  return removed;
}

/**
 * Whether a file is an age file encrypted to a passphrase (its header has an scrypt stanza)
 * rather than to recipients. Reads only the start of the header.
 */
export function isPassphraseBundle(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(4096);
    const n = readSync(fd, head, 0, head.length, 0);
    const text = head.subarray(0, n).toString('latin1');
    return text.startsWith('age-encryption.org/v1\n') && /\n-> scrypt /.test(text);
  } finally {
    closeSync(fd);
  }
}
