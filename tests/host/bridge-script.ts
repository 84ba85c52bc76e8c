import { CHANNELS, EVENTS } from '../../preload/contract';

/**
 * The script the browser host injects before the renderer's own code. It gives the page the
 * same `window.api` the Electron preload gives it, built from the contract's channel and event
 * lists, but carried over loopback HTTP: calls become `POST /ipc/<channel>` with the per-launch
 * token, events arrive over one Server-Sent Events stream.
 */
export function bridgeScript(): string {
  return `(() => {
  'use strict';
  const CHANNELS = ${JSON.stringify(CHANNELS)};
  const EVENTS = ${JSON.stringify(EVENTS)};
  const params = new URLSearchParams(location.search);
  const token = params.get('token') || sessionStorage.getItem('ncats-host-token') || '';
  sessionStorage.setItem('ncats-host-token', token);
  const unavailable = { ok: false, error: { code: 'INTERNAL', message: 'The app could not reach its background service. Restart it.' } };
  const api = {};
  for (const channel of CHANNELS) {
    api[channel] = async (input) => {
      try {
        const res = await fetch('/ipc/' + encodeURIComponent(channel), {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-ncats-token': token },
          body: JSON.stringify(input === undefined ? {} : input),
        });
        if (!res.ok) return unavailable;
        return await res.json();
      } catch {
        return unavailable;
      }
    };
  }
  const listeners = new Map();
  let source = null;
  api.on = (event, listener) => {
    if (!EVENTS.includes(event)) throw new Error('Unknown event: ' + event);
    if (!source) {
      source = new EventSource('/__host/events?token=' + encodeURIComponent(token));
      for (const name of EVENTS) {
        source.addEventListener(name, (e) => {
          const payload = JSON.parse(e.data);
          for (const l of listeners.get(name) || []) l(payload);
        });
      }
    }
    if (!listeners.has(event)) listeners.set(event, new Set());
    listeners.get(event).add(listener);
    return () => listeners.get(event).delete(listener);
  };
  api.transportToken = token;
  Object.freeze(api);
  Object.defineProperty(window, 'api', { value: api, writable: false, configurable: false });
})();
`;
}
