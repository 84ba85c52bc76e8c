/**
 * Document use cases: import (encrypt a stream into the vault), read (decrypt a range), list,
 * update, soft delete and the explicit export to disk. Every change commits together with its
 * audit row; a blob that did not end up recorded is removed.
 */
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import type { ChannelParsedInput } from '../../../preload/contract';
import type { DocumentOwnerType, DocumentView } from '../../../preload/contract/documents';
import { AppError, fsError } from '../errors';
import type { OpenVault } from '../vault/vault';
import { AGE_BLOB_FORMAT } from './age-blob-writer';
import { openDocumentBlob, writeDocumentBlob } from './blob-store';
import type { ByteRange } from './chunk-stream';
import {
  caseExists,
  findDocument,
  findDocumentRow,
  insertDocument,
  listDocuments,
  softDeleteDocument,
  updateDocumentText,
} from './documents.repo';
import { decideMediaType } from './media-type';

export { ATTACHMENTS_KEY_PURPOSE } from './blob-store';

export interface ImportMetadata {
  caseId: string;
  filename: string;
  /** Declared by the client; used only when neither the bytes nor the name say. */
  mediaType?: string | null;
  title?: string | null;
  description?: string | null;
  /** Holds third-party information (marked by the uploader). Default: not marked. */
  thirdParty?: boolean;
  /** Defaults to the case itself. */
  ownerType?: DocumentOwnerType;
  ownerId?: string;
}

const FS_ERROR_CODES = new Set(['ENOSPC', 'EDQUOT', 'EACCES', 'EPERM', 'EROFS']);

/** A file name fit to store and show: no folders, no control characters, not too long. */
export function cleanFilename(name: string): string {
  const last = basename(name.replace(/\\/g, '/'));
  const visible = [...last].filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f).join('');
  return visible.trim().slice(0, 255) || 'document';
}

function withoutExtension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

export function requireDocument(vault: OpenVault, documentId: string): DocumentView {
  const doc = findDocument(vault.db, documentId);
  if (!doc) throw new AppError('NOT_FOUND', 'That document does not exist. It may have been deleted.');
  return doc;
}

/**
 * Encrypt `source` into the vault and record it. Memory stays bounded (one chunk at a time)
 * whatever the size. Nothing is recorded unless the whole stream was stored; on any failure the
 * partial blob is removed. A full disk fails with DISK_FULL.
 */
export async function importDocument(
  vault: OpenVault,
  meta: ImportMetadata,
  source: Readable | AsyncIterable<unknown>,
): Promise<DocumentView> {
  if (!caseExists(vault.db, meta.caseId)) {
    throw new AppError('NOT_FOUND', 'That case does not exist. It may have been removed.');
  }
  const id = randomUUID();
  const filename = cleanFilename(meta.filename);
  let written;
  try {
    // A new document's blob id is its own id; they part only when a bundle brings another version.
    written = await writeDocumentBlob(vault.dir, id, source);
  } catch (err) {
    if (err instanceof AppError) throw err;
    if (FS_ERROR_CODES.has((err as NodeJS.ErrnoException | null)?.code ?? '')) fsError(err, 'the document');
    throw new AppError(
      'INVALID_INPUT',
      'The file could not be read to the end (the upload was interrupted). Nothing was saved. Try again.',
    );
  }
  const at = vault.now().toISOString();
  const title = meta.title?.trim() || withoutExtension(filename);
  try {
    if (!vault.isOpen) throw new AppError('LOCKED', 'The vault was locked during the upload. Nothing was saved.');
    vault.db
      .transaction(() => {
        insertDocument(vault.db, {
          id,
          case_id: meta.caseId,
          owner_type: meta.ownerType ?? 'case',
          owner_id: meta.ownerId ?? meta.caseId,
          title: title.slice(0, 300),
          description: meta.description?.trim() || null,
          original_filename: filename,
          media_type: decideMediaType(written.head, filename, meta.mediaType),
          size_bytes: written.size,
          sha256: written.sha256,
          third_party: meta.thirdParty ? 1 : 0,
          blob_format: AGE_BLOB_FORMAT,
          chunk_size: written.chunkSize,
          age_identity: written.ageIdentity,
          blob_id: id,
          uploaded_by: vault.user.id,
          uploaded_at: at,
          updated_at: at,
          updated_by: vault.user.id,
        });
        vault.audit({
          action: 'document.create',
          entityType: 'document',
          entityId: id,
          caseId: meta.caseId,
          detail: { size: written.size, sha256: written.sha256, thirdParty: meta.thirdParty === true },
        });
      })
      .immediate();
  } catch (err) {
    rmSync(written.path, { force: true });
    throw err;
  }
  return requireDocument(vault, id);
}

