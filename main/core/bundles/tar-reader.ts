/**
 * The bundle's tar, read by tar-stream's extractor with this app's strict rules above it.
 * Anything outside the subset tar-writer.ts produces is refused rather than interpreted: links,
 * folders, devices, pax or GNU extension headers (tar-stream would apply them silently; the
 * layer sees the gap they leave before the next entry), unsafe or repeated names, sizes beyond
 * the caller's limit, stray blocks, non-zero padding after a body, data after the end marker
 * (tar-tail.ts). tar-stream checks each header's checksum and form. Bodies are yielded in
 * pieces and the extractor is fed with back-pressure, so memory stays bounded however large the
 * archive; the caller must consume each body before asking for the next entry.
 */
import { extract, type Extract } from 'tar-stream';
import { BundleError } from './bundle-error';
import { BLOCK, isSafeEntryName, isZero, paddingFor } from './tar-rules';
import { MAX_TRAILING_ZEROS, TailWindow, judgeTail } from './tar-tail';

/** One entry as tar-stream gives it: its header, where that header starts, and its body. */
type Entry = Extract extends AsyncIterable<infer E> ? E : never;

export interface TarEntry {
  name: string;
  size: number;
  body: AsyncGenerator<Uint8Array>;
}

export interface TarReadLimits {
  /** The largest single entry allowed (checked before any body byte is read). */
  maxEntrySize: number;
}

/** Enough of the stream's end to judge the tail even with a few 64 KiB chunks in flight. */
const TAIL_WINDOW = 2 * BLOCK + MAX_TRAILING_ZEROS + 3 * 64 * 1024;

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

const BAD_HEADER = 'a header is damaged or not a ustar header';

/** Feeds the decrypted stream into the extractor, keeping the tail and any error of its own. */
class Feeder {
  readonly window = new TailWindow(TAIL_WINDOW);
  ended = false;
  error: unknown = null;
  readonly done: Promise<void>;

  constructor(
    private readonly source: AsyncIterator<Uint8Array>,
    private readonly extractor: Extract,
  ) {
    this.done = this.run();
  }

  private async run(): Promise<void> {
    try {
      while (!this.extractor.destroying) {
        const next = await this.source.next();
        if (next.done) {
          this.ended = true;
          if (!this.extractor.destroying) this.extractor.end(undefined);
          return;
        }
        this.window.push(next.value);
        if (!this.extractor.write(next.value)) await this.drained();
      }
    } catch (err) {
      // The decryptor's own errors (wrong key, damaged file) are the ones the caller must see.
      this.error = err;
      this.extractor.destroy(err instanceof Error ? err : new Error(String(err)));
    }
  }

  private drained(): Promise<void> {
    return new Promise((resolve) => {
      // A stream already being destroyed may have said 'close' before anyone listened.
      if (this.extractor.destroying) return resolve();
      const done = () => {
        this.extractor.off('drain', done);
        this.extractor.off('close', done);
        resolve();
      };
      this.extractor.on('drain', done);
      this.extractor.on('close', done);
    });
  }

  /** Stop feeding and let the decryptor close its file. */
  async stop(): Promise<void> {
    if (!this.extractor.destroying) this.extractor.destroy();
    await this.done;
    await this.source.return?.();
  }
}

/** Check one header against the rules; returns its body's offset, name and size. */
function checkHeader(entry: Entry, expectedOffset: number, seen: Set<string>, limits: TarReadLimits) {
  const header = entry.header;
  if (header.type !== 'file') throw unsafe('an entry is a link, folder or extension header, not a file');
  // tar-stream applies pax and GNU long-name headers to the entry after them and skips zero
  // blocks; any of those leaves this entry's header later than where the last one ended.
  if (entry.offset !== expectedOffset) {
    throw unsafe('an extension header or a stray block comes before an entry');
  }
  const name = header.name;
  if (!isSafeEntryName(name)) throw unsafe(`the entry name "${name.slice(0, 100)}" is not allowed`);
  if (seen.has(name)) throw unsafe(`the entry name "${name}" appears twice`);
  seen.add(name);
  const size = header.size ?? 0;
  if (size > limits.maxEntrySize) {
    throw new BundleError('too-large', `The bundle holds an entry larger than allowed (${name}). It was not imported.`);
  }
  return { bodyStart: expectedOffset + BLOCK, name, size };
}

/** Read entries one by one. Ends after the end marker; trailing bytes must all be zero. */
export async function* readTar(source: AsyncIterator<Uint8Array>, limits: TarReadLimits): AsyncGenerator<TarEntry> {
  const extractor = extract();
  const entries = extractor[Symbol.asyncIterator]();
  const feeder = new Feeder(source, extractor);
  const names = new Set<string>();
  /** Where the next header should start: just after the previous entry's padded body. */
  let nextHeader = 0;

  /** What an extractor failure means, once the feeder has settled. */
  const explain = async (err: unknown, entryEnd: number | null): Promise<unknown> => {
    if (!extractor.destroying) extractor.destroy();
    await feeder.done;
    if (feeder.error) return feeder.error;
    if (err instanceof BundleError) return err;
    if (entryEnd !== null) return feeder.ended && feeder.window.seen < entryEnd ? truncated() : unsafe(BAD_HEADER);
    return tailProblem() ?? unsafe(BAD_HEADER);
  };
  /** The padding after the last body read (its offsets), judged once the extractor is past it. */
  let padding: { from: number; to: number } | null = null;
  /**
   * Padding must be zeros, as tar-writer.ts writes it: tar-stream skips it unread, so a byte
   * there (a shortened size leaving a body's end in it) would otherwise pass. Judged when the
   * next header or the end has been parsed, so the padding has been fed; the window keeps far
   * more than the padding and the few chunks in flight, so it is still held.
   */
  const paddingProblem = (): BundleError | null => {
    if (!padding) return null;
    const { from, to } = padding;
    padding = null;
    const held = feeder.window.since(from);
    if (held === null || held.length < to - from) return unsafe('the padding after an entry is not where it should be');
    return isZero(held.subarray(0, to - from)) ? null : unsafe('the padding after an entry is not zero');
  };
  /** What is wrong with the bytes after the last entry, if anything. */
  const tailProblem = (): BundleError | null => {
    const verdict = judgeTail(feeder.window.since(nextHeader));
    if (verdict.kind === 'short') return truncated();
    if (verdict.kind === 'unsafe') return unsafe(verdict.detail);
    if (verdict.kind === 'header') return unsafe(BAD_HEADER);
    return null;
  };

  try {
    for (;;) {
      let next: IteratorResult<Entry>;
      try {
        next = await entries.next();
      } catch (err) {
        throw await explain(err, null);
      }
      if (next.done) {
        await feeder.done;
        if (feeder.error) throw feeder.error;
        const problem = paddingProblem() ?? tailProblem();
        if (problem) throw problem;
        return;
      }
      const entry = next.value;
      const misplaced = paddingProblem();
      if (misplaced) throw misplaced;
      const { bodyStart, name, size } = checkHeader(entry, nextHeader, names, limits);
      const end = bodyStart + size + paddingFor(size);
      let finished = false;
      const body = (async function* () {
        try {
          for await (const piece of entry) {
            if (!(piece instanceof Uint8Array))
              throw new Error('the tar extractor produced something other than bytes');
            yield piece;
          }
        } catch (err) {
          throw await explain(err, end);
        }
        finished = true;
      })();
      yield { name, size, body };
      if (!finished) throw new Error(`tar entry ${name} was not read to the end`);
      padding = { from: bodyStart + size, to: end };
      nextHeader = end;
    }
  } finally {
    await feeder.stop();
  }
}
