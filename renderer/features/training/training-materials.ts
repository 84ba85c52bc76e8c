/**
 * A package's materials stream over the page's own origin like a case's documents
 * (`renderer/lib/documents.ts`): `training-materials/<id>` to download and
 * `training-materials/upload?...` to add one, with the browser host's token when there is one.
 */
import type { AppErrorShape, TrainingMaterialView } from '../../../preload/contract';
import { ApiError } from '../../lib/api';

function token(): string | undefined {
  return window.api?.transportToken;
}

/** The URL that saves a material as a file (an unencrypted copy; audited by the core as an export). */
export function materialDownloadUrl(materialId: string): string {
  const params = new URLSearchParams({ disposition: 'attachment' });
  const t = token();
  if (t) params.set('token', t);
  return `training-materials/${encodeURIComponent(materialId)}?${params.toString()}`;
}

/** Upload one file to a package version; rejects with the core's message. */
export async function uploadMaterial(request: {
  packageId: string;
  materialsVersion: number;
  file: File;
  title: string;
}): Promise<TrainingMaterialView> {
  const params = new URLSearchParams({
    packageId: request.packageId,
    materialsVersion: String(request.materialsVersion),
    filename: request.file.name,
  });
  if (request.title.trim()) params.set('title', request.title.trim());
  if (request.file.type) params.set('mediaType', request.file.type);
  const t = token();
  let res: Response;
  try {
    res = await fetch(`training-materials/upload?${params.toString()}`, {
      method: 'POST',
      body: request.file,
      headers: t ? { 'x-ncats-token': t } : {},
    });
  } catch {
    throw new ApiError({
      code: 'INTERNAL',
      message: 'The file could not be sent to the secure store. Nothing was saved. Try again.',
    });
  }
  type Answer = { ok: true; value: TrainingMaterialView } | { ok: false; error: AppErrorShape };
  const body = (await res.json().catch(() => null)) as Answer | null;
  if (body?.ok) return body.value;
  throw new ApiError(
    body?.error ?? { code: 'INTERNAL', message: 'The file could not be stored. Nothing was saved. Try again.' },
  );
}
