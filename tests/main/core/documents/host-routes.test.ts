/**
 * Documents through the browser host: streamed upload with the token header, download with the
 * token in the query (as <img>/<video> need), ranges, and the IPC channels for metadata.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { referralSchema } from '../../../../preload/contract/case-records';
import { createCase } from '../../../../main/core/cases/cases.service';
import { toNodeReadable } from '../../../../main/core/documents/document-routes';
import { scryptParams } from '../../../../main/core/vault/kdf';
import { startBrowserHost, type BrowserHost } from '../../../host/server';
import { ADMIN, READER } from '../temp-vault';
import { blobFiles, generatedStream, patternBytes, sha256 } from './fixtures';

let root: string;
let host: BrowserHost;
let caseId: string;

beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), 'ncats-host-docs-'));
  const rendererDir = join(root, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
  host = await startBrowserHost({ vaultDir: join(root, 'vault'), rendererDir, kdf: scryptParams(2 ** 14) });
  expect((await ipc('vault:create', ADMIN)).ok).toBe(true);
  caseId = createCase(
    host.core.manager.current(),
    referralSchema.parse({
      referralDate: '2026-02-02',
      youngPerson: { givenName: 'Alex', familyName: 'Hostcase', dateOfBirth: '2011-03-04' },
    }),
  ).id;
});

afterEach(async () => {
  await host.close();
  rmSync(root, { recursive: true, force: true });
});

async function ipc(channel: string, body: unknown): Promise<{ ok: boolean; value?: unknown; error?: unknown }> {
  const res = await fetch(`${host.origin}/ipc/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-ncats-token': host.token },
    body: JSON.stringify(body),
  });
  return res.json() as Promise<{ ok: boolean; value?: unknown; error?: unknown }>;
}

function upload(
  body: BodyInit | Buffer,
  query: string,
  headers: Record<string, string> = { 'x-ncats-token': host.token },
) {
  return fetch(`${host.origin}/documents/upload?${query}`, {
    method: 'POST',
    headers,
    body,
    duplex: 'half',
  } as RequestInit);
}

describe('browser host document routes', () => {
  it('uploads a streamed body, downloads it whole and by range, with the token', async () => {
    const src = generatedStream(3 * 1024 * 1024 + 5, 64 * 1024);
    const res = await upload(
      Readable.toWeb(src.stream) as ReadableStream,
      `caseId=${caseId}&filename=${encodeURIComponent('Interview 1.webm')}&title=Interview`,
    );
    expect(res.status).toBe(201);
    const { value: doc } = (await res.json()) as { value: { id: string; sha256: string; sizeBytes: number } };
    expect(doc.sha256).toBe(src.sha256());

    const whole = await fetch(`${host.origin}/documents/${doc.id}?token=${host.token}`);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('x-content-type-options')).toBe('nosniff');
    expect(sha256(Buffer.from(await whole.arrayBuffer()))).toBe(doc.sha256);

    const part = await fetch(`${host.origin}/documents/${doc.id}?token=${host.token}`, {
      headers: { range: 'bytes=1000000-1000099' },
    });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 1000000-1000099/${doc.sizeBytes}`);
    expect((await part.arrayBuffer()).byteLength).toBe(100);

    const beyond = await fetch(`${host.origin}/documents/${doc.id}?token=${host.token}`, {
      headers: { range: `bytes=${doc.sizeBytes}-` },
    });
    expect(beyond.status).toBe(416);
  });

  it('refuses both routes without the right token (403) and reports errors as JSON', async () => {
    const data = patternBytes(0, 1000);
    expect((await upload(data, `caseId=${caseId}&filename=a.bin`, {})).status).toBe(403);
    expect((await upload(data, `caseId=${caseId}&filename=a.bin`, { 'x-ncats-token': 'x'.repeat(32) })).status).toBe(
      403,
    );
    const ok = await upload(data, `caseId=${caseId}&filename=a.bin`);
    const { value: doc } = (await ok.json()) as { value: { id: string } };
    expect((await fetch(`${host.origin}/documents/${doc.id}`)).status).toBe(403);
    expect((await fetch(`${host.origin}/documents/${doc.id}?token=wrong`)).status).toBe(403);
    // A token in the query is not enough to upload (it could leak through a URL).
    expect((await upload(data, `caseId=${caseId}&filename=a.bin&token=${host.token}`, {})).status).toBe(403);

    const bad = await upload(data, `caseId=not-a-case&filename=a.bin`);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect((await fetch(`${host.origin}/documents/${crypto.randomUUID()}?token=${host.token}`)).status).toBe(404);
  });

  it('serves metadata over IPC, with writes only for case writers', async () => {
    const res = await upload(Buffer.from('%PDF-1.4 tiny'), `caseId=${caseId}&filename=report.pdf`);
    const { value: doc } = (await res.json()) as { value: { id: string } };
    expect(await ipc('document:list', { caseId })).toMatchObject({
      ok: true,
      value: [{ id: doc.id, title: 'report' }],
    });
    expect(
      await ipc('document:update', { documentId: doc.id, expectedVersion: 1, title: 'School report' }),
    ).toMatchObject({ ok: true, value: { title: 'School report', version: 2 } });
    expect(await ipc('user:create', READER)).toMatchObject({ ok: true });
    expect(await ipc('vault:unlock', { username: READER.username, password: READER.password })).toMatchObject({
      ok: true,
    });
    expect(await ipc('document:get', { documentId: doc.id })).toMatchObject({ ok: true });
    expect(await ipc('document:delete', { documentId: doc.id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const readerUpload = await upload(Buffer.from('x'), `caseId=${caseId}&filename=a.txt`);
    expect(readerUpload.status).toBe(403);
  });

  it('an upload aborted by the client mid-stream leaves no file and no row', async () => {
    const controller = new AbortController();
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      async pull(c) {
        if (sent >= 2 * 1024 * 1024) {
          controller.abort();
          return new Promise(() => undefined);
        }
        sent += 256 * 1024;
        c.enqueue(new Uint8Array(patternBytes(sent, 256 * 1024)));
      },
    });
    await expect(
      fetch(`${host.origin}/documents/upload?caseId=${caseId}&filename=cut.webm`, {
        method: 'POST',
        headers: { 'x-ncats-token': host.token },
        body,
        duplex: 'half',
        signal: controller.signal,
      } as RequestInit),
    ).rejects.toThrow();
    const vaultDir = host.core.manager.vaultDir;
    // The server notices the reset asynchronously: wait for its clean-up.
    for (let i = 0; i < 100 && blobFiles(vaultDir).length > 0; i += 1) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 200));
    expect(blobFiles(vaultDir)).toEqual([]);
    expect(await ipc('document:list', { caseId })).toMatchObject({ ok: true, value: [] });
  });

  it('adapts a web ReadableStream for import (the Electron protocol body)', async () => {
    const web = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array([1, 2, 3]));
        controller.close();
      },
    });
    const chunks: Buffer[] = [];
    for await (const c of toNodeReadable(web as Parameters<typeof toNodeReadable>[0])) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks)).toEqual(Buffer.from([1, 2, 3]));
  });
});
