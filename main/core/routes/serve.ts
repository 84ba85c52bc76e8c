/**
 * Serving one matched byte route, the same for every transport: the shared access rule, the
 * handler, and every failure as `{ ok: false, error }` JSON with an HTTP status. The transport
 * (main/app/stream-routes.ts, tests/host/server.ts) only checks its own origin or token first.
 */
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { AppErrorShape } from '../../../preload/contract';
import { AppError } from '../errors';
import { checkAccess } from '../ipc/access';
import type { SessionManager } from '../session/session-manager';
import type { ByteRouteMatch } from './byte-route';
import { requireDocumentExportAllowed } from '../policy/policy-in-force';

/** The HTTP status and a safe error (code and plain message) for a failure of a byte route. */
export function errorResponse(err: unknown): { status: number; error: AppErrorShape } {
  if (!(err instanceof AppError)) {
    return {
      status: 500,
      error: { code: 'INTERNAL', message: 'Something went wrong inside the app. Nothing was saved.' },
    };
  }
  const status: Partial<Record<AppError['code'], number>> = {
    INVALID_INPUT: 400,
    LOCKED: 401,
    FORBIDDEN: 403,
    NOT_FOUND: 404,
    CONFLICT: 409,
    DISK_FULL: 507,
    READ_ONLY_LOCATION: 507,
  };
  return { status: status[err.code] ?? 500, error: err.toShape() };
}

/** A Response streaming a Node Readable (decrypted in bounded memory, never buffered whole). */
export function streamResponse(out: { status: number; headers: Record<string, string>; body: Readable }): Response {
  // Node's web stream and the DOM lib's ReadableStream are the same object with two type names.
  return new Response(Readable.toWeb(out.body) as ReadableStream<Uint8Array>, {
    status: out.status,
    headers: out.headers,
  });
}

/** An upload's body as a Node stream, read lazily (never buffered whole). */
export function requestBody(request: Request): Readable {
  if (!request.body) throw new AppError('INVALID_INPUT', 'The upload had no content.');
  // The DOM lib's ReadableStream and Node's web stream are the same object with two type names.
  return Readable.fromWeb(request.body as unknown as WebReadableStream<Uint8Array>);
}

function decodeParams(raw: Record<string, string>): Record<string, string> {
  const decoded: Record<string, string> = {};
  try {
    for (const [key, value] of Object.entries(raw)) decoded[key] = decodeURIComponent(value);
  } catch {
    throw new AppError('INVALID_INPUT', 'That address is not written correctly.');
  }
  return decoded;
}

export interface ServeOptions {
  manager: SessionManager;
  /** Headers for a JSON answer (success or error) on this transport. */
  jsonHeaders: () => Record<string, string>;
}

/** Answer a request its route owns (the method already checked). Never throws. */
export async function serveByteRoute(
  match: ByteRouteMatch,
  request: Request,
  options: ServeOptions,
): Promise<Response> {
  const json = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), { status, headers: options.jsonHeaders() });
  try {
    const { route } = match;
    const refused = checkAccess(route.access, options.manager, route.forbiddenMessage);
    if (refused) throw new AppError(refused.code, refused.message);
    const url = new URL(request.url);
    if (route.exportsDocument?.(url)) requireDocumentExportAllowed(options.manager);
    return await route.handle({
      vault: options.manager.current(),
      request,
      url,
      params: decodeParams(match.rawParams),
      json,
    });
  } catch (err) {
    const { status, error } = errorResponse(err);
    return json(status, { ok: false, error });
  }
}
