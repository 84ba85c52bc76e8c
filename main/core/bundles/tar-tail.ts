/**
 * What follows the last entry of a bundle's tar. tar-stream skips zero blocks and does not say
 * where the archive ended, so the reader keeps the last few chunks it fed in (a bounded window)
 * and checks the tail itself: exactly the two-block end marker, then at most a record's worth
 * of zero padding, nothing else.
 */
import { BLOCK, isZero } from './tar-rules';

/** Writers may pad to a record size (GNU tar: 10 KiB); more than this is not padding. */
export const MAX_TRAILING_ZEROS = 64 * 1024;

/**
 * The most recent bytes of a stream. It holds whole chunks until they fall more than `keep`
 * bytes behind the end, so memory stays at `keep` plus one chunk.
 */
export class TailWindow {
  private chunks: Uint8Array[] = [];
  private held = 0;
  /** Bytes seen in all: the absolute offset of the end of the window. */
  seen = 0;

  constructor(private readonly keep: number) {}

  push(chunk: Uint8Array): void {
    this.chunks.push(chunk);
    this.held += chunk.length;
    this.seen += chunk.length;
    for (let first = this.chunks[0]; first && this.held - first.length >= this.keep; first = this.chunks[0]) {
      this.chunks.shift();
      this.held -= first.length;
    }
  }

  /** The bytes from absolute offset `from` to the end, or null if they are no longer all held. */
  since(from: number): Uint8Array | null {
    const start = this.seen - this.held;
    if (from < start) return null;
    return Buffer.concat(this.chunks).subarray(from - start);
  }
}

export type TailVerdict =
  | { kind: 'ok' }
  /** The stream stopped before the end marker was complete. */
  | { kind: 'short' }
  /** A header block where the end should be (tar-stream will have said what is wrong with it). */
  | { kind: 'header' }
  | { kind: 'unsafe'; detail: string };

/** Judge the bytes after the last entry (null: more of them than the window keeps). */
export function judgeTail(tail: Uint8Array | null): TailVerdict {
  if (tail === null) return { kind: 'unsafe', detail: 'data after the end of the archive' };
  if (tail.length >= BLOCK && !isZero(tail.subarray(0, BLOCK))) return { kind: 'header' };
  if (tail.length < 2 * BLOCK) return { kind: 'short' };
  if (!isZero(tail.subarray(BLOCK, 2 * BLOCK))) return { kind: 'unsafe', detail: 'a lone zero block' };
  const rest = tail.subarray(2 * BLOCK);
  if (rest.length > MAX_TRAILING_ZEROS || !isZero(rest)) {
    return { kind: 'unsafe', detail: 'data after the end of the archive' };
  }
  return { kind: 'ok' };
}
