/**
 * The app:// protocol's streamed routes, turned into the core's framework-neutral document
 * routes (main/core/documents/document-routes.ts). Plain Node (global Request/Response), so it is
 * tested against a real vault without Electron; protocol.ts only registers it.
 *
 *   GET  app://ncats/documents/<id>[?disposition=attachment]   view or download (Range honoured)
 *   POST app://ncats/documents/upload?caseId=..&filename=..    raw file bytes as the body
 *   GET  app://ncats/bundles/<bundle id>                       an exported bundle (ciphertext)
 *   POST app://ncats/bundles/upload                            a received bundle, into the inbox
 *   GET  app://ncats/reports/<case id>/<kind>.<pdf|docx>       a report, produced in memory (audited)
 *
 * Only pages of the app itself can reach the app:// scheme, so there is no token here (the
 * browser host, which listens on a port, needs one).
 */
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { Core } from '../core/core';
import { downloadBundle, uploadBundle } from '../core/bundles/bundle-routes';
import {
  downloadDocument,
  errorResponse,
  uploadDocument,
  uploadParamsFromQuery,
} from '../core/documents/document-routes';
import { downloadReport } from '../core/reports/report-routes';
import { appResponseHeaders } from './session-policy';

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: appResponseHeaders('application/json') });
}

function failure(err: unknown): Response {
  const { status, error } = errorResponse(err);
  return json(status, { ok: false, error });
}

export function createStreamServer(core: Core): (request: Request) => Promise<Response> {
  return async (request) => {
    const url = new URL(request.url);
    const q = url.searchParams;
    try {
      if (url.pathname === '/documents/upload') {
        if (request.method !== 'POST' || !request.body) return json(405, { ok: false });
        const doc = await uploadDocument(
          core.manager.current(),
          uploadParamsFromQuery(q),
          request.body as unknown as WebReadableStream<Uint8Array>,
        );
        return json(201, { ok: true, value: doc });
      }
      if (url.pathname.startsWith('/documents/')) {
        if (request.method !== 'GET') return json(405, { ok: false });
        const out = await downloadDocument(
          core.manager.current(),
          decodeURIComponent(url.pathname.slice('/documents/'.length)),
          {
            rangeHeader: request.headers.get('range'),
            disposition: q.get('disposition') === 'attachment' ? 'attachment' : 'inline',
          },
        );
        return new Response(Readable.toWeb(out.body) as ReadableStream<Uint8Array>, {
          status: out.status,
          headers: out.headers,
        });
      }
      if (url.pathname === '/bundles/upload') {
        if (request.method !== 'POST' || !request.body) return json(405, { ok: false });
        const value = await uploadBundle(
          core.manager.current(),
          request.body as unknown as WebReadableStream<Uint8Array>,
        );
        return json(201, { ok: true, value });
      }
      if (url.pathname.startsWith('/bundles/')) {
        if (request.method !== 'GET') return json(405, { ok: false });
        const out = downloadBundle(core.manager.current(), decodeURIComponent(url.pathname.slice('/bundles/'.length)));
        return new Response(Readable.toWeb(out.body) as ReadableStream<Uint8Array>, {
          status: out.status,
          headers: out.headers,
        });
      }
      if (url.pathname.startsWith('/reports/')) {
        if (request.method !== 'GET') return json(405, { ok: false });
        const out = await downloadReport(
          core.manager.current(),
          decodeURIComponent(url.pathname.slice('/reports/'.length)),
        );
        return new Response(Readable.toWeb(out.body) as ReadableStream<Uint8Array>, {
          status: out.status,
          headers: out.headers,
        });
      }
      return json(404, { ok: false });
    } catch (err) {
      return failure(err);
    }
  };
}
