/**
 * Framework-neutral download and upload of bundle files, for the Electron protocol handler
 * (`app://ncats/bundles/...`) and the browser host (`/bundles/...`) alike. Each transport
 * checks only its own token or origin, calls these, and copies status, headers and body.
 * These routes do not pass through the IPC router, so they make the role checks themselves.
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
import type { OpenVault } from '../vault/vault';
import { existingBoxPath, receiveIntoInbox } from './bundle-files';
import { housekeeping, outboxFileName } from './bundles.service';
import { DEFAULT_LIMITS } from './manifest';

/** The route prefix (relative to the page's origin) and the upload path. */
export const BUNDLE_ROUTE_PREFIX = 'bundles/';
export const BUNDLE_UPLOAD_PATH = 'bundles/upload';

export interface BundleDownload {
  status: 200;
  headers: Record<string, string>;
  body: Readable;
}

function requireWriter(vault: OpenVault): void {
  if (CASE_WRITERS.kind === 'session' && !CASE_WRITERS.roles.includes(vault.user.role)) {
    throw new AppError('FORBIDDEN', 'Your role does not allow sending or receiving case bundles.');
  }
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
  requireWriter(vault);
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
  requireWriter(vault);
  housekeeping(vault);
  // An age file is a little larger than its plaintext; the import itself applies the real limits.
  const { id, size } = await receiveIntoInbox(vault.dir, toNodeReadable(body), DEFAULT_LIMITS.maxTotalBytes + 2 ** 30);
  return { inboxId: id, size };
}
