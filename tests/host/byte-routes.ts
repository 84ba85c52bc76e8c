/**
 * The browser host's door to the core's byte routes (main/core/routes/table.ts): the same
 * table the Electron shell serves, here over loopback HTTP with the per-launch token. Nothing
 * here names a route. The token comes in the `x-ncats-token` header for uploads (POST) and in
 * the `?token=` query for downloads (GET), because <img>, <video> and <iframe> cannot send
 * headers.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { matchByteRoute, methodAllowed, type ByteRoute } from '../../main/core/routes/byte-route';
import { serveByteRoute } from '../../main/core/routes/serve';
import type { SessionManager } from '../../main/core/session/session-manager';

export interface HostByteRouteOptions {
  routes: readonly ByteRoute[];
  manager: SessionManager;
  tokenOk: (given: string | undefined) => boolean;
  /** The request's Origin header, when it sent one, must be the host's own. */
  originOk: (given: string | undefined) => boolean;
  send: (res: ServerResponse, status: number, body: string, type?: string) => void;
}

// Hop-by-hop headers belong to this connection, not to the request the core sees.
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'host', 'content-length']);

/** The Node request as a fetch Request; the body stays a lazy stream. */
function toRequest(req: IncomingMessage, url: URL): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || HOP_BY_HOP.has(name)) continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  return new Request(url, {
    method: req.method ?? 'GET',
    headers,
    // Node's web stream and the DOM lib's ReadableStream are the same object with two type names.
    body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : null,
    duplex: 'half',
  } as RequestInit);
}

async function copyResponse(response: Response, res: ServerResponse): Promise<void> {
  // An error may come before the upload was read: close the connection so the rest is dropped.
  if (response.status >= 400) res.setHeader('connection', 'close');
  res.writeHead(response.status, Object.fromEntries(response.headers));
  if (!response.body) return void res.end();
  const body = Readable.fromWeb(response.body as unknown as WebReadableStream<Uint8Array>);
  body.on('error', () => res.destroy()).pipe(res);
}

/** Serves `url` if a byte route owns it (true), or leaves it to the caller (false). */
export function createByteRouteHandler(options: HostByteRouteOptions) {
  const jsonHeaders = () => ({
    'content-type': 'application/json',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> => {
    const match = matchByteRoute(options.routes, url.pathname);
    if (!match) return false;
    const given =
      match.route.method === 'GET'
        ? (url.searchParams.get('token') ?? undefined)
        : (req.headers['x-ncats-token'] as string | undefined);
    if (!options.tokenOk(given) || !options.originOk(req.headers.origin)) {
      options.send(res, 403, 'Forbidden');
      return true;
    }
    const request = toRequest(req, url);
    if (!methodAllowed(match.route, request)) {
      options.send(res, 405, 'Method not allowed');
      return true;
    }
    await copyResponse(await serveByteRoute(match, request, { manager: options.manager, jsonHeaders }), res);
    return true;
  };
}
