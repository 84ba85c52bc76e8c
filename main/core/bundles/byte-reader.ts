/**
 * Pull exact byte counts out of a stream of chunks without holding more than one chunk, so the
 * tar reader can work on a multi-gigabyte decrypted stream in bounded memory.
 */
export class ByteReader {
  private pending: Uint8Array = new Uint8Array(0);
  private done = false;
  /** Bytes handed out so far: lets callers cap the total. */
  consumed = 0;

  constructor(private readonly source: AsyncIterator<Uint8Array>) {}

  private async fill(): Promise<boolean> {
    while (this.pending.length === 0) {
      if (this.done) return false;
      const next = await this.source.next();
      if (next.done) {
        this.done = true;
        return false;
      }
      this.pending = next.value;
    }
    return true;
  }

  /** Exactly `n` bytes, or null if the stream ends first (a truncated archive). */
  async readExact(n: number): Promise<Uint8Array | null> {
    const out = new Uint8Array(n);
    let got = 0;
    while (got < n) {
      if (!(await this.fill())) return null;
      const take = Math.min(n - got, this.pending.length);
      out.set(this.pending.subarray(0, take), got);
      this.pending = this.pending.subarray(take);
      got += take;
    }
    this.consumed += n;
    return out;
  }

  /** `n` bytes as a series of pieces (no copy when possible); throws `onShort` if the stream ends first. */
  async *readChunks(n: number, onShort: () => Error): AsyncGenerator<Uint8Array> {
    let left = n;
    while (left > 0) {
      if (!(await this.fill())) throw onShort();
      const take = Math.min(left, this.pending.length);
      const piece = this.pending.subarray(0, take);
      this.pending = this.pending.subarray(take);
      left -= take;
      this.consumed += take;
      yield piece;
    }
  }

  /** Read to the end, calling `check` on each piece (used to insist trailing bytes are zero). */
  async drain(check: (piece: Uint8Array) => void): Promise<void> {
    while (await this.fill()) {
      const piece = this.pending;
      this.pending = new Uint8Array(0);
      this.consumed += piece.length;
      check(piece);
    }
  }
}
