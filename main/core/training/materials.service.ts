/**
 * A training package's materials (slides, handouts) are files in the vault's encrypted blob
 * store, written and read by the same code as a case's documents (`documents/blob-writer.ts`,
 * `blob-reader.ts`, the same key and format), but recorded in `training_materials`: they belong
 * to a package version, not to a case, so they stay out of case bundles, case search and the
 * chronology. Plaintext never reaches the disk.
 */
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { TrainingMaterialView } from '../../../preload/contract/training-records';
import { BLOB_FORMAT_VERSION } from '../documents/blob-format';
import { openBlobRange } from '../documents/blob-reader';
import { removeBlob, writeBlob } from '../documents/blob-writer';
import { ATTACHMENTS_KEY_PURPOSE, cleanFilename } from '../documents/documents.service';
import { decideMediaType } from '../documents/media-type';
import { AppError, fsError } from '../errors';
import type { OpenVault } from '../vault/vault';
import { findMaterial, insertMaterial } from './training.repo';
import { requirePackage } from './training.service';

export interface MaterialUpload {
  packageId: string;
  /** The package's current version when not given. */
  materialsVersion?: number | null;
  filename: string;
  mediaType?: string | null;
  title?: string | null;
}

const FS_ERROR_CODES = new Set(['ENOSPC', 'EDQUOT', 'EACCES', 'EPERM', 'EROFS']);

function withoutExtension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

export function requireMaterial(vault: OpenVault, materialId: string): TrainingMaterialView {
  const found = findMaterial(vault.db, materialId);
  if (!found) throw new AppError('NOT_FOUND', 'That training material does not exist.');
  return found;
}

/**
 * Encrypt `source` into the blob store and record it under the package version. Nothing is
 * recorded unless the whole stream was stored; on any failure the blob is removed.
 */
export async function importMaterial(
  vault: OpenVault,
  upload: MaterialUpload,
  source: Readable | AsyncIterable<unknown>,
): Promise<TrainingMaterialView> {
  const pkg = requirePackage(vault, upload.packageId);
  const materialsVersion = upload.materialsVersion ?? pkg.currentMaterialsVersion;
  if (materialsVersion > pkg.currentMaterialsVersion) {
    throw new AppError(
      'INVALID_INPUT',
      `The package is at materials version ${pkg.currentMaterialsVersion}. Raise its current version before adding materials for version ${materialsVersion}.`,
    );
  }
  const id = randomUUID();
  const filename = cleanFilename(upload.filename);
  const key = vault.deriveSubkey(ATTACHMENTS_KEY_PURPOSE);
  let written;
  try {
    written = await writeBlob(key, vault.dir, id, source);
  } catch (err) {
    if (err instanceof AppError) throw err;
    if (FS_ERROR_CODES.has((err as NodeJS.ErrnoException | null)?.code ?? '')) fsError(err, 'the training material');
    throw new AppError(
      'INVALID_INPUT',
      'The file could not be read to the end (the upload was interrupted). Nothing was saved. Try again.',
    );
  } finally {
    key.fill(0);
  }
  try {
    if (!vault.isOpen) throw new AppError('LOCKED', 'The vault was locked during the upload. Nothing was saved.');
    vault.db
      .transaction(() => {
        insertMaterial(vault.db, {
          id,
          package_id: pkg.id,
          materials_version: materialsVersion,
          title: (upload.title?.trim() || withoutExtension(filename)).slice(0, 300),
          original_filename: filename,
          media_type: decideMediaType(written.head, filename, upload.mediaType),
          size_bytes: written.size,
          sha256: written.sha256,
          blob_format: BLOB_FORMAT_VERSION,
          chunk_size: written.chunkSize,
          uploaded_by: vault.user.id,
          uploaded_at: vault.now().toISOString(),
        });
        vault.audit({
          action: 'trainingMaterial.create',
          entityType: 'training_material',
          entityId: id,
          detail: { packageId: pkg.id, materialsVersion, size: written.size, sha256: written.sha256 },
        });
      })
      .immediate();
  } catch (err) {
    removeBlob(vault.dir, id);
    throw err;
  }
  return requireMaterial(vault, id);
}

/** Decrypt a material whole, as a stream; every chunk is authenticated before it is passed on. */
export async function openMaterialStream(vault: OpenVault, material: TrainingMaterialView): Promise<Readable> {
  const key = vault.deriveSubkey(ATTACHMENTS_KEY_PURPOSE);
  try {
    return await openBlobRange(key, vault.dir, material.id, material.sizeBytes);
  } finally {
    key.fill(0);
  }
}
