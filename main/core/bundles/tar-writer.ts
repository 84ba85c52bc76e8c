/**
 * The bundle's tar, written by tar-stream's packer. This layer decides what may go in (a safe
 * short name, a size ustar can hold, a body exactly as long as declared) and keeps memory
 * bounded: each body chunk waits for the packer to drain, and the packer's output is pulled by
 * the caller (the age encryptor) one piece at a time.
 */
import { pack, type Pack } from 'tar-stream';
import { MAX_TAR_ENTRY_SIZE, isSafeEntryName } from './tar-rules';

export interface TarEntrySource {
  name: string;
  size: number;
  body: AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
}

function checkEntry(entry: TarEntrySource): void {
  if (!isSafeEntryName(entry.name)) throw new Error(`unsafe tar entry name: ${entry.name}`);
  if (!Number.isSafeInteger(entry.size) || entry.size < 0 || entry.size > MAX_TAR_ENTRY_SIZE) {
    throw new Error(`tar entry too large: ${entry.name}`);
  }
}

/** The packer's stream for one entry's body. */
type EntrySink = ReturnType<Pack['entry']>;

/** Resolves once `sink` can take more, or once the packer has gone (so a stopped export ends). */
function drained(sink: EntrySink, packer: Pack): Promise<void> {
  return new Promise((resolve) => {
    // A stream already being destroyed may have said 'close' before anyone listened.
    if (sink.destroying || packer.destroying) return resolve();
    const done = () => {
      sink.off('drain', done);
      sink.off('close', done);
      packer.off('close', done);
      resolve();
    };
    sink.on('drain', done);
    sink.on('close', done);
    packer.on('close', done);
  });
}

/** Put every entry into the packer, then the end-of-archive marker. */
async function fill(
  packer: Pack,
  entries: AsyncIterable<TarEntrySource> | Iterable<TarEntrySource>,
  mtime: Date,
): Promise<void> {
  for await (const entry of entries) {
    checkEntry(entry);
    // Owner names and a private mode, as the hand-written writer used: `tar -tv` shows ncats/ncats.
    const sink = packer.entry({
      name: entry.name,
      size: entry.size,
      mtime,
      mode: 0o600,
      uid: 0,
      gid: 0,
      uname: 'ncats',
      gname: 'ncats',
      type: 'file',
    });
    let written = 0;
    for await (const chunk of entry.body) {
      written += chunk.length;
      if (written > entry.size) throw new Error(`${entry.name} is longer than its declared size`);
      if (!sink.write(chunk)) await drained(sink, packer);
      if (packer.destroying) return;
    }
    if (written !== entry.size) throw new Error(`${entry.name} is shorter than its declared size`);
    sink.end(undefined);
  }
  packer.finalize();
}

/**
 * Turn entries into tar bytes, one piece at a time. Each body must produce exactly the size
 * declared for it: a short or long body is an error rather than a corrupt archive.
 */
export async function* writeTar(
  entries: AsyncIterable<TarEntrySource> | Iterable<TarEntrySource>,
  mtime: Date,
): AsyncGenerator<Uint8Array> {
  const packer = pack();
  let failure: unknown = null;
  const filling = fill(packer, entries, mtime).catch((err: unknown) => {
    // Destroyed without the error, which would surface again as an unhandled stream error:
    // the loop below ends and rethrows it instead.
    failure = err;
    packer.destroy();
  });
  try {
    for await (const piece of packer) {
      if (failure) break;
      if (!(piece instanceof Uint8Array)) throw new Error('the tar packer produced something other than bytes');
      yield piece;
    }
  } catch (err) {
    throw failure ?? err;
  } finally {
    // A caller that stops early (a failed write) must not leave the filler waiting.
    if (!packer.destroying) packer.destroy();
    await filling;
  }
  if (failure) throw failure;
}

/** Split a buffer into pieces of at most `size` bytes (age encrypts in 64 KiB chunks). */
export function* slices(buffer: Uint8Array, size = 64 * 1024): Generator<Uint8Array> {
  for (let i = 0; i < buffer.length; i += size) yield buffer.subarray(i, Math.min(i + size, buffer.length));
}