/**
 * Decrypt a document (or a byte range of it) as a stream. Integrity failures are thrown here,
 * before the caller sends anything, for the header and the first chunk; later chunks fail the
 * stream. The caller decides whether this read is audited (see document-routes.ts).
 */
export async function openDocumentStream(vault: OpenVault, doc: DocumentView, range?: ByteRange): Promise<Readable> {
  // The blob id and identity are read from the row here, not carried in the view: they never leave main.
  const row = findDocumentRow(vault.db, doc.id);
  if (!row) throw new AppError('NOT_FOUND', 'That document does not exist.');
  return openDocumentBlob(
    vault,
    { blobId: row.blob_id, sizeBytes: doc.sizeBytes, ageIdentity: row.age_identity },
    range,
  );
}

export function listCaseDocuments(
  vault: OpenVault,
  caseId: string,
  owner?: Pick<ChannelParsedInput<'document:list'>, 'ownerType' | 'ownerId'>,
): DocumentView[] {
  if (!caseExists(vault.db, caseId)) throw new AppError('NOT_FOUND', 'That case does not exist.');
  const docs = listDocuments(vault.db, caseId, owner);
  vault.audit({ action: 'case.read', entityType: 'case', entityId: caseId, caseId, detail: { part: 'documents' } });
  return docs;
}

export function getDocument(vault: OpenVault, documentId: string): DocumentView {
  const doc = requireDocument(vault, documentId);
  vault.audit({ action: 'case.read', entityType: 'document', entityId: doc.id, caseId: doc.caseId });
  return doc;
}

export function updateDocument(
  vault: OpenVault,
  documentId: string,
  expectedVersion: number,
  patch: Pick<ChannelParsedInput<'document:update'>, 'title' | 'description' | 'thirdParty'>,
): DocumentView {
  return vault.db
    .transaction(() => {
      const doc = requireDocument(vault, documentId);
      const fields = {
        title: patch.title ?? doc.title,
        description: patch.description === undefined ? doc.description : patch.description || null,
        thirdParty: patch.thirdParty ?? doc.thirdParty,
      };
      if (
        !updateDocumentText(vault.db, documentId, expectedVersion, fields, vault.now().toISOString(), vault.user.id)
      ) {
        throw new AppError('CONFLICT', 'Someone else changed this document first. Reload it and try again.');
      }
      vault.audit({
        action: 'document.update',
        entityType: 'document',
        entityId: documentId,
        caseId: doc.caseId,
        detail: {
          fields: Object.keys(patch).filter((k) => patch[k as keyof typeof patch] !== undefined),
          // Who marked or unmarked it is part of the record: the audit row says which way.
          ...(patch.thirdParty !== undefined && patch.thirdParty !== doc.thirdParty
            ? { thirdParty: patch.thirdParty }
            : {}),
        },
      });
      return requireDocument(vault, documentId);
    })
    .immediate();
}

/** Soft delete: the row is hidden and the blob kept until a reviewed disposal. */
export function deleteDocument(vault: OpenVault, documentId: string, reason: string | null): void {
  vault.db
    .transaction(() => {
      const doc = requireDocument(vault, documentId);
      softDeleteDocument(vault.db, documentId, vault.now().toISOString(), vault.user.id);
      vault.audit({
        action: 'document.delete',
        entityType: 'document',
        entityId: documentId,
        caseId: doc.caseId,
        detail: { reason, soft: true },
      });
    })
    .immediate();
}
