/**
 * A byte stream that hashes (SHA-256) and counts what it yields, so a reader that already checks
 * a body's checksum (a bundle import) can hand it to the blob writer and the bytes are hashed
 * once, not twice: the writer takes the digest from here instead of hashing them itself.
 */
import { createHash, type Hash } from 'node:crypto';

export class HashedSource implements AsyncIterable<Uint8Array> {
  private readonly hash: Hash = createHash('sha256');
  private digested: string | null = null;
  /** Bytes yielded so far. */
  size = 0;

  constructor(private readonly body: AsyncIterable<Uint8Array>) {}

  async *[Symbol.asyncIterator](): AsyncGenerator<Uint8Array> {
    for await (const piece of this.body) {
      this.update(piece);
      yield piece;
    }
  }

  /** Bytes read from the body by someone else (a caller draining what a consumer left). */
  update(piece: Uint8Array): void {
    if (this.digested !== null) throw new Error('the body was hashed to its end already');
    this.hash.update(piece);
    this.size += piece.length;
  }

  /** The SHA-256 (hex) of everything yielded or passed to update(); asked once the body is read. */
  digest(): string {
    this.digested ??= this.hash.digest('hex');
    return this.digested;
  }
}
