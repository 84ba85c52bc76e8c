/**
 * Turns an `app://ncats/...` request into a Response: the built renderer from disk, with the CSP
 * and the other security headers. Plain Node (global Request/Response), so it is tested against
 * real files without Electron (tests/main/app/app-protocol-handler.test.ts); protocol.ts only
 * registers it with Electron.
 */
import { readFile } from 'node:fs/promises';
import { APP_ORIGIN, appResponseHeaders, contentTypeFor, resolveAppPath } from './session-policy';

/**
 * Encrypted attachments will be streamed, decrypted, under this path by a handler the core
 * provides (bounded memory, never written to disk in plaintext). Until then it answers 404.
 */
export const ATTACHMENTS_PATH_PREFIX = '/attachments/';

export type AttachmentServer = (request: Request) => Promise<Response>;

export interface AppProtocolOptions {
  /** Absolute path of the built renderer (out/renderer). */
  rendererRoot: string;
  /** Serves `app://ncats/attachments/...`; absent until the attachments domain lands. */
  serveAttachment?: AttachmentServer;
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: appResponseHeaders('text/plain; charset=utf-8') });
}

/** Answer one request of the app protocol. Never throws: every failure is a plain status. */
export async function handleAppRequest(request: Request, options: AppProtocolOptions): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');

  if (request.url.startsWith(`${APP_ORIGIN}${ATTACHMENTS_PATH_PREFIX}`)) {
    return options.serveAttachment ? options.serveAttachment(request) : plain(404, 'Not found');
  }

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
