/**
 * The byte routes of a package's materials (listed once in main/core/routes/table.ts, served by
 * the Electron shell and the browser host like a document's):
 *
 *   POST training-materials/upload?packageId=..&filename=..[&materialsVersion=..&title=..]   raw bytes
 *   GET  training-materials/<id>[?disposition=attachment]                                     view or download
 *
 * A download to disk leaves the vault unencrypted, so it is audited as an export.
 */
import type { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { z } from 'zod';
import { ANY_USER, CASE_WRITERS } from '../../../preload/contract/define';
import { materialsVersionSchema, type TrainingMaterialView } from '../../../preload/contract/training-records';
import { COMMON_HEADERS, toNodeReadable } from '../documents/document-routes';
import { contentDisposition, servedType } from '../documents/media-type';
import { AppError } from '../errors';
import type { ByteRoute } from '../routes/byte-route';
import { requestBody, streamResponse } from '../routes/serve';
import type { OpenVault } from '../vault/vault';
import { importMaterial, openMaterialStream, requireMaterial } from './materials.service';

export const materialUploadSchema = z
  .object({
    packageId: z.uuid('Not a valid training package id.'),
    materialsVersion: z.coerce.number().pipe(materialsVersionSchema).nullable().default(null),
    filename: z.string().min(1, 'The file needs a name.').max(1000, 'A file name is at most 1,000 characters.'),
    mediaType: z.string().max(200).nullable().default(null),
    title: z.string().trim().max(300, 'A title is at most 300 characters.').nullable().default(null),
  })
  .strict();

/** The upload's parameters from the query string (validated before a byte is read). */
export function materialUploadFromQuery(query: URLSearchParams): z.input<typeof materialUploadSchema> {
  return {
    packageId: query.get('packageId') ?? '',
    materialsVersion: query.get('materialsVersion'),
    filename: query.get('filename') ?? '',
    mediaType: query.get('mediaType'),
    title: query.get('title'),
  };
}

export async function uploadMaterial(
  vault: OpenVault,
  params: z.input<typeof materialUploadSchema>,
  body: Readable | WebReadableStream<Uint8Array>,
): Promise<TrainingMaterialView> {
  const parsed = materialUploadSchema.safeParse(params);
  if (!parsed.success) throw new AppError('INVALID_INPUT', parsed.error.issues.map((i) => i.message).join('; '));
  return importMaterial(vault, parsed.data, toNodeReadable(body));
}

export async function downloadMaterial(
  vault: OpenVault,
  materialId: string,
  disposition: 'inline' | 'attachment',
): Promise<{ status: 200; headers: Record<string, string>; body: Readable }> {
  const material = requireMaterial(vault, materialId);
  const served = servedType(material.mediaType, disposition);
  const body = await openMaterialStream(vault, material);
  vault.audit({
    action: served.disposition === 'attachment' ? 'trainingMaterial.export' : 'trainingMaterial.read',
    entityType: 'training_material',
    entityId: material.id,
    detail: { packageId: material.packageId, disposition: served.disposition },
  });
  return {
    status: 200,
    headers: {
      ...COMMON_HEADERS,
      'content-type': served.contentType,
      'content-disposition': contentDisposition(served.disposition, material.originalFilename),
      'content-length': String(material.sizeBytes),
    },
    body,
  };
}

export const trainingRoutes: readonly ByteRoute[] = [
  {
    method: 'POST',
    path: 'training-materials/upload',
    access: CASE_WRITERS,
    forbiddenMessage: 'Your role does not allow adding training materials.',
    handle: async ({ vault, request, url, json }) => {
      const material = await uploadMaterial(vault, materialUploadFromQuery(url.searchParams), requestBody(request));
      return json(201, { ok: true, value: material });
    },
  },
  {
    method: 'GET',
    path: 'training-materials/:materialId',
    access: ANY_USER,
    isDownload: (url) => url.searchParams.get('disposition') === 'attachment',
    handle: async ({ vault, url, params }) =>
      streamResponse(
        await downloadMaterial(
          vault,
          params.materialId ?? '',
          url.searchParams.get('disposition') === 'attachment' ? 'attachment' : 'inline',
        ),
      ),
  },
];
