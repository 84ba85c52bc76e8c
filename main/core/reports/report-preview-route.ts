/**
 * A report shown inside the app (the document viewer's PDF frame) rather than saved:
 *
 *   GET report-preview/<caseId>/<kind>.pdf[?record=<id>]
 *
 * The same report, produced the same way and audited as `report.export` like a download (the
 * bytes leave the vault for the viewer), but served `inline` and never offered to the save
 * dialog, so Electron's download policy keeps it in the frame. PDF only: Word has no viewer.
 */
import { Readable } from 'node:stream';
import { ANY_USER } from '../../../preload/contract/define';
import { contentDisposition } from '../documents/media-type';
import { AppError } from '../errors';
import type { ByteRoute } from '../routes/byte-route';
import { streamResponse } from '../routes/serve';
import { exportReport } from './report-export';
import { parseReportAddress } from './report-routes';

export const reportPreviewRoutes: readonly ByteRoute[] = [
  {
    method: 'GET',
    path: 'report-preview/*reportPath',
    access: ANY_USER,
    handle: async ({ vault, params, url }) => {
      const address = parseReportAddress(params.reportPath ?? '', url.searchParams);
      if (address.format !== 'pdf')
        throw new AppError('INVALID_INPUT', 'Only the PDF of a report can be shown in the app.');
      const report = await exportReport(vault, address);
      return streamResponse({
        status: 200,
        headers: {
          'content-type': report.mediaType,
          'content-disposition': contentDisposition('inline', report.fileName),
          'content-length': String(report.bytes.length),
          'x-content-type-options': 'nosniff',
          'cache-control': 'no-store',
          'cross-origin-resource-policy': 'same-origin',
          'referrer-policy': 'no-referrer',
        },
        body: Readable.from([report.bytes]),
      });
    },
  },
];
