/**
 * The network and navigation policy of the Electron shell, as plain functions.
 *
 * Nothing here imports 'electron', so the whole policy is unit-tested under plain Node
 * (tests/main/app/session-policy.test.ts); `harden-session.ts` and `protocol.ts` only apply it.
 * The app is offline by design: the renderer is served from `app://ncats/` and every other
 * request - http(s), ws(s), file, data navigation, other app hosts - is refused.
 */
import path from 'node:path';
import type { ByteRoute } from '../core/routes/byte-route';
import { BYTE_ROUTES, isDownloadRoute } from '../core/routes/table';

/** The custom scheme the renderer is served from (registered as standard and secure). */
export const APP_SCHEME = 'app';
/** The one host of that scheme. Any other host (app://evil/) is unknown and refused. */
export const APP_HOST = 'ncats';
/** Origin of the renderer; also what the IPC sender's frame URL must start with. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The page the window loads. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * The Content Security Policy sent with every response of the app protocol. No `unsafe-eval`,
 * no `unsafe-inline`, no remote origin anywhere: the renderer can only load and talk to itself.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True when `url` is on the app's own origin, exactly (scheme and host, no credentials or port). */
export function isAppUrl(url: string): boolean {
  const parsed = parseUrl(url);
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    // Chromium lower-cases the host of a standard scheme; Node's parser does not, so fold here.
    parsed.hostname.toLowerCase() === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

export interface RequestPolicyOptions {
  /** Unpackaged builds may open DevTools, whose own pages use the devtools: scheme. */
  allowDevTools: boolean;
}

/**
 * Whether the session may make this request at all (session.webRequest.onBeforeRequest).
 * Only the app protocol, and `devtools:` in development; everything else is cancelled.
 * `data:` and `blob:` images are not requests the network stack sees for navigation here; they
 * are allowed for subresources by the CSP, and refused as navigations by `isAllowedNavigation`.
 */
export function isAllowedRequestUrl(url: string, options: RequestPolicyOptions = { allowDevTools: false }): boolean {
  if (isAppUrl(url)) return true;
  if (options.allowDevTools) {
    const parsed = parseUrl(url);
    if (parsed?.protocol === 'devtools:') return true;
  }
  return false;
}

/** Whether a frame may navigate (will-navigate, will-redirect, will-frame-navigate) to `url`. */
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}

/**
 * Whether an IPC call comes from the app's own page. The sender frame's URL must be on the app
 * origin; a frame that navigated elsewhere (it cannot, but belt and braces) or an unknown
 * sender (`undefined`, a destroyed frame) is not trusted.
 */
export function isTrustedSender(frameUrl: string | null | undefined): boolean {
  return typeof frameUrl === 'string' && isAppUrl(frameUrl);
}

/** Why a request to the app protocol could not be served. */
/** A `.` or `..` path segment, plain or percent-encoded, as written in the URL before parsing. */
const DOT_SEGMENT_IN_RAW_URL = /[/\\](?:\.|%2e){1,2}(?:[/\\?#]|%2f|%5c|$)/i;

export type AppPathRejection = 'unknown-host' | 'bad-path' | 'not-app-scheme';

export type AppPathResolution = { ok: true; filePath: string } | { ok: false; reason: AppPathRejection };

/**
 * Map an `app://ncats/<path>` URL to a file under `rendererRoot`, or refuse it.
 *
 * Refuses: other schemes and hosts; any `.` or `..` segment, plain or percent-encoded (`%2e%2e`),
 * even though the URL parser would fold it (a request that tries is refused rather than quietly
 * served something else); encoded separators (`%2f`, `%5c`); backslashes; NUL bytes; drive
 * letters; and, last line of defence, anything that would resolve outside `rendererRoot`.
 * `/` serves `index.html`.
 */
export function resolveAppPath(rendererRoot: string, requestUrl: string): AppPathResolution {
  const parsed = parseUrl(requestUrl);
  if (parsed && DOT_SEGMENT_IN_RAW_URL.test(requestUrl.slice(`${parsed.protocol}//`.length))) {
    return parsed.protocol === `${APP_SCHEME}:`
      ? { ok: false, reason: 'bad-path' }
      : { ok: false, reason: 'not-app-scheme' };
  }
  if (!parsed || parsed.protocol !== `${APP_SCHEME}:`) return { ok: false, reason: 'not-app-scheme' };
  if (!isAppUrl(requestUrl)) return { ok: false, reason: 'unknown-host' };

  const rawPath = parsed.pathname;
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return { ok: false, reason: 'bad-path' };
  }
  if (/[\\\0]/.test(decoded) || /%2f|%5c/i.test(rawPath)) return { ok: false, reason: 'bad-path' };
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.' || /^[a-z]:$/i.test(s))) return { ok: false, reason: 'bad-path' };

  const relative = segments.length === 0 ? 'index.html' : segments.join('/');
  const root = path.resolve(rendererRoot);
  const filePath = path.resolve(root, relative);
  if (!filePath.startsWith(root + path.sep)) return { ok: false, reason: 'bad-path' };
  return { ok: true, filePath };
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

/** The Content-Type for a renderer file; unknown types are served as opaque bytes. */
export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Headers sent with every app-protocol response: the CSP, no MIME sniffing (so a file cannot be
 * reinterpreted as script), and no caching of anything the protocol serves.
 */
export function appResponseHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
  };
}

/**
 * Downloads the user asked for: a byte route of the core's table that says it is one (an
 * exported case bundle, a report, a document with `disposition=attachment`; all audited by the
 * core). Electron then shows its native save dialog, so the user chooses the place. Anything
 * else (e.g. a page trying to save a file on its own) is refused.
 */
export function isAllowedDownloadUrl(url: string, routes: readonly ByteRoute[] = BYTE_ROUTES): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (`${parsed.protocol}//${parsed.host}` !== APP_ORIGIN) return false;
  return isDownloadRoute(parsed, routes);
}
