/**
 * `clipboard:copied` through the router of a real core on a real vault, with the shell's
 * clipboard an in-memory one (Electron's `clipboard` module has the same two calls): cleared
 * after the hold, cleared on lock (and on quit), another program's text left alone, and
 * `guarded: false` where the shell has no clipboard (the browser host).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
import { laptop, type Laptop } from '../bundles/app-fixtures';
import { tempDirs } from '../temp-vault';

const dirs = tempDirs('ncats-clipboard-');
const open: Laptop[] = [];
afterEach(() => {
  for (const l of open.splice(0)) l.core.manager.dispose();
  dirs.cleanup();
});

async function withClipboard(holdMs: number) {
  const board = { text: '' };
  const clipboard = { readText: () => Promise.resolve(board.text), clear: () => void (board.text = '') };
  const l = await laptop(dirs.make(), 'ada', 'Ada Admin', { shell: { clipboard }, clipboardHoldMs: holdMs });
  open.push(l);
  return { l, board };
}

describe('clipboard:copied', () => {
  it('clears what the app copied after the hold', async () => {
    const { l, board } = await withClipboard(200);
    board.text = 'Sam Testcase, 01/05/2012';
    expect(await l.call('clipboard:copied', {})).toEqual({ guarded: true });
    await sleep(400);
    expect(board.text).toBe('');
  });

  it('clears it at once when the vault locks', async () => {
    const { l, board } = await withClipboard(60_000);
    board.text = 'a case note';
    await l.call('clipboard:copied', {});
    await l.call('vault:lock', {});
    await sleep(20);
    expect(board.text).toBe('');
  });

  it('leaves what the user copied from elsewhere since', async () => {
    const { l, board } = await withClipboard(60_000);
    board.text = 'a case note';
    await l.call('clipboard:copied', {});
    board.text = 'a shopping list';
    await l.call('vault:lock', {});
    await sleep(20);
    expect(board.text).toBe('a shopping list');
  });

  it('works before sign-in (the recovery key is copied on the first-run screen)', async () => {
    const { l, board } = await withClipboard(200);
    await l.call('vault:lock', {});
    board.text = 'ABCD-EFGH';
    expect(await l.call('clipboard:copied', {})).toEqual({ guarded: true });
    await sleep(400);
    expect(board.text).toBe('');
  });

  it('says guarded: false where the shell has no clipboard (the browser host)', async () => {
    const l = await laptop(dirs.make(), 'ada', 'Ada Admin');
    open.push(l);
    expect(await l.call('clipboard:copied', {})).toEqual({ guarded: false });
  });
});
