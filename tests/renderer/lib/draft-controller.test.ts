import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApi, type Api, type Channel } from '../../../preload/contract';
import { createCore, type Core } from '../../../main/core/core';
import { scryptParams } from '../../../main/core/vault/kdf';
import { DRAFT_AUTOSAVE_MS, DraftController, type DraftInputs } from '../../../renderer/lib/draft-controller';
import { enqueueDraftCall, flushDrafts, registerDraftFlush } from '../../../renderer/lib/draft-queue';
import { useSessionStore } from '../../../renderer/stores/session';

/*
 * The autosave behind useDraft, against the real core on a real vault: `window.api` is built
 * from the contract and routed into the core's router, as the browser host does over HTTP.
 */

interface Form {
  text: string;
  sensitive: boolean;
}

let dir: string;
let core: Core;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ncats-draft-controller-'));
  core = createCore(join(dir, 'vault'), { vault: { kdf: scryptParams(2 ** 14) } });
  const { user } = await core.manager.create({
    username: 'admin',
    displayName: 'Ada Admin',
    password: 'correct horse battery',
  });
  const api: Api = createApi(
    (channel: Channel, input: unknown) => core.router(channel, input),
    () => () => undefined,
  );
  vi.stubGlobal('window', { api });
  useSessionStore.setState({ user });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  useSessionStore.setState({ user: null });
  core.manager.dispose();
  rmSync(dir, { recursive: true, force: true });
});

function inputs(state: Form, onRestore: (s: Form) => void = () => undefined): DraftInputs<Form> {
  return {
    key: 'referral:new',
    caseId: null,
    title: 'New referral',
    state,
    onRestore,
    enabled: true,
    restore: true,
    baseVersion: null,
  };
}

async function kept(): Promise<unknown> {
  const r = await core.router('draft:get', { key: 'referral:new' });
  return r.ok ? ((r.value as { state: unknown } | null)?.state ?? null) : r.error;
}

/** Let the queued calls (promises, not timers) run to the end. */
async function settle(): Promise<void> {
  await enqueueDraftCall(() => Promise.resolve());
}

describe('DraftController', () => {
  it('keeps nothing for an untouched form, saves after the debounce, and removes the draft once submitted', async () => {
    vi.useFakeTimers();
    const shown = vi.fn();
    const c = new DraftController<Form>(shown);
    c.update(inputs({ text: '', sensitive: false }));
    c.changed();
    await vi.advanceTimersByTimeAsync(DRAFT_AUTOSAVE_MS * 2);
    expect(await kept()).toBeNull();

    c.update(inputs({ text: 'Half a sentence', sensitive: false }));
    c.changed();
    await vi.advanceTimersByTimeAsync(DRAFT_AUTOSAVE_MS - 100);
    expect(await kept()).toBeNull();
    await vi.advanceTimersByTimeAsync(200);
    await settle();
    expect(await kept()).toEqual({ form: { text: 'Half a sentence', sensitive: false }, baseVersion: null });
    expect(shown).toHaveBeenLastCalledWith(expect.objectContaining({ savedAt: expect.any(String), error: null }));

    await c.remove('submitted');
    expect(await kept()).toBeNull();
  });

  it('is flushed at once by a user-initiated lock, and sends nothing once no one is signed in', async () => {
    const c = new DraftController<Form>(() => undefined);
    c.update(inputs({ text: '', sensitive: false }));
    const unmount = c.mount();
    c.update(inputs({ text: 'Typed just before Ctrl+L', sensitive: true }));
    c.changed();
    await flushDrafts();
    expect(await kept()).toMatchObject({ form: { text: 'Typed just before Ctrl+L' } });

    // Locked: the stores are reset (no user) and the form unmounts; nothing more is sent.
    useSessionStore.setState({ user: null });
    c.update(inputs({ text: 'Typed after the lock', sensitive: true }));
    unmount();
    await settle();
    expect(await kept()).toMatchObject({ form: { text: 'Typed just before Ctrl+L' } });
  });

  it('fills a form that opens untouched from its draft, keeping fields the draft does not have', async () => {
    await core.router('draft:save', {
      key: 'referral:new',
      caseId: null,
      title: 'New referral',
      state: { form: { text: 'Kept' }, baseVersion: null },
    });
    const restored = vi.fn();
    const c = new DraftController<Form>(() => undefined);
    c.update(inputs({ text: '', sensitive: false }, restored));
    c.restoreOnOpen();
    await settle();
    expect(restored).toHaveBeenCalledWith({ text: 'Kept', sensitive: false });
  });

  it('a lock does not wait for ever on a save that hangs', async () => {
    vi.useFakeTimers();
    const unregister = registerDraftFlush(() => new Promise(() => undefined));
    const flushed = vi.fn();
    void flushDrafts(3000).then(flushed);
    await vi.advanceTimersByTimeAsync(2900);
    expect(flushed).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(200);
    expect(flushed).toHaveBeenCalled();
    unregister();
  });
});
