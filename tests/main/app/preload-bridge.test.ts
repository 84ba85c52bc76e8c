/**
 * preload/index.ts against a recording stand-in for Electron's contextBridge and ipcRenderer
 * (the real ones exist only inside an Electron renderer). Checks what the bridge exposes and
 * what it sends; the real round trip is covered by the Electron e2e driver where it can run.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS, type Api } from '../../../preload/contract';

type Listener = (event: unknown, payload: unknown) => void;
const exposed = new Map<string, unknown>();
const listeners = new Map<string, Listener[]>();
const invoked: { channel: string; input: unknown }[] = [];

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value),
  },
  ipcRenderer: {
    invoke: (channel: string, input: unknown) => {
      invoked.push({ channel, input });
      return Promise.resolve({ ok: true, value: null });
    },
    on: (channel: string, listener: Listener) => {
      listeners.set(channel, [...(listeners.get(channel) ?? []), listener]);
    },
    removeListener: (channel: string, listener: Listener) => {
      listeners.set(
        channel,
        (listeners.get(channel) ?? []).filter((l) => l !== listener),
      );
    },
  },
}));

let api: Api;
beforeAll(async () => {
  await import('../../../preload/index');
  api = exposed.get('api') as Api;
});

describe('preload bridge', () => {
  it('exposes only window.api, with one function per channel plus on', () => {
    expect([...exposed.keys()]).toEqual(['api']);
    expect(Object.keys(api).sort()).toEqual([...CHANNELS, 'on'].sort());
  });

  it('invokes the channel of the same name with the input as given', async () => {
    await api['vault:unlock']({ username: 'ann', password: 'pw' });
    expect(invoked.at(-1)).toEqual({ channel: 'vault:unlock', input: { username: 'ann', password: 'pw' } });
  });

  it('delivers events from event:<name> without the IPC event object, and unsubscribes', () => {
    const seen: unknown[] = [];
    const off = api.on('vault:locked', (payload) => seen.push(payload));
    const [listener] = listeners.get('event:vault:locked') ?? [];
    listener?.({ sender: 'ipc internals' }, { reason: 'idle' });
    expect(seen).toEqual([{ reason: 'idle' }]);
    off();
    expect(listeners.get('event:vault:locked')).toEqual([]);
  });

  it('refuses to subscribe to anything that is not a declared event', () => {
    const on = api.on as unknown as (name: string, listener: () => void) => void;
    expect(() => on('vault:unlock', () => undefined)).toThrow(/Unknown event/);
    expect(listeners.has('event:vault:unlock')).toBe(false);
  });
});
