/**
 * Calls for the Sharing area. Bundle files never travel over IPC: an exported bundle is
 * downloaded from `bundles/<bundleId>` and a received one is uploaded to `bundles/upload`, over
 * the page's own origin (app:// in Electron; the browser host needs the per-launch token).
 */
import type { AppErrorShape } from '../../../preload/contract';
import { ApiError, call } from '../../lib/api';
import { useSharingStore } from '../../stores/sharing';

function token(): string | undefined {
  return window.api?.transportToken;
}

export async function loadMyCard(): Promise<void> {
  const card = await call('key:myCard', {});
  useSharingStore.setState({ myCard: card });
}

export async function loadColleagues(): Promise<void> {
  const colleagues = await call('colleague:list', {});
  useSharingStore.setState({ colleagues });
}

/** Offer a small text file as a download (the key card: public, no secret). */
export function saveTextFile(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Give the browser a moment to start the download before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Where to download an exported bundle from. */
export function bundleDownloadUrl(bundleId: string): string {
  const t = token();
  return `bundles/${encodeURIComponent(bundleId)}${t ? `?token=${encodeURIComponent(t)}` : ''}`;
}

/** Send a chosen .ncatsbundle file to the vault's inbox (streamed by the browser). */
export async function uploadBundle(file: File): Promise<{ inboxId: string; size: number }> {
  const t = token();
  let res: Response;
  try {
    res = await fetch('bundles/upload', { method: 'POST', body: file, headers: t ? { 'x-ncats-token': t } : {} });
  } catch {
    throw new ApiError({ code: 'INTERNAL', message: 'The file could not be read into the app. Try again.' });
  }
  let body: { ok: true; value: { inboxId: string; size: number } } | { ok: false; error: AppErrorShape } | null;
  try {
    body = (await res.json()) as typeof body;
  } catch {
    body = null;
  }
  if (body?.ok) return body.value;
  throw new ApiError(
    body?.error ?? { code: 'INTERNAL', message: 'The file could not be read into the app. Try again.' },
  );
}

/** What each part of a case is called on screen. */
export const PART_LABELS: Record<string, string> = {
  people: 'People around the young person',
  'status-history': 'Status history',
  flags: 'Flags',
  tasks: 'Tasks',
  notes: 'Case notes (with their earlier versions)',
  'note-revisions': 'Earlier versions of notes',
  documents: 'Documents',
  case: 'The case record',
  users: 'Names of the staff who wrote the records',
};

export function partLabel(module: string): string {
  return PART_LABELS[module] ?? module;
}

/** Bytes as KB / MB for people. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.ceil(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
