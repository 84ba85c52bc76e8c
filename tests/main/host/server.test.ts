import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBrowserHost, type BrowserHost } from '../../host/server';
import { scryptParams } from '../../../main/core/vault/kdf';
import { CHANNELS } from '../../../preload/contract';
import { CONTENT_SECURITY_POLICY } from '../../../main/app/session-policy';

let root: string;
let host: BrowserHost;

beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), 'ncats-host-'));
  const rendererDir = join(root, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(
    join(rendererDir, 'index.html'),
    '<!doctype html><html><head><title>t</title></head><body></body></html>',
  );
  writeFileSync(join(rendererDir, 'app.js'), 'console.log(1)');
  writeFileSync(join(root, 'secret.txt'), 'outside the renderer');
  host = await startBrowserHost({ vaultDir: join(root, 'vault'), rendererDir, kdf: scryptParams(2 ** 14) });
});

afterEach(async () => {
  await host.close();
  rmSync(root, { recursive: true, force: true });
});

function ipc(channel: string, body: unknown, headers: Record<string, string> = { 'x-ncats-token': host.token }) {
  return fetch(`${host.origin}/ipc/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

describe('browser host', () => {
  it('binds to loopback only and serves the page with the bridge first and a CSP', async () => {
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(host.url);
    const html = await res.text();
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(html.indexOf('__host/bridge.js')).toBeLessThan(html.indexOf('<title>'));
  });

  it("sends the Electron shell's own CSP, exactly, with the page and with every renderer file", async () => {
    // One definition: the no-network e2e spec (tests/e2e/no-network.spec.ts) proves this policy
    // blocks every kind of request in Chromium, so it must be the one Electron sends too.
    for (const url of [host.url, `${host.origin}/index.html`, `${host.origin}/app.js`]) {
      const res = await fetch(url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it('routes IPC into the real core with the token', async () => {
    const res = await ipc('vault:status', {});
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, value: { state: 'absent' } });
  });

  it('refuses IPC without the token, with a wrong token, or from another origin', async () => {
    expect((await ipc('vault:status', {}, {})).status).toBe(403);
    expect((await ipc('vault:status', {}, { 'x-ncats-token': 'x'.repeat(32) })).status).toBe(403);
    expect((await ipc('vault:status', {}, { 'x-ncats-token': host.token, origin: 'http://evil.example' })).status).toBe(
      403,
    );
    expect((await fetch(`${host.origin}/__host/events`)).status).toBe(403);
  });

  it('returns the router errors for unknown channels and bad input', async () => {
    expect(await (await ipc('nope:nothing', {})).json()).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL' },
    });
    expect(await (await ipc('vault:unlock', { username: 5 })).json()).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });

  it('does not serve files outside the renderer folder', async () => {
    expect((await fetch(`${host.origin}/app.js`)).status).toBe(200);
    expect((await fetch(`${host.origin}/..%2fsecret.txt`)).status).toBe(404);
    expect((await fetch(`${host.origin}/%2e%2e/secret.txt`)).status).toBe(404);
  });

  it('the injected bridge covers every channel in the contract', async () => {
    const script = await (await fetch(`${host.origin}/__host/bridge.js`)).text();
    for (const channel of CHANNELS) expect(script).toContain(JSON.stringify(channel));
  });
});
