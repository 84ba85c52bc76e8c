/**
 * The app:// protocol's byte routes: every route of the core's one table
 * (main/core/routes/table.ts: documents, bundles, reports, ...) served under `app://ncats/`.
 * Nothing here names a route, so a route a domain adds to the table is served without an edit.
 * Plain Node (global Request/Response), so it is tested against a real vault without Electron;
 * protocol.ts only registers it.
 *
 * Only pages of the app itself can reach the app:// scheme, so there is no token here (the
 * browser host, which listens on a port, needs one).
 */
import type { Core } from '../core/core';
import { matchByteRoute, methodAllowed, type ByteRoute } from '../core/routes/byte-route';
import { serveByteRoute } from '../core/routes/serve';
import { BYTE_ROUTES } from '../core/routes/table';
import type { StreamServer } from './app-protocol-handler';
import { appResponseHeaders } from './session-policy';

const jsonHeaders = () => appResponseHeaders('application/json');

/** Serves the table's routes; answers null for a path no route owns (the renderer's files). */
export function createStreamServer(core: Core, routes: readonly ByteRoute[] = BYTE_ROUTES): StreamServer {
  return async (request) => {
    const match = matchByteRoute(routes, new URL(request.url).pathname);
    if (!match) return null;
    if (!methodAllowed(match.route, request)) {
      return new Response(JSON.stringify({ ok: false }), { status: 405, headers: jsonHeaders() });
    }
    return serveByteRoute(match, request, { manager: core.manager, jsonHeaders });
  };
}
