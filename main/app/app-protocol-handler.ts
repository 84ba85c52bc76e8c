/**
 * Turns an `app://ncats/...` request into a Response: the built renderer from disk, with the CSP
 * and the other security headers. Plain Node (global Request/Response), so it is tested against
 * real files without Electron (tests/main/app/app-protocol-handler.test.ts); protocol.ts only
 * registers it with Electron.
 */
import { readFile } from 'node:fs/promises';
import { APP_ORIGIN, appResponseHeaders, contentTypeFor, resolveAppPath } from './session-policy';

/**
 * Paths whose requests stream vault data (documents, bundles) through handlers the core
 * provides: decrypted in bounded memory, never written to disk in plaintext. The renderer uses
 * the same relative URLs under the browser host (tests/host/server.ts).
 */
export const STREAM_PATH_PREFIXES = ['/documents/', '/bundles/', '/reports/'] as const;

export type StreamServer = (request: Request) => Promise<Response>;

export interface AppProtocolOptions {
  /** Absolute path of the built renderer (out/renderer). */
  rendererRoot: string;
  /** Serves `app://ncats/documents/...` and `app://ncats/bundles/...` (uploads and downloads). */
  serveStream?: StreamServer;
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: appResponseHeaders('text/plain; charset=utf-8') });
}

/** Answer one request of the app protocol. Never throws: every failure is a plain status. */
export async function handleAppRequest(request: Request, options: AppProtocolOptions): Promise<Response> {
  if (STREAM_PATH_PREFIXES.some((prefix) => request.url.startsWith(`${APP_ORIGIN}${prefix}`))) {
    return options.serveStream ? options.serveStream(request) : plain(404, 'Not found');
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
