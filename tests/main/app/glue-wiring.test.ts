/**
 * The Electron glue files wire the tested policy to Electron's hooks. Electron's main-process
 * modules exist only inside Electron, so here they are recording stand-ins, and the test calls
 * the hooks the glue registered, as Electron would. What Electron itself does with the answers
 * is covered by the Electron e2e driver where a binary exists.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../../preload/contract';

type Fn = (...args: never[]) => unknown;
const registered = vi.hoisted(() => ({
  app: new Map<string, Fn[]>(),
  power: new Map<string, Fn[]>(),
  ipc: new Map<string, Fn>(),
  protocols: new Map<string, Fn>(),
  schemes: [] as unknown[],
}));
const on = (map: Map<string, Fn[]>) => (event: string, fn: Fn) => map.set(event, [...(map.get(event) ?? []), fn]);

vi.mock('electron', () => ({
  app: { on: on(registered.app) },
  powerMonitor: { on: on(registered.power) },
  ipcMain: {
    handle: (channel: string, fn: Fn) => registered.ipc.set(channel, fn),
    removeHandler: (channel: string) => registered.ipc.delete(channel),
  },
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => registered.schemes.push(...schemes),
    handle: (scheme: string, fn: Fn) => registered.protocols.set(scheme, fn),
  },
}));

const { hardenSession, guardWebContents } = await import('../../../main/app/harden-session');
const { registerIpcHandlers, sendEventToWindow } = await import('../../../main/app/ipc');
const { installLockTriggers } = await import('../../../main/app/lock-triggers');
const { registerAppScheme, serveAppProtocol } = await import('../../../main/app/protocol');

function fakeSession() {
  const hooks: Record<string, Fn> = {};
  const session = {
    webRequest: { onBeforeRequest: (fn: Fn) => (hooks.beforeRequest = fn) },
    setPermissionRequestHandler: (fn: Fn) => (hooks.permissionRequest = fn),
    setPermissionCheckHandler: (fn: Fn) => (hooks.permissionCheck = fn),
    setDevicePermissionHandler: (fn: Fn) => (hooks.devicePermission = fn),
    setDisplayMediaRequestHandler: (fn: Fn) => (hooks.displayMedia = fn),
    setSpellCheckerEnabled: (enabled: boolean) => (hooks.spellcheck = () => enabled),
    on: (event: string, fn: Fn) => (hooks[event] = fn),
  };
  return { session, hooks };
}

function fakeContents() {
  const hooks = new Map<string, Fn>();
  let windowOpen: Fn | null = null;
  let webrtc = '';
  const contents = {
    on: (event: string, fn: Fn) => hooks.set(event, fn),
    setWindowOpenHandler: (fn: Fn) => (windowOpen = fn),
    setWebRTCIPHandlingPolicy: (policy: string) => (webrtc = policy),
    send: vi.fn(),
  };
  return { contents, hooks, windowOpen: () => windowOpen, webrtc: () => webrtc };
}

function navigationEvent(url: string) {
  return { url, preventDefault: vi.fn() };
}

describe('hardenSession', () => {
  it('cancels every request off the app protocol and denies every permission', () => {
    const { session, hooks } = fakeSession();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    hardenSession(session as never, { allowDevTools: false });
    const decide = (url: string) => {
      let answer: unknown;
      hooks.beforeRequest?.({ url } as never, ((r: unknown) => (answer = r)) as never);
      return answer;
    };
    expect(decide('app://ncats/index.html')).toEqual({ cancel: false });
    expect(decide('https://example.org/')).toEqual({ cancel: true });
    expect(decide('http://127.0.0.1:9222/')).toEqual({ cancel: true });
    expect(decide('file:///etc/passwd')).toEqual({ cancel: true });

    let granted: unknown = 'unset';
    hooks.permissionRequest?.({} as never, 'media' as never, ((g: boolean) => (granted = g)) as never);
    expect(granted).toBe(false);
    expect(hooks.permissionCheck?.()).toBe(false);
    expect(hooks.devicePermission?.()).toBe(false);
    let streams: unknown = 'unset';
    hooks.displayMedia?.({} as never, ((s: unknown) => (streams = s)) as never);
    expect(streams).toBeNull();
    expect(hooks.spellcheck?.()).toBe(false);
    const tryDownload = (url: string) => {
      const event = { preventDefault: vi.fn() };
      hooks['will-download']?.(event as never, { getURL: () => url } as never);
      return event.preventDefault.mock.calls.length === 0;
    };
    expect(tryDownload('https://example.org/file.exe')).toBe(false);
    expect(tryDownload('app://ncats/index.html')).toBe(false);
    expect(tryDownload('app://ncats/documents/abc')).toBe(false);
    expect(tryDownload('app://ncats/documents/abc?disposition=attachment')).toBe(true);
    expect(tryDownload('app://ncats/bundles/123')).toBe(true);
    expect(tryDownload('app://evil/bundles/123')).toBe(false);
  });
});

describe('guardWebContents', () => {
  it('stops navigation off the app, new windows, webviews, and non-proxied WebRTC', () => {
    const fake = fakeContents();
    guardWebContents(fake.contents as never);
    for (const hook of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      const away = navigationEvent('https://example.org/');
      fake.hooks.get(hook)?.(away as never);
      expect(away.preventDefault, hook).toHaveBeenCalled();
      const home = navigationEvent('app://ncats/index.html');
      fake.hooks.get(hook)?.(home as never);
      expect(home.preventDefault, hook).not.toHaveBeenCalled();
    }
    const webview = navigationEvent('');
    fake.hooks.get('will-attach-webview')?.(webview as never);
    expect(webview.preventDefault).toHaveBeenCalled();
    expect(fake.windowOpen()?.()).toEqual({ action: 'deny' });
    expect(fake.webrtc()).toBe('disable_non_proxied_udp');
  });
});

describe('registerIpcHandlers', () => {
  const router = vi.fn((channel: string) => Promise.resolve({ ok: true, value: channel }));
  const mainContents = fakeContents().contents;
  const mainWindow = { isDestroyed: () => false, webContents: mainContents };
  const topFrame = { url: 'app://ncats/index.html', parent: null };

  beforeEach(() => router.mockClear());

  it('registers exactly the contract channels, and removes them again', () => {
    const remove = registerIpcHandlers(router as never, () => mainWindow as never);
    expect([...registered.ipc.keys()].sort()).toEqual([...CHANNELS].sort());
    remove();
    expect(registered.ipc.size).toBe(0);
  });

  it('routes calls from the app page and refuses every other sender', async () => {
    registerIpcHandlers(router as never, () => mainWindow as never);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const call = (event: unknown) => registered.ipc.get('vault:status')?.(event as never, {} as never);

    await expect(call({ sender: mainContents, senderFrame: topFrame })).resolves.toEqual({
      ok: true,
      value: 'vault:status',
    });
    expect(router).toHaveBeenCalledTimes(1);

    const refused = [
      { sender: fakeContents().contents, senderFrame: topFrame },
      { sender: mainContents, senderFrame: { url: 'app://ncats/index.html', parent: topFrame } },
      { sender: mainContents, senderFrame: { url: 'https://example.org/', parent: null } },
      { sender: mainContents, senderFrame: null },
    ];
    for (const event of refused) {
      const result = (await call(event)) as { ok: boolean; error?: { code: string } };
      expect(result.ok).toBe(false);
      expect(result.error?.code).toBe('FORBIDDEN');
    }
    expect(router).toHaveBeenCalledTimes(1);
  });

  it('refuses everything once the window is gone', async () => {
    registerIpcHandlers(router as never, () => null);
    const result = (await registered.ipc.get('vault:status')?.(
      { sender: mainContents, senderFrame: topFrame } as never,
      {} as never,
    )) as { ok: boolean };
    expect(result.ok).toBe(false);
    expect(router).not.toHaveBeenCalled();
  });

  it('sends core events on event:<name>, and not to a destroyed window', () => {
    const contents = fakeContents().contents;
    sendEventToWindow({ isDestroyed: () => false, webContents: contents } as never, 'vault:locked', { reason: 'idle' });
    expect(contents.send).toHaveBeenCalledWith('event:vault:locked', { reason: 'idle' });
    const gone = fakeContents().contents;
    sendEventToWindow({ isDestroyed: () => true, webContents: gone } as never, 'vault:locked', { reason: 'idle' });
    expect(gone.send).not.toHaveBeenCalled();
  });
});

describe('installLockTriggers', () => {
  it('locks on OS lock, user switch, suspend and shutdown, and disposes before quit', () => {
    const manager = { lock: vi.fn(), dispose: vi.fn() };
    installLockTriggers(manager);
    const fire = (map: Map<string, Fn[]>, event: string) => map.get(event)?.forEach((fn) => fn());
    fire(registered.power, 'lock-screen');
    fire(registered.power, 'user-did-resign-active');
    fire(registered.power, 'suspend');
    fire(registered.power, 'shutdown');
    expect(manager.lock.mock.calls).toEqual([['os-lock'], ['os-lock'], ['suspend'], ['shutdown']]);
    fire(registered.app, 'before-quit');
    expect(manager.dispose).toHaveBeenCalledTimes(1);
  });
});

describe('app protocol', () => {
  it('registers app: as a standard, secure, fetchable, streaming scheme, and serves it', () => {
    registerAppScheme();
    expect(registered.schemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
    ]);
    serveAppProtocol({ rendererRoot: '/nonexistent' });
    expect(registered.protocols.has('app')).toBe(true);
  });
});
