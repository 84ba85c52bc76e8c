/**
 * Download and upload of bundle files, and their byte routes (registered once in
 * main/core/routes/table.ts; the Electron shell and the browser host both dispatch through it).
 * Only case writers may send or receive bundles: the routes' access rule, the router's own,
 * is checked by the table before these functions run.
 *
 * - GET `bundles/<bundleId>`: the encrypted bundle an export wrote to the outbox, as a download.
 * - POST `bundles/upload` (raw body): streamed into the inbox; answers `{ inboxId, size }` for
 *   `bundle:preview` / `bundle:apply` / `bundle:discard`.
 */
import { createReadStream, statSync } from 'node:fs';
import type { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { CASE_WRITERS } from '../../../preload/contract/define';
import { toNodeReadable } from '../documents/document-routes';
import { contentDisposition } from '../documents/media-type';
import { AppError } from '../errors';
import type { ByteRoute } from '../routes/byte-route';
import { requestBody, streamResponse } from '../routes/serve';
import type { OpenVault } from '../vault/vault';
import { existingBoxPath, receiveIntoInbox } from './bundle-files';
import { housekeeping, outboxFileName } from './bundles.service';
import { DEFAULT_LIMITS } from './manifest';

export interface BundleDownload {
  status: 200;
  headers: Record<string, string>;
  body: Readable;
}

/** The file name to offer: the case reference and the export date, from the export's audit row. */
function downloadName(vault: OpenVault, bundleId: string): string {
  const row = vault.db
    .prepare(
      `SELECT at, detail FROM audit_log WHERE action = 'bundle.export' AND entity_id = ? ORDER BY seq DESC LIMIT 1`,
    )
    .get(bundleId) as { at: string; detail: string } | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'That bundle file is no longer available. Create the bundle again.');
  const reference = (JSON.parse(row.detail) as { caseReference?: unknown }).caseReference;
  return outboxFileName(typeof reference === 'string' ? reference : 'case', new Date(row.at));
}

/** Stream an exported bundle from the outbox. Audited (who took a copy of the file, and when). */
export function downloadBundle(vault: OpenVault, bundleId: string): BundleDownload {
  housekeeping(vault);
  const path = existingBoxPath(vault.dir, 'outbox', bundleId);
  const fileName = downloadName(vault, bundleId);
  const size = statSync(path).size;
  vault.audit({ action: 'bundle.download', entityType: 'bundle', entityId: bundleId, detail: { fileName, size } });
  return {
    status: 200,
    headers: {
      'content-type': 'application/octet-stream',
      'content-disposition': contentDisposition('attachment', fileName),
      'content-length': String(size),
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
      'cross-origin-resource-policy': 'same-origin',
      'referrer-policy': 'no-referrer',
    },
    body: createReadStream(path),
  };
}

/** Receive an uploaded bundle into the inbox (streamed; never read whole into memory). */
export async function uploadBundle(
  vault: OpenVault,
  body: Readable | WebReadableStream<Uint8Array>,
): Promise<{ inboxId: string; size: number }> {
  housekeeping(vault);
  // An age file is a little larger than its plaintext; the import itself applies the real limits.
  const { id, size } = await receiveIntoInbox(vault.dir, toNodeReadable(body), DEFAULT_LIMITS.maxTotalBytes + 2 ** 30);
  return { inboxId: id, size };
}

const REFUSED = 'Your role does not allow sending or receiving case bundles.';

/** The bundle byte routes. */
export const bundleRoutes: readonly ByteRoute[] = [
  {
    method: 'POST',
    path: 'bundles/upload',
    access: CASE_WRITERS,
    forbiddenMessage: REFUSED,
    handle: async ({ vault, request, json }) =>
      json(201, { ok: true, value: await uploadBundle(vault, requestBody(request)) }),
  },
  {
    method: 'GET',
    path: 'bundles/*bundleId',
    access: CASE_WRITERS,
    forbiddenMessage: REFUSED,
    // Always a download: the ciphertext the user carries to a colleague.
    isDownload: () => true,
    handle: ({ vault, params }) => streamResponse(downloadBundle(vault, params.bundleId ?? '')),
  },
];
