/**
 * The anonymised statistics as a CSV file to save (listed once in main/core/routes/table.ts, as
 * reports and bundles are):
 *
 *   GET statistics/export.csv?from=YYYY-MM-DD&to=YYYY-MM-DD
 *
 * The dashboard's "Export anonymised statistics (CSV)" is a link to it. The file is what the
 * `statistics:export` channel returns as `csv` (the same `exportStatistics`, audited the same
 * way); it comes over this route because a file to save is offered the way every other download
 * is: the Electron shell lets only a byte route that says it is a download reach its save dialog,
 * and the browser host saves it like a report.
 */
import { Readable } from 'node:stream';
import { ADMIN_ONLY } from '../../../preload/contract/define';
import { statisticsPeriodSchema, type StatisticsPeriod } from '../../../preload/contract/stats-records';
import { contentDisposition } from '../documents/media-type';
import { AppError } from '../errors';
import type { ByteRoute } from '../routes/byte-route';
import { streamResponse } from '../routes/serve';
import { exportStatistics } from './stats.service';

/** The period from the query string, checked by the channel's own schema (each date once). */
export function exportPeriodFromQuery(query: URLSearchParams): StatisticsPeriod {
  const from = query.getAll('from');
  const to = query.getAll('to');
  if (from.length !== 1 || to.length !== 1) {
    throw new AppError('INVALID_INPUT', 'Give the period once: from and to, each a date written YYYY-MM-DD.');
  }
  const parsed = statisticsPeriodSchema.safeParse({ from: from[0], to: to[0] });
  if (!parsed.success) throw new AppError('INVALID_INPUT', parsed.error.issues.map((i) => i.message).join(' '));
  return parsed.data;
}

/** "2025-12-01" -> "01-12-2025": UK order, with dashes (a slash cannot be in a file name). */
const fileDate = (iso: string) => iso.split('-').reverse().join('-');

/** The suggested file name, e.g. "NCATS anonymised statistics 01-12-2025 to 30-11-2026.csv". */
export function exportFileName(period: StatisticsPeriod): string {
  return `NCATS anonymised statistics ${fileDate(period.from)} to ${fileDate(period.to)}.csv`;
}

export const statisticsRoutes: readonly ByteRoute[] = [
  {
    method: 'GET',
    path: 'statistics/export.csv',
    access: ADMIN_ONLY,
    forbiddenMessage: 'Only an administrator can export the anonymised statistics.',
    isDownload: () => true,
    handle: ({ vault, url }) => {
      const period = exportPeriodFromQuery(url.searchParams);
      const bytes = Buffer.from(exportStatistics(vault, period).csv, 'utf8');
      return streamResponse({
        status: 200,
        headers: {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': contentDisposition('attachment', exportFileName(period)),
          'content-length': String(bytes.length),
          'x-content-type-options': 'nosniff',
          'cache-control': 'no-store',
          'cross-origin-resource-policy': 'same-origin',
          'referrer-policy': 'no-referrer',
        },
        body: Readable.from([bytes]),
      });
    },
  },
];
