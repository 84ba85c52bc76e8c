/**
 * The one byte-route table: a route added to it (here a throwaway "tally" module registered
 * only in this test) is served by the app:// protocol and by the browser host, neither of them
 * edited, and both refuse a read-only or locked session through the router's own access rule.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handleAppRequest } from '../../../../main/app/app-protocol-handler';
import { isAllowedDownloadUrl } from '../../../../main/app/session-policy';
import { createStreamServer } from '../../../../main/app/stream-routes';
import { matchByteRoute, type ByteRoute } from '../../../../main/core/routes/byte-route';
import { BYTE_ROUTES } from '../../../../main/core/routes/table';
import { scryptParams } from '../../../../main/core/vault/kdf';
import { CASE_WRITERS } from '../../../../preload/contract/define';
import { startBrowserHost, type BrowserHost } from '../../../host/server';
import { ADMIN, READER } from '../temp-vault';

/** A module's routes, contributed from "its own folder": nothing else knows about them. */
const tallyRoutes: readonly ByteRoute[] = [
  {
    method: 'POST',
    path: 'tallies/upload',
    access: CASE_WRITERS,
    forbiddenMessage: 'Your role does not allow adding tallies.',
    handle: async ({ request, json }) =>
      json(201, { ok: true, value: { size: (await request.arrayBuffer()).byteLength } }),
  },
  {
    method: 'GET',
    path: 'tallies/*name',
    access: CASE_WRITERS,
    forbiddenMessage: 'Your role does not allow reading tallies.',
    isDownload: () => true,
    handle: ({ vault, params }) =>
      new Response(`tally ${params.name} for ${vault.user.username}`, {
        headers: { 'content-type': 'text/plain; charset=utf-8', 'x-tally': 'yes' },
      }),
  },
];
const ROUTES = [...BYTE_ROUTES, ...tallyRoutes];
const REFERRAL = {
  referralDate: '2026-01-12',
  youngPerson: { givenName: 'Sam', familyName: 'Testcase', dateOfBirth: '2012-05-01' },
};

let root: string;
let rendererDir: string;
let host: BrowserHost;

beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), 'ncats-byte-routes-'));
  rendererDir = join(root, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
  host = await startBrowserHost({
    vaultDir: join(root, 'vault'),
    rendererDir,
    kdf: scryptParams(2 ** 14),
    byteRoutes: ROUTES,
  });
  expect((await host.core.router('vault:create', ADMIN)).ok).toBe(true);
});

afterEach(async () => {
  await host.close();
  rmSync(root, { recursive: true, force: true });
});

/** The Electron door: app://ncats/ through the real protocol handler, on the host's own core. */
function viaApp(path: string, init?: RequestInit): Promise<Response> {
  return handleAppRequest(new Request(`app://ncats/${path}`, init), {
    rendererRoot: rendererDir,
    serveStream: createStreamServer(host.core, ROUTES),
  });
}

/** The browser-host door, with the token where the host expects it (query for GET, header for POST). */
function viaHost(path: string, init: RequestInit = {}): Promise<Response> {
  const post = init.method === 'POST';
  const url = `${host.origin}/${path}${post ? '' : `?token=${host.token}`}`;
  return fetch(url, post ? { ...init, headers: { 'x-ncats-token': host.token } } : init);
}

const upload = (): RequestInit => ({ method: 'POST', body: 'twelve bytes', duplex: 'half' }) as RequestInit;

describe('the byte-route table', () => {
  it('serves a route added to the table on both doors, neither of them edited', async () => {
    for (const door of [viaApp, viaHost]) {
      const got = await door('tallies/2026/spring');
      expect(got.status).toBe(200);
      expect(got.headers.get('x-tally')).toBe('yes');
      expect(await got.text()).toBe('tally 2026/spring for admin');
      const sent = await door('tallies/upload', upload());
      expect(sent.status).toBe(201);
      expect(await sent.json()).toEqual({ ok: true, value: { size: 12 } });
    }
    // The path belongs to the upload route, so GET is the wrong method rather than a tally
    // (the host asks for the upload route's token, in the header, first).
    expect((await viaApp('tallies/upload')).status).toBe(405);
    const getUpload = await fetch(`${host.origin}/tallies/upload`, { headers: { 'x-ncats-token': host.token } });
    expect(getUpload.status).toBe(405);
    // The host's token check covers the new route too.
    expect((await fetch(`${host.origin}/tallies/x`)).status).toBe(403);
    // The shell's download policy comes from the same table.
    expect(isAllowedDownloadUrl('app://ncats/tallies/x', ROUTES)).toBe(true);
    expect(isAllowedDownloadUrl('app://ncats/tallies/upload', ROUTES)).toBe(false);
    expect(isAllowedDownloadUrl('app://ncats/tallies/x')).toBe(false);
  });

  it('refuses a read-only and a locked session by the router’s own rule, on both doors', async () => {
    expect((await host.core.router('user:create', READER)).ok).toBe(true);
    const signIn = { username: READER.username, password: READER.password };
    expect((await host.core.router('vault:unlock', signIn)).ok).toBe(true);
    const channelRefusal = await host.core.router('case:create', REFERRAL);
    for (const door of [viaApp, viaHost]) {
      const read = await door('tallies/x');
      expect(read.status).toBe(403);
      expect(await read.json()).toEqual({
        ok: false,
        error: { code: 'FORBIDDEN', message: 'Your role does not allow reading tallies.' },
      });
      const sent = await door('tallies/upload', upload());
      expect(sent.status).toBe(403);
      expect(await sent.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
      // The core's own routes too: a reader may not take a bundle or add a document.
      expect((await door('bundles/00000000-0000-4000-8000-000000000000')).status).toBe(403);
    }
    expect(channelRefusal).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    host.core.manager.lock('explicit');
    const lockedChannel = await host.core.router('case:create', REFERRAL);
    expect(lockedChannel).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    for (const door of [viaApp, viaHost]) {
      const locked = await door('tallies/x');
      expect(locked.status).toBe(401);
      expect(await locked.json()).toEqual({ ok: false, error: lockedChannel.ok ? null : lockedChannel.error });
    }
  });

  it('gives each path one owner: literals listed first, `*` taking the rest with its slashes', () => {
    const owner = (path: string) => {
      const match = matchByteRoute(BYTE_ROUTES, path);
      return match && `${match.route.method} ${match.route.path} ${JSON.stringify(match.rawParams)}`;
    };
    expect(owner('/documents/upload')).toBe('POST documents/upload {}');
    expect(owner('/documents/abc')).toBe('GET documents/*documentId {"documentId":"abc"}');
    expect(owner('/bundles/upload')).toBe('POST bundles/upload {}');
    expect(owner('/reports/c1/chronology.pdf')).toBe('GET reports/*reportPath {"reportPath":"c1/chronology.pdf"}');
    for (const path of ['/documents/', '/documents', '/index.html', '/ipc/case:list']) expect(owner(path)).toBeNull();
    const paths = BYTE_ROUTES.map((r) => r.path);
    expect(new Set(paths).size).toBe(paths.length);
  });
});
