/**
 * The decryptor's queue of read pieces: runs come back as views of the pieces (no copy), in
 * order, across piece boundaries, and peeking leaves the queue as it was.
 */
import { describe, expect, it } from 'vitest';
import { ByteQueue } from '../../../../main/core/bundles/byte-queue';

const bytes = (from: number, length: number) => Buffer.from(Array.from({ length }, (_, i) => (from + i) & 0xff));

describe('ByteQueue', () => {
  it('takes runs across pieces as views of those pieces, in order', () => {
    const a = bytes(0, 10);
    const b = bytes(10, 5);
    const c = bytes(15, 20);
    const queue = new ByteQueue();
    for (const piece of [a, b, c]) queue.push(piece);
    expect(queue.length).toBe(35);
    const run = queue.take(12);
    expect(run.map((p) => p.length)).toEqual([10, 2]);
    // Views, not copies: the same memory as the pieces pushed.
    expect(run[0]?.buffer).toBe(a.buffer);
    expect(run[1]?.buffer).toBe(b.buffer);
    expect(Buffer.concat(run).equals(bytes(0, 12))).toBe(true);
    expect(Buffer.concat(queue.take(23)).equals(bytes(12, 23))).toBe(true);
    expect(queue.length).toBe(0);
    expect(() => queue.take(1)).toThrow(RangeError);
  });

  it('joins only when a run spans pieces, and peeking leaves every byte queued', () => {
    const queue = new ByteQueue();
    queue.push(bytes(0, 4));
    queue.push(new Uint8Array(bytes(4, 4)));
    queue.push(Buffer.alloc(0));
    expect(queue.peekJoined(6).equals(bytes(0, 6))).toBe(true);
    expect(queue.length).toBe(8);
    expect(queue.peekJoined(100).equals(bytes(0, 8))).toBe(true);
    expect(queue.length).toBe(8);
    const inOne = queue.takeJoined(3);
    expect(inOne.equals(bytes(0, 3))).toBe(true);
    expect(queue.takeJoined(5).equals(bytes(3, 5))).toBe(true);
    expect(queue.length).toBe(0);
  });
});
