/**
 * A queue of byte pieces taken off the front in runs of a given length without copying them:
 * a run comes back as views of the pieces it spans. The age decryptor uses it to cut sealed
 * chunks out of whatever sizes the file reads return, so a chunk that straddles two reads is
 * fed to the cipher in two updates instead of being concatenated first.
 */
export class ByteQueue {
  private pieces: Buffer[] = [];
  /** Bytes already taken from the first piece. */
  private offset = 0;
  length = 0;

  push(piece: Uint8Array): void {
    if (piece.length === 0) return;
    this.pieces.push(Buffer.isBuffer(piece) ? piece : Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength));
    this.length += piece.length;
  }

  /** The first `n` bytes as views of the pieces they lie in (n <= length), removed from the queue. */
  take(n: number): Buffer[] {
    if (n > this.length) throw new RangeError('not enough bytes queued');
    const out: Buffer[] = [];
    let wanted = n;
    while (wanted > 0) {
      const first = this.pieces[0] as Buffer;
      const available = first.length - this.offset;
      if (available <= wanted) {
        out.push(this.offset === 0 ? first : first.subarray(this.offset));
        this.pieces.shift();
        this.offset = 0;
        wanted -= available;
      } else {
        out.push(first.subarray(this.offset, this.offset + wanted));
        this.offset += wanted;
        wanted = 0;
      }
    }
    this.length -= n;
    return out;
  }

  /** The first `n` bytes (n <= length) in one buffer: a view when they lie in one piece. */
  takeJoined(n: number): Buffer {
    const parts = this.take(n);
    return parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts, n);
  }

  /** Up to the first `n` bytes in one buffer, left in the queue (for finding the header's end). */
  peekJoined(n: number): Buffer {
    const wanted = Math.min(n, this.length);
    const first = this.pieces[0];
    if (first && first.length - this.offset >= wanted) return first.subarray(this.offset, this.offset + wanted);
    const parts = this.take(wanted);
    const joined = Buffer.concat(parts, wanted);
    // Put the joined copy back in place of the pieces it came from; the piece it ended inside
    // keeps only its rest, so the offset can start again at the joined copy.
    const partial = this.pieces[0];
    if (partial && this.offset > 0) this.pieces[0] = partial.subarray(this.offset);
    this.pieces.unshift(joined);
    this.offset = 0;
    this.length += wanted;
    return joined;
  }
}
