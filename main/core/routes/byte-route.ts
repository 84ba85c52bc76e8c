/**
 * A byte route: bytes that do not fit the IPC router's JSON (document files, bundle files,
 * reports) served over a framework-neutral Request/Response. Each domain declares its routes
 * in its own folder (`documents/document-routes.ts`, ...); `table.ts` lists them once, and the
 * Electron shell (app://ncats/...) and the browser host (/...) both dispatch through that table.
 */
import type { Access } from '../../../preload/contract/define';
import type { OpenVault } from '../vault/vault';

/** What a route's handler is given: the signed-in vault (access already checked) and the request. */
export interface ByteRouteContext {
  vault: OpenVault;
  request: Request;
  url: URL;
  /** The pattern's `:name` and `*name` parts, percent-decoded. */
  params: Readonly<Record<string, string>>;
  /** A JSON response with the transport's own headers (the app protocol adds its CSP). */
  json(status: number, body: unknown): Response;
}

export interface ByteRoute {
  method: 'GET' | 'POST';
  /**
   * Path relative to the origin, without the leading slash. Segments are literal, `:name` (one
   * segment) or, last only, `*name` (the rest of the path, slashes included). The first route
   * whose pattern matches a path owns it: list literals (`documents/upload`) before patterns.
   */
  path: string;
  /** The same rule as a channel's (preload/contract/define.ts), checked before the handler runs. */
  access: Access;
  /** Said when the role is refused, naming the action; the router's generic words otherwise. */
  forbiddenMessage?: string;
  /**
   * Whether the Electron shell may save this response to disk when the page asks (the user
   * then chooses where in the native dialog). Absent: never a download.
   */
  isDownload?: (url: URL) => boolean;
  /**
   * Whether this request saves a case document or a report out of the app as a readable file,
   * which the machine policy may forbid (checked before the handler runs). Absent: never.
   */
  exportsDocument?: (url: URL) => boolean;
  handle(ctx: ByteRouteContext): Response | Promise<Response>;
}

export interface ByteRouteMatch {
  route: ByteRoute;
  /** Raw (still percent-encoded) parameters; decoded when the route is served. */
  rawParams: Record<string, string>;
}

function matchPattern(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/');
  const have = path.split('/');
  const params: Record<string, string> = {};
  for (const [i, part] of want.entries()) {
    if (part.startsWith('*')) {
      const rest = have.slice(i).join('/');
      if (rest === '' || i !== want.length - 1) return null;
      params[part.slice(1)] = rest;
      return params;
    }
    const given = have[i];
    if (given === undefined || given === '') return null;
    if (part.startsWith(':')) params[part.slice(1)] = given;
    else if (part !== given) return null;
  }
  return have.length === want.length ? params : null;
}

/**
 * The route that owns `pathname` (e.g. `/documents/upload`), whatever the method: a route with
 * the right path and the wrong method answers 405, not 404.
 */
export function matchByteRoute(routes: readonly ByteRoute[], pathname: string): ByteRouteMatch | null {
  const path = pathname.startsWith('/') ? pathname.slice(1) : pathname;
  for (const route of routes) {
    const rawParams = matchPattern(route.path, path);
    if (rawParams) return { route, rawParams };
  }
  return null;
}

/** Whether the request may go to the route: its method, and a body for an upload. */
export function methodAllowed(route: ByteRoute, request: Request): boolean {
  return request.method === route.method && (route.method !== 'POST' || request.body !== null);
}
