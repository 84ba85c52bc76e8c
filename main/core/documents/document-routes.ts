/**
 * Upload and download of document bytes, and the two byte routes that serve them (registered
 * once in main/core/routes/table.ts; the Electron shell and the browser host both dispatch
 * through that table):
 *
 *   POST documents/upload?caseId=..&filename=..[&title=..][&thirdParty=1]   raw file bytes as the body
 *   GET  documents/<id>[?disposition=attachment]             view or download (Range honoured)
 *
 * The table applies the routes' access rule (the router's own) before these functions run.
 */
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { z } from 'zod';
import { ANY_USER, CASE_WRITERS } from '../../../preload/contract/define';
import { documentDescriptionSchema, type DocumentView } from '../../../preload/contract/documents';
import { AppError } from '../errors';
import type { ByteRoute } from '../routes/byte-route';
import { requestBody, streamResponse } from '../routes/serve';
import type { OpenVault } from '../vault/vault';
import { importDocument, openDocumentStream, requireDocument } from './documents.service';
import { contentDisposition, servedType } from './media-type';
import { parseRange } from './range';

export const uploadParamsSchema = z
  .object({
    caseId: z.uuid('Not a valid case id.'),
    filename: z.string().min(1, 'The file needs a name.').max(1000),
    mediaType: z.string().max(200).nullable().optional(),
    title: z.string().trim().max(300).nullable().optional(),
    description: documentDescriptionSchema.optional(),
    /** `1`: the uploader marked it as holding third-party information. */
    thirdParty: z
      .enum(['0', '1'], 'thirdParty is 1 (marked) or 0.')
      .optional()
      .transform((v) => v === '1'),
  })
  .strict();
/** As read from a query string: the marking is any text until the schema checks it. */
export type UploadParams = Omit<z.input<typeof uploadParamsSchema>, 'thirdParty'> & { thirdParty?: string | undefined };

/** The upload's parameters from the query string both transports use (validated on upload). */
export function uploadParamsFromQuery(query: URLSearchParams): UploadParams {
  const optional = (key: string) => query.get(key) ?? undefined;
  return {
    caseId: query.get('caseId') ?? '',
    filename: query.get('filename') ?? '',
    mediaType: optional('mediaType'),
    title: optional('title'),
    description: optional('description'),
    thirdParty: optional('thirdParty'),
  };
}

export interface DownloadOptions {
  /** The request's Range header, if any. */
  rangeHeader?: string | null;
  /** inline: shown in the app (PDF, image, video); attachment: a download. */
  disposition: 'inline' | 'attachment';
}

export interface DownloadResponse {
  status: 200 | 206 | 416;
  headers: Record<string, string>;
  body: Readable;
}

/**
 * Store an uploaded file. `body` is read as a stream, never buffered whole. Invalid parameters
 * fail before a byte is read; the caller should then discard the body. Who may upload is the
 * route's access rule (CASE_WRITERS), checked before this runs.
 */
export async function uploadDocument(
  vault: OpenVault,
  params: UploadParams,
  body: Readable | WebReadableStream<Uint8Array>,
): Promise<DocumentView> {
  const parsed = uploadParamsSchema.safeParse(params);
  if (!parsed.success) {
    throw new AppError('INVALID_INPUT', parsed.error.issues.map((i) => i.message).join('; '));
  }
  return importDocument(vault, parsed.data, toNodeReadable(body));
}

/**
 * Accept a web ReadableStream (the body of a fetch `Request`, as Electron's protocol handler
 * gives it) as well as a Node Readable (Node's http request). Both are read lazily.
 */
export function toNodeReadable(body: Readable | WebReadableStream<Uint8Array>): Readable {
  return body instanceof Readable ? body : Readable.fromWeb(body);
}

/** The headers every served file carries (training materials use the same). */
export const COMMON_HEADERS = {
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
  'cross-origin-resource-policy': 'same-origin',
  'x-frame-options': 'SAMEORIGIN',
  'referrer-policy': 'no-referrer',
  'accept-ranges': 'bytes',
};

/**
 * Decrypt a document for viewing or download, honouring a single Range (video seeking reads
 * only the chunks it needs). HTML, SVG and unknown types are never served inline: they go out
 * as `application/octet-stream` attachments. A `document.read` audit row is written for each
 * request that starts at the beginning of the file (no Range, or a Range from byte 0), so one
 * viewing is one row however many seeks the player makes.
 */
export async function downloadDocument(
  vault: OpenVault,
  documentId: string,
  options: DownloadOptions,
): Promise<DownloadResponse> {
  const doc = requireDocument(vault, documentId);
  const served = servedType(doc.mediaType, options.disposition);
  const headers: Record<string, string> = {
    ...COMMON_HEADERS,
    'content-type': served.contentType,
    'content-disposition': contentDisposition(served.disposition, doc.originalFilename),
  };
  const range = parseRange(options.rangeHeader, doc.sizeBytes);
  if (range.kind === 'unsatisfiable') {
    return {
      status: 416,
      headers: { ...headers, 'content-range': `bytes */${doc.sizeBytes}`, 'content-length': '0' },
      body: Readable.from([]),
    };
  }
  const byteRange = range.kind === 'partial' ? range.range : undefined;
  const body = await openDocumentStream(vault, doc, byteRange);
  if (!byteRange || byteRange.start === 0) {
    vault.audit({
      // A download to disk leaves the vault unencrypted: it is recorded as an export.
      action: served.disposition === 'attachment' ? 'document.export' : 'document.read',
      entityType: 'document',
      entityId: doc.id,
      caseId: doc.caseId,
      detail: { disposition: served.disposition, range: options.rangeHeader ?? null },
    });
  }
  if (!byteRange) {
    return { status: 200, headers: { ...headers, 'content-length': String(doc.sizeBytes) }, body };
  }
  return {
    status: 206,
    headers: {
      ...headers,
      'content-length': String(byteRange.end - byteRange.start + 1),
      'content-range': `bytes ${byteRange.start}-${byteRange.end}/${doc.sizeBytes}`,
    },
    body,
  };
}

/** The document byte routes. */
export const documentRoutes: readonly ByteRoute[] = [
  {
    method: 'POST',
    path: 'documents/upload',
    access: CASE_WRITERS,
    forbiddenMessage: 'Your role does not allow adding documents.',
    handle: async ({ vault, request, url, json }) => {
      const doc = await uploadDocument(vault, uploadParamsFromQuery(url.searchParams), requestBody(request));
      return json(201, { ok: true, value: doc });
    },
  },
  {
    method: 'GET',
    path: 'documents/*documentId',
    // Reading is allowed to every signed-in user; a save to disk is audited as an export.
    access: ANY_USER,
    isDownload: (url) => url.searchParams.get('disposition') === 'attachment',
    // Viewing in the app stays allowed whatever the machine policy; saving a copy may not be.
    exportsDocument: (url) => url.searchParams.get('disposition') === 'attachment',
    handle: async ({ vault, request, url, params }) =>
      streamResponse(
        await downloadDocument(vault, params.documentId ?? '', {
          rangeHeader: request.headers.get('range'),
          disposition: url.searchParams.get('disposition') === 'attachment' ? 'attachment' : 'inline',
        }),
      ),
  },
];
