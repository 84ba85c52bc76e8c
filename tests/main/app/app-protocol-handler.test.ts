import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleAppRequest } from '../../../main/app/app-protocol-handler';
import { CONTENT_SECURITY_POLICY } from '../../../main/app/session-policy';

// A real renderer folder on disk, with a secret file beside it that must never be served.
let dir: string;
let rendererRoot: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ncats-protocol-'));
  rendererRoot = path.join(dir, 'renderer');
  mkdirSync(path.join(rendererRoot, 'assets'), { recursive: true });
  writeFileSync(path.join(rendererRoot, 'index.html'), '<!doctype html><title>NCATS</title>');
  writeFileSync(path.join(rendererRoot, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(path.join(dir, 'secret.txt'), 'vault key');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => handleAppRequest(new Request(url, { method }), { rendererRoot });

describe('handleAppRequest', () => {
  it('serves index.html at the root with the CSP', async () => {
    const res = await get('app://ncats/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('<title>NCATS</title>');
  });

  it('serves assets with their content type, and HEAD without a body', async () => {
    const res = await get('app://ncats/assets/app.js');
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await res.text()).toBe('console.log(1)');
    const head = await get('app://ncats/assets/app.js', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it.each(['app://ncats/%2e%2e/secret.txt', 'app://ncats/assets/..%2f..%2fsecret.txt', 'app://ncats/..%5csecret.txt'])(
    'never serves a file outside the renderer: %s',
    async (url) => {
      // Request (like Chromium) folds %2e%2e into the path before the handler sees it, so the
      // folded form is a 404 inside the root; the encoded separators are refused outright (400).
      const res = await get(url);
      expect([400, 404]).toContain(res.status);
      expect(await res.text()).not.toContain('vault key');
    },
  );

  it('answers 404 for missing files, other hosts and directories, always with the CSP', async () => {
    for (const url of ['app://ncats/missing.js', 'app://evil/index.html', 'app://ncats/assets']) {
      const res = await get(url);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await get('app://ncats/index.html', 'POST')).status).toBe(405);
  });

  it('routes the documents path to the stream server when there is one', async () => {
    const url = 'app://ncats/documents/abc';
    expect((await get(url)).status).toBe(404);
    const res = await handleAppRequest(new Request(url), {
      rendererRoot,
      serveStream: (req) => Promise.resolve(new Response(`stream of ${new URL(req.url).pathname}`)),
    });
    expect(await res.text()).toBe('stream of /documents/abc');
  });
});
