/**
 * Document bytes never travel over IPC (a 2 GB video must not pass through the renderer's
 * memory). They stream over the page's own origin: `documents/<id>` to view or download
 * (Range supported, so video can seek) and `documents/upload?...` to add one. Under Electron
 * the relative URLs resolve to the app:// protocol and need no token; under the browser host
 * they carry the per-launch `transportToken` (query for GET, header for POST).
 */
import type { AppErrorShape, DocumentView } from '../../preload/contract';
import { ApiError, call } from './api';

function token(): string | undefined {
  return window.api?.transportToken;
}

/**
 * The URL that shows a document in the app (PDF in an iframe, image, video), or, with
 * `download`, asks the browser to save it as a file (an unencrypted copy; audited by the core).
 */
export function documentUrl(documentId: string, options: { download?: boolean } = {}): string {
  const params = new URLSearchParams();
  const t = token();
  if (t) params.set('token', t);
  if (options.download) params.set('disposition', 'attachment');
  const query = params.toString();
  return `documents/${encodeURIComponent(documentId)}${query ? `?${query}` : ''}`;
}

export interface UploadRequest {
  caseId: string;
  /** The File from an <input type="file">: the browser streams it, this code never reads it. */
  file: File;
  title: string;
  description: string | null;
  /** Holds third-party information (about a victim, a sibling). */
  thirdParty?: boolean;
}

/**
 * Upload one file as the request body. Resolves with the stored document's metadata, or
 * rejects with an ApiError carrying the core's message (e.g. a disk that is full).
 */
export async function uploadDocument(request: UploadRequest, signal?: AbortSignal): Promise<DocumentView> {
  const params = new URLSearchParams({
    caseId: request.caseId,
    filename: request.file.name,
    title: request.title,
  });
  if (request.file.type) params.set('mediaType', request.file.type);
  if (request.description) params.set('description', request.description);
  if (request.thirdParty) params.set('thirdParty', '1');
  const t = token();
  let res: Response;
  try {
    res = await fetch(`documents/upload?${params.toString()}`, {
      method: 'POST',
      body: request.file,
      headers: t ? { 'x-ncats-token': t } : {},
      signal,
    });
  } catch {
    throw new ApiError({
      code: 'INTERNAL',
      message: 'The file could not be sent to the secure store. Nothing was saved. Try again.',
    });
  }
  type UploadAnswer = { ok: true; value: DocumentView } | { ok: false; error: AppErrorShape };
  const body = (await res.json().catch(() => null)) as UploadAnswer | null;
  if (body?.ok) return body.value;
  throw new ApiError(
    body?.error ?? { code: 'INTERNAL', message: 'The file could not be stored. Nothing was saved. Try again.' },
  );
}

/** How the app can show a document inline, from its media type. */
export type ViewerKind = 'pdf' | 'image' | 'video' | 'audio' | 'none';

export function viewerKind(mediaType: string): ViewerKind {
  if (mediaType === 'application/pdf') return 'pdf';
  if (/^image\/(png|jpeg|gif|webp)$/.test(mediaType)) return 'image';
  if (/^video\/(mp4|webm|quicktime)$/.test(mediaType)) return 'video';
  if (/^audio\//.test(mediaType)) return 'audio';
  return 'none';
}

/** Where an exported copy went, or null when the user cancelled the save dialog. */
export type ExportOutcome = { kind: 'saved'; path: string } | { kind: 'downloaded' } | null;

/**
 * Write an unencrypted copy of a document outside the vault (audited as an export by the core).
 * Under Electron the main process asks where with its own save dialog; the browser host has no
 * dialog, so the browser's download (the `attachment` route) does the same job there.
 */
export async function exportDocument(doc: DocumentView): Promise<ExportOutcome> {
  if (token()) {
    const a = document.createElement('a');
    a.href = documentUrl(doc.id, { download: true });
    a.download = doc.originalFilename;
    a.rel = 'noopener';
    document.body.appendChild(a);
    a.click();
    a.remove();
    return { kind: 'downloaded' };
  }
  const result = await call('document:exportToFile', { documentId: doc.id });
  return result ? { kind: 'saved', path: result.path } : null;
}
