import { describe, expect, it } from 'vitest';
import { CHANNELS, EVENTS, contract, createApi, type Channel, type EventName } from '../../../preload/contract';

function recordingApi() {
  const calls: { channel: Channel; input: unknown }[] = [];
  const subscriptions: { event: EventName; listener: (payload: unknown) => void }[] = [];
  let unsubscribed = 0;
  const api = createApi(
    (channel, input) => {
      calls.push({ channel, input });
      return Promise.resolve({ ok: true, value: channel });
    },
    (event, listener) => {
      subscriptions.push({ event, listener });
      return () => {
        unsubscribed += 1;
      };
    },
  );
  return { api, calls, subscriptions, unsubscribedCount: () => unsubscribed };
}

describe('createApi', () => {
  it('has exactly one function per contract channel, plus on', () => {
    const { api } = recordingApi();
    expect(CHANNELS.length).toBe(Object.keys(contract).length);
    expect(Object.keys(api).sort()).toEqual([...CHANNELS, 'on'].sort());
    for (const channel of CHANNELS)
      expect(typeof (api as unknown as Record<string, unknown>)[channel]).toBe('function');
  });

  it('forwards each call to invoke with its own channel name and input', async () => {
    const { api, calls } = recordingApi();
    const result = await api['vault:unlock']({ username: 'ann', password: 'x' });
    expect(result).toEqual({ ok: true, value: 'vault:unlock' });
    await api['vault:status']({});
    expect(calls).toEqual([
      { channel: 'vault:unlock', input: { username: 'ann', password: 'x' } },
      { channel: 'vault:status', input: {} },
    ]);
  });

  it('sends {} when a call is made with no input', async () => {
    const { api, calls } = recordingApi();
    await (api['vault:status'] as unknown as () => Promise<unknown>)();
    expect(calls[0]?.input).toEqual({});
  });

  it('subscribes to known events and returns the unsubscribe function', () => {
    const { api, subscriptions, unsubscribedCount } = recordingApi();
    const seen: unknown[] = [];
    for (const event of EVENTS) {
      const off = api.on(event, (payload) => seen.push(payload));
      subscriptions.at(-1)?.listener({ reason: 'idle' });
      off();
    }
    expect(subscriptions.map((s) => s.event)).toEqual(EVENTS);
    expect(seen).toEqual(EVENTS.map(() => ({ reason: 'idle' })));
    expect(unsubscribedCount()).toBe(EVENTS.length);
  });

  it('refuses events that are not in EVENTS, and non-function listeners', () => {
    const { api, subscriptions } = recordingApi();
    const on = api.on as unknown as (event: string, listener: unknown) => () => void;
    for (const name of ['vault:status', 'event:vault:locked', '__proto__', 'constructor', '']) {
      expect(() => on(name, () => undefined)).toThrow(/Unknown event/);
    }
    expect(() => on('vault:locked', 'not a function')).toThrow(/must be a function/);
    expect(subscriptions).toHaveLength(0);
  });

  it('is frozen, so the renderer cannot swap a channel for its own function', () => {
    const { api } = recordingApi();
    expect(Object.isFrozen(api)).toBe(true);
  });
});
