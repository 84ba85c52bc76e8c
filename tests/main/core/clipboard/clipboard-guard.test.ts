/**
 * The clipboard rule on its own (fake timers, an in-memory clipboard): cleared after the hold
 * and on flush, only while it still holds the app's text; a later copy restarts the hold.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CLIPBOARD_HOLD_MS, createClipboardGuard } from '../../../../preload/contract/clipboard-guard';

function memoryClipboard(initial = '') {
  const board = { text: initial, clears: 0 };
  return {
    board,
    access: {
      read: () => board.text,
      clear: () => {
        board.text = '';
        board.clears += 1;
      },
    },
  };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('the clipboard guard', () => {
  it('clears the app’s text 30 seconds after the copy, not before', async () => {
    const { board, access } = memoryClipboard();
    const guard = createClipboardGuard(access);
    board.text = 'Jordan’s address';
    guard.copied(board.text);
    await vi.advanceTimersByTimeAsync(CLIPBOARD_HOLD_MS - 1);
    expect(board.text).toBe('Jordan’s address');
    await vi.advanceTimersByTimeAsync(1);
    expect(board.text).toBe('');
    expect(CLIPBOARD_HOLD_MS).toBe(30_000);
  });

  it('leaves text copied from elsewhere since', async () => {
    const { board, access } = memoryClipboard();
    const guard = createClipboardGuard(access);
    board.text = 'from the app';
    guard.copied(board.text);
    board.text = 'from another program';
    await vi.advanceTimersByTimeAsync(CLIPBOARD_HOLD_MS);
    expect(board.text).toBe('from another program');
    expect(board.clears).toBe(0);
  });

  it('clears at once on flush (the lock), and then has nothing left to do', async () => {
    const { board, access } = memoryClipboard();
    const guard = createClipboardGuard(access);
    board.text = 'a note';
    guard.copied(board.text);
    expect(await guard.flush()).toBe(true);
    expect(board.text).toBe('');
    board.text = 'copied later from elsewhere';
    await vi.advanceTimersByTimeAsync(CLIPBOARD_HOLD_MS);
    expect(await guard.flush()).toBe(false);
    expect(board.text).toBe('copied later from elsewhere');
  });

  it('restarts the hold on a second copy, and guards only the newest text', async () => {
    const { board, access } = memoryClipboard();
    const guard = createClipboardGuard(access);
    board.text = 'first';
    guard.copied('first');
    await vi.advanceTimersByTimeAsync(20_000);
    board.text = 'second';
    guard.copied('second');
    await vi.advanceTimersByTimeAsync(20_000);
    expect(board.text).toBe('second');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(board.text).toBe('');
  });

  it('clears nothing when the clipboard cannot be read, or reading fails', async () => {
    const cleared: string[] = [];
    const unreadable = createClipboardGuard({ read: () => null, clear: () => void cleared.push('x') });
    unreadable.copied('text');
    expect(await unreadable.flush()).toBe(false);
    const failing = createClipboardGuard({
      read: () => Promise.reject(new Error('denied')),
      clear: () => void cleared.push('y'),
    });
    failing.copied('text');
    expect(await failing.flush()).toBe(false);
    expect(cleared).toEqual([]);
  });

  it('forgets on dispose without clearing', async () => {
    const { board, access } = memoryClipboard();
    const guard = createClipboardGuard(access);
    board.text = 'kept';
    guard.copied('kept');
    guard.dispose();
    await vi.advanceTimersByTimeAsync(CLIPBOARD_HOLD_MS);
    expect(board.text).toBe('kept');
  });
});
