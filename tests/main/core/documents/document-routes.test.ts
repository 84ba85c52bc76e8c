/** The framework-neutral upload/download routes: ranges, safe headers, roles and audit. */
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CHUNK_SIZE } from '../../../../main/core/documents/blob-format';
import { downloadDocument, uploadDocument } from '../../../../main/core/documents/document-routes';
import { matchByteRoute } from '../../../../main/core/routes/byte-route';
import { errorResponse, serveByteRoute } from '../../../../main/core/routes/serve';
import { BYTE_ROUTES } from '../../../../main/core/routes/table';
import { SessionManager } from '../../../../main/core/session/session-manager';
import { contentDisposition } from '../../../../main/core/documents/media-type';
import { parseRange } from '../../../../main/core/documents/range';
import { unlockVault } from '../../../../main/core/vault/vault';
import { FAST, READER } from '../temp-vault';
import { auditActions, patternBytes, readAll, vaultWithCase, type DocFixture } from './fixtures';

let fx: DocFixture;
beforeEach(async () => {
  fx = await vaultWithCase();
});
afterEach(() => fx.cleanup());

const VIDEO = Buffer.concat([
  Buffer.from([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x69, 0x73, 0x6f, 0x6d]),
  patternBytes(12, DEFAULT_CHUNK_SIZE * 5),
]);

describe('parseRange', () => {
  it('understands start-end, open-ended, suffix and unsatisfiable ranges', () => {
    expect(parseRange(undefined, 100)).toEqual({ kind: 'full' });
    expect(parseRange('bytes=0-9', 100)).toEqual({ kind: 'partial', range: { start: 0, end: 9 } });
    expect(parseRange('bytes=90-', 100)).toEqual({ kind: 'partial', range: { start: 90, end: 99 } });
    expect(parseRange('bytes=95-500', 100)).toEqual({ kind: 'partial', range: { start: 95, end: 99 } });
    expect(parseRange('bytes=-10', 100)).toEqual({ kind: 'partial', range: { start: 90, end: 99 } });
    expect(parseRange('bytes=-500', 100)).toEqual({ kind: 'partial', range: { start: 0, end: 99 } });
    expect(parseRange('bytes=100-', 100)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=0-', 0)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=0-1,5-6', 100)).toEqual({ kind: 'full' });
    expect(parseRange('items=0-1', 100)).toEqual({ kind: 'full' });
  });
});

describe('downloadDocument', () => {
  async function upload(data: Buffer, filename: string) {
    return uploadDocument(fx.vault, { caseId: fx.caseId, filename }, Readable.from([data]));
  }

  it('serves the whole file with safe headers and audits one read', async () => {
    const doc = await upload(VIDEO, 'interview.mp4');
    const res = await downloadDocument(fx.vault, doc.id, { disposition: 'inline' });
    expect(res.status).toBe(200);
    expect(res.headers).toMatchObject({
      'content-type': 'video/mp4',
      'content-length': String(VIDEO.length),
      'accept-ranges': 'bytes',
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
      'content-disposition': `inline; filename="interview.mp4"; filename*=UTF-8''interview.mp4`,
    });
    expect((await readAll(res.body)).equals(VIDEO)).toBe(true);
    expect(auditActions(fx.vault, doc.id)).toEqual(['document.create', 'document.read']);
  });

  it('serves ranges at the start, in the middle and at the end, and 416 beyond it', async () => {
    const doc = await upload(VIDEO, 'interview.mp4');
    const cases: [string, number, number][] = [
      ['bytes=0-1023', 0, 1023],
      [
        `bytes=${DEFAULT_CHUNK_SIZE * 2 - 10}-${DEFAULT_CHUNK_SIZE * 3 + 10}`,
        DEFAULT_CHUNK_SIZE * 2 - 10,
        DEFAULT_CHUNK_SIZE * 3 + 10,
      ],
      ['bytes=-777', VIDEO.length - 777, VIDEO.length - 1],
      [`bytes=${VIDEO.length - 5}-`, VIDEO.length - 5, VIDEO.length - 1],
    ];
    for (const [header, start, end] of cases) {
      const res = await downloadDocument(fx.vault, doc.id, { rangeHeader: header, disposition: 'inline' });
      expect(res.status).toBe(206);
      expect(res.headers['content-range']).toBe(`bytes ${start}-${end}/${VIDEO.length}`);
      expect(res.headers['content-length']).toBe(String(end - start + 1));
      expect((await readAll(res.body)).equals(VIDEO.subarray(start, end + 1))).toBe(true);
    }
    const bad = await downloadDocument(fx.vault, doc.id, {
      rangeHeader: `bytes=${VIDEO.length}-`,
      disposition: 'inline',
    });
    expect(bad.status).toBe(416);
    expect(bad.headers['content-range']).toBe(`bytes */${VIDEO.length}`);
    // Only the request starting at byte 0 counts as a new viewing.
    expect(auditActions(fx.vault, doc.id)).toEqual(['document.create', 'document.read']);
  });

  it('never serves HTML or SVG inline, and sanitises the file name', async () => {
    const html = await upload(Buffer.from('<script>alert(1)</script>'), 'evil"\r\nX-Injected: 1.html');
    const res = await downloadDocument(fx.vault, html.id, { disposition: 'inline' });
    expect(res.headers['content-type']).toBe('application/octet-stream');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="evil_X-Injected: 1.html"/);
    expect(res.headers['content-disposition']).not.toMatch(/[\r\n]/);
    const svg = await upload(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'pic.svg');
    expect((await downloadDocument(fx.vault, svg.id, { disposition: 'inline' })).headers['content-type']).toBe(
      'application/octet-stream',
    );
    expect(contentDisposition('inline', 'Ésa’s report.pdf')).toBe(
      `inline; filename="_sa_s report.pdf"; filename*=UTF-8''%C3%89sa%E2%80%99s%20report.pdf`,
    );
  });

  it('refuses uploads from read-only users and bad parameters, with HTTP statuses', async () => {
    await fx.vault.addUser(READER);
    const reader = await unlockVault(fx.vault.dir, READER.username, READER.password, FAST);
    const readerSession = new SessionManager(fx.vault.dir, { vault: FAST });
    try {
      // Who may upload is the route's access rule, applied by the table before the handler.
      await readerSession.unlock(READER.username, READER.password);
      const uploadRoute = matchByteRoute(BYTE_ROUTES, '/documents/upload');
      if (!uploadRoute) throw new Error('no upload route');
      const request = new Request(`app://ncats/documents/upload?caseId=${fx.caseId}&filename=a.pdf`, {
        method: 'POST',
        body: 'x',
      });
      const refused = await serveByteRoute(uploadRoute, request, {
        manager: readerSession,
        jsonHeaders: () => ({ 'content-type': 'application/json' }),
      });
      expect(refused.status).toBe(403);
      expect(await refused.json()).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN', message: 'Your role does not allow adding documents.' },
      });
      // Reading is allowed to every signed-in user.
      const doc = await upload(Buffer.from('%PDF-1.4'), 'a.pdf');
      expect((await downloadDocument(reader, doc.id, { disposition: 'inline' })).status).toBe(200);
    } finally {
      readerSession.dispose();
      reader.close();
    }
    const bad = await uploadDocument(fx.vault, { caseId: 'nope', filename: '' }, Readable.from([])).catch(
      (e: unknown) => e,
    );
    expect(errorResponse(bad).status).toBe(400);
    const missing = await downloadDocument(fx.vault, '00000000-0000-4000-8000-000000000000', {
      disposition: 'inline',
    }).catch((e: unknown) => e);
    expect(errorResponse(missing).status).toBe(404);
  });
});
