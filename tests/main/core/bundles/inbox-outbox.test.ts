/**
 * The vault's inbox and outbox: names only from UUIDs, uploads written whole or not at all,
 * stale files swept after a day, and the browser host's bundle routes requiring the token.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { boxPath, receiveIntoInbox, sweepBundleFiles } from '../../../../main/core/bundles/bundle-files';
import { scryptParams } from '../../../../main/core/vault/kdf';
import { startBrowserHost, type BrowserHost } from '../../../host/server';
import { tempDirs } from '../temp-vault';
import { BASIS } from './app-fixtures';

const dirs = tempDirs('ncats-bundle-boxes-');
afterEach(() => dirs.cleanup());

const DAY = 24 * 60 * 60 * 1000;

describe('inbox and outbox files', () => {
  it('builds paths only from UUIDs', () => {
    const dir = dirs.make();
    const id = '6f1c0a52-3b7e-4d2a-9c1e-0a1b2c3d4e5f';
    expect(boxPath(dir, 'outbox', id)).toBe(join(dir, 'outbox', `${id}.ncatsbundle`));
    for (const bad of ['../vault', `${id}/../x`, id.toUpperCase(), '', 'a.ncatsbundle'])
      expect(() => boxPath(dir, 'inbox', bad)).toThrow(/Not a valid bundle id/);
  });

  it('writes an upload whole or not at all, and refuses an empty or oversized one', async () => {
    const dir = dirs.make();
    const got = await receiveIntoInbox(dir, Readable.from([Buffer.from('age-encryption.org/v1\n')]), 1000);
    expect(readdirSync(join(dir, 'inbox'))).toEqual([`${got.id}.ncatsbundle`]);
    await expect(receiveIntoInbox(dir, Readable.from([Buffer.alloc(0)]), 1000)).rejects.toThrow(/empty/);
    await expect(receiveIntoInbox(dir, Readable.from([Buffer.alloc(600), Buffer.alloc(600)]), 1000)).rejects.toThrow(
      /larger/,
    );
    const failing = new Readable({
      read() {
        this.destroy(new Error('client went away'));
      },
    });
    await expect(receiveIntoInbox(dir, failing, 1000)).rejects.toThrow(/went away/);
    expect(readdirSync(join(dir, 'inbox'))).toEqual([`${got.id}.ncatsbundle`]);
  });

  it('sweeps files older than a day from both boxes, partial uploads included, and keeps fresh ones', () => {
    const dir = dirs.make();
    const now = Date.now();
    const make = (box: string, name: string, ageMs: number) => {
      mkdirSync(join(dir, box), { recursive: true });
      const file = join(dir, box, name);
      writeFileSync(file, 'x');
      const t = (now - ageMs) / 1000;
      utimesSync(file, t, t);
      return file;
    };
    const oldOut = make('outbox', 'a.ncatsbundle', DAY + 60_000);
    const newOut = make('outbox', 'b.ncatsbundle', 60_000);
    const oldIn = make('inbox', 'c.ncatsbundle', 2 * DAY);
    const oldPartial = make('inbox', 'd.partial', DAY + 1);
    expect(sweepBundleFiles(dir, now)).toBe(3);
    expect([oldOut, newOut, oldIn, oldPartial].map((f) => existsSync(f))).toEqual([false, true, false, false]);
    expect(sweepBundleFiles(join(dir, 'missing'), now)).toBe(0);
  });
});

describe('browser host bundle routes', () => {
  let root = '';
  let host: BrowserHost | null = null;
  afterEach(async () => {
    await host?.close();
    host = null;
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('need the token, stream an export out and an upload in, and refuse other methods', async () => {
    root = mkdtempSync(join(tmpdir(), 'ncats-host-bundles-'));
    const rendererDir = join(root, 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
    const h = await startBrowserHost({ vaultDir: join(root, 'vault'), rendererDir, kdf: scryptParams(2 ** 14) });
    host = h;
    const ipc = async <T>(channel: string, body: unknown): Promise<T> => {
      const res = await fetch(`${h.origin}/ipc/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-ncats-token': h.token },
        body: JSON.stringify(body),
      });
      const r = (await res.json()) as { ok: boolean; value: T; error?: { message: string } };
      if (!r.ok) throw new Error(r.error?.message);
      return r.value;
    };
    await ipc('vault:create', { username: 'admin', displayName: 'Ada Admin', password: 'a long enough password' });
    const made = await ipc<{ id: string }>('case:create', {
      referralDate: '2026-02-02',
      youngPerson: { givenName: 'Alex', familyName: 'Hostcase', dateOfBirth: '2011-03-04' },
    });
    const { passphrase } = await ipc<{ passphrase: string }>('bundle:preparePassphrase', {});
    const exported = await ipc<{ bundleId: string; fileName: string }>('bundle:export', {
      caseId: made.id,
      include: { thirdParty: false },
      passphrase,
      basis: BASIS,
    });

    const url = `${h.origin}/bundles/${exported.bundleId}`;
    expect((await fetch(url)).status).toBe(403);
    expect((await fetch(`${url}?token=wrong`)).status).toBe(403);
    const res = await fetch(`${url}?token=${h.token}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(exported.fileName);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 21).toString()).toBe('age-encryption.org/v1');
    expect((await fetch(`${h.origin}/bundles/00000000-0000-4000-8000-000000000000?token=${h.token}`)).status).toBe(404);
    expect((await fetch(`${h.origin}/bundles/..%2Fvault.db?token=${h.token}`)).status).toBe(400);

    const upload = (headers: Record<string, string>) =>
      fetch(`${h.origin}/bundles/upload`, { method: 'POST', headers, body: bytes });
    expect((await upload({})).status).toBe(403);
    expect((await fetch(`${h.origin}/bundles/upload?token=${h.token}`, { method: 'POST', body: bytes })).status).toBe(
      403,
    );
    expect((await upload({ 'x-ncats-token': h.token, origin: 'http://evil.example' })).status).toBe(403);
    expect((await fetch(`${h.origin}/bundles/upload`, { headers: { 'x-ncats-token': h.token } })).status).toBe(405);
    const ok = await upload({ 'x-ncats-token': h.token });
    expect(ok.status).toBe(201);
    const { value } = (await ok.json()) as { value: { inboxId: string; size: number } };
    expect(value.size).toBe(bytes.length);
    expect(await ipc('bundle:preview', { inboxId: value.inboxId })).toEqual({ state: 'passphrase-needed' });
    expect(await ipc('bundle:preview', { inboxId: value.inboxId, passphrase })).toMatchObject({
      state: 'ready',
      preview: { caseAction: 'update', sender: { status: 'self' } },
    });
  });
});
