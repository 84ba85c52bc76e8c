/**
 * Turns an `app://ncats/...` request into a Response: the built renderer from disk, with the CSP
 * and the other security headers. Plain Node (global Request/Response), so it is tested against
 * real files without Electron (tests/main/app/app-protocol-handler.test.ts); protocol.ts only
 * registers it with Electron.
 */
import { readFile } from 'node:fs/promises';
import { appResponseHeaders, contentTypeFor, isAppUrl, resolveAppPath } from './session-policy';

/**
 * Serves the core's byte routes (documents, bundles, reports: main/core/routes/table.ts),
 * decrypted in bounded memory, never written to disk in plaintext; null when no route owns
 * the path, which is then a file of the renderer. The renderer uses the same relative URLs
 * under the browser host (tests/host/server.ts).
 */
export type StreamServer = (request: Request) => Promise<Response | null>;

export interface AppProtocolOptions {
  /** Absolute path of the built renderer (out/renderer). */
  rendererRoot: string;
  /** Serves the byte routes (`app://ncats/documents/...`, `bundles/...`, `reports/...`). */
  serveStream?: StreamServer;
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: appResponseHeaders('text/plain; charset=utf-8') });
}

/** Answer one request of the app protocol. Never throws: every failure is a plain status. */
export async function handleAppRequest(request: Request, options: AppProtocolOptions): Promise<Response> {
  if (options.serveStream && isAppUrl(request.url)) {
    const streamed = await options.serveStream(request);
    if (streamed) return streamed;
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');

  const resolved = resolveAppPath(options.rendererRoot, request.url);
  if (!resolved.ok) return plain(resolved.reason === 'bad-path' ? 400 : 404, 'Not found');

  let body: Buffer;
  try {
    body = await readFile(resolved.filePath);
  } catch {
    return plain(404, 'Not found');
  }
  const headers = appResponseHeaders(contentTypeFor(resolved.filePath));
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
}
