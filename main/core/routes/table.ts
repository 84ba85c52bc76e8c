/**
 * The byte-route table: every route the core serves outside the IPC router, listed once. A
 * domain declares its routes in its own folder and adds one line here; the Electron shell
 * (main/app/stream-routes.ts), the browser host (tests/host/server.ts) and the shell's download
 * policy (main/app/session-policy.ts) all read this table and list no path themselves.
 */
import { bundleRoutes } from '../bundles/bundle-routes';
import { documentRoutes } from '../documents/document-routes';
import { reportRoutes } from '../reports/report-routes';
import { reportPreviewRoutes } from '../reports/report-preview-route';
import { trainingRoutes } from '../training/training-routes';
import { statisticsRoutes } from '../stats/stats-routes';
import { matchByteRoute, type ByteRoute } from './byte-route';

export const BYTE_ROUTES: readonly ByteRoute[] = [
  ...documentRoutes,
  ...bundleRoutes,
  ...reportRoutes,
  ...reportPreviewRoutes,
  ...trainingRoutes,
  ...statisticsRoutes,
];

/**
 * Whether `url` (already known to be on the app's own origin) is a download the user may save:
 * a GET route that says so for this URL (a bundle, a report, a document with
 * `disposition=attachment`).
 */
export function isDownloadRoute(url: URL, routes: readonly ByteRoute[] = BYTE_ROUTES): boolean {
  const match = matchByteRoute(routes, url.pathname);
  return match?.route.method === 'GET' && (match.route.isDownload?.(url) ?? false);
}
