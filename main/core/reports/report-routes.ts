/**
 * The report byte route, registered once in main/core/routes/table.ts like documents and
 * bundles (the Electron shell and the browser host both dispatch through it). Report bytes
 * never go over IPC.
 *
 *   GET reports/<caseId>/<kind>.<pdf|docx>   e.g. reports/6f1c.../chronology.pdf
 *
 * The route does not pass through the IPC router, so it validates its own path here. Any
 * signed-in user who may read the case may print it (as anyone may save a document); each
 * export is audited as `report.export` with the kind and format.
 */
import { Readable } from 'node:stream';
import { z } from 'zod';
import { contentDisposition } from '../documents/media-type';
import { ANY_USER } from '../../../preload/contract/define';
import { AppError } from '../errors';
import type { ByteRoute } from '../routes/byte-route';
import { streamResponse } from '../routes/serve';
import type { OpenVault } from '../vault/vault';
import { exportReport } from './report-export';

const routeSchema = z.object({
  caseId: z.uuid('That is not a case id.'),
  kind: z.string().regex(/^[a-z]+(-[a-z]+)*$/, 'That is not a report name.'),
  format: z.enum(['pdf', 'docx'], 'A report can be downloaded as .pdf or .docx.'),
});

/** The route's path after `reports/`, e.g. `<caseId>/chronology.pdf`, split and checked. */
export function parseReportPath(path: string): z.infer<typeof routeSchema> {
  const m = /^([^/]+)\/([^/.]+)\.([^/.]+)$/.exec(path);
  if (!m) throw new AppError('INVALID_INPUT', 'A report address is reports/<case id>/<report>.pdf or .docx.');
  const parsed = routeSchema.safeParse({ caseId: m[1], kind: m[2], format: m[3] });
  if (!parsed.success) throw new AppError('INVALID_INPUT', parsed.error.issues.map((i) => i.message).join(' '));
  return parsed.data;
}

export interface ReportDownload {
  status: 200;
  headers: Record<string, string>;
  body: Readable;
}

/** Produce the report (audited) and offer it as a download. */
export async function downloadReport(vault: OpenVault, path: string): Promise<ReportDownload> {
  const { caseId, kind, format } = parseReportPath(path);
  const report = await exportReport(vault, { caseId, kind, format });
  return {
    status: 200,
    headers: {
      'content-type': report.mediaType,
      'content-disposition': contentDisposition('attachment', report.fileName),
      'content-length': String(report.bytes.length),
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
      'cross-origin-resource-policy': 'same-origin',
      'referrer-policy': 'no-referrer',
    },
    body: Readable.from([report.bytes]),
  };
}

/** The report byte route: always a download (the user chooses where to save it). */
export const reportRoutes: readonly ByteRoute[] = [
  {
    method: 'GET',
    path: 'reports/*reportPath',
    access: ANY_USER,
    isDownload: () => true,
    handle: async ({ vault, params }) => streamResponse(await downloadReport(vault, params.reportPath ?? '')),
  },
];
