/**
 * The report byte route, registered once in main/core/routes/table.ts like documents and
 * bundles (the Electron shell and the browser host both dispatch through it). Report bytes
 * never go over IPC.
 *
 *   GET reports/<caseId>/<kind>.<pdf|docx>[?record=<id>]   e.g. reports/6f1c.../chronology.pdf
 *
 * `record` names the one record a report is of (a consultation's id) for a kind that takes one;
 * without it such a report is of the newest. It is a query parameter rather than a path segment
 * so that the path stays one shape for every kind (and the file name stays the last segment).
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

const recordSchema = z.uuid('That is not a record id: a report is of a record named by its id.');

/** The route's path after `reports/`, e.g. `<caseId>/chronology.pdf`, split and checked. */
export function parseReportPath(path: string): z.infer<typeof routeSchema> {
  const m = /^([^/]+)\/([^/.]+)\.([^/.]+)$/.exec(path);
  if (!m) throw new AppError('INVALID_INPUT', 'A report address is reports/<case id>/<report>.pdf or .docx.');
  const parsed = routeSchema.safeParse({ caseId: m[1], kind: m[2], format: m[3] });
  if (!parsed.success) throw new AppError('INVALID_INPUT', parsed.error.issues.map((i) => i.message).join(' '));
  return parsed.data;
}

export type ReportAddress = z.infer<typeof routeSchema> & {
  recordId?: string;
  personId?: string;
  reviewerCopy?: boolean;
};

const personSchema = z.uuid('That is not a person id: a report for one person names them by their id.');

/**
 * `?person=<id>` (once) and `?reviewer=1` (the reviewer's copy), for a kind that takes them
 * (the subject access request); whether it does, the engine decides.
 */
function parseReportOptions(query: URLSearchParams): Pick<ReportAddress, 'personId' | 'reviewerCopy'> {
  const people = query.getAll('person');
  if (people.length > 1) throw new AppError('INVALID_INPUT', 'A report is for one person: name them once.');
  const reviewer = query.getAll('reviewer');
  if (reviewer.length > 1 || (reviewer.length === 1 && reviewer[0] !== '1'))
    throw new AppError('INVALID_INPUT', 'Ask for the reviewer’s copy as reviewer=1, once.');
  const options: Pick<ReportAddress, 'personId' | 'reviewerCopy'> = reviewer.length === 1 ? { reviewerCopy: true } : {};
  if (people.length === 0) return options;
  const parsed = personSchema.safeParse(people[0]);
  if (!parsed.success) throw new AppError('INVALID_INPUT', parsed.error.issues.map((i) => i.message).join(' '));
  return { ...options, personId: parsed.data };
}

/**
 * The whole address: the path and, when given, `?record=<id>` (once, a record id). Whether the
 * kind takes a record, and whether it is one of the case's, the engine decides.
 */
export function parseReportAddress(path: string, query: URLSearchParams): ReportAddress {
  const address = { ...parseReportPath(path), ...parseReportOptions(query) };
  const records = query.getAll('record');
  if (records.length === 0) return address;
  if (records.length > 1) throw new AppError('INVALID_INPUT', 'A report is of one record: name it once.');
  const parsed = recordSchema.safeParse(records[0]);
  if (!parsed.success) throw new AppError('INVALID_INPUT', parsed.error.issues.map((i) => i.message).join(' '));
  return { ...address, recordId: parsed.data };
}

export interface ReportDownload {
  status: 200;
  headers: Record<string, string>;
  body: Readable;
}

/** Produce the report (audited) and offer it as a download. */
export async function downloadReport(
  vault: OpenVault,
  path: string,
  query: URLSearchParams = new URLSearchParams(),
): Promise<ReportDownload> {
  const report = await exportReport(vault, parseReportAddress(path, query));
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
    exportsDocument: () => true,
    handle: async ({ vault, params, url }) =>
      streamResponse(await downloadReport(vault, params.reportPath ?? '', url.searchParams)),
  },
];
