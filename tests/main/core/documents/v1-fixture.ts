/**
 * A document stored the way the app stored it before migration 190: a format 1 blob (the
 * vault's attachments key, `blob-writer.ts`) and a row with `blob_format = 1` and no identity.
 * Written with the same functions the old import used, so the migration is tested against the
 * real old format rather than a copy of it.
 */
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { BLOB_FORMAT_VERSION } from '../../../../main/core/documents/blob-format';
import { writeBlob } from '../../../../main/core/documents/blob-writer';
import { ATTACHMENTS_KEY_PURPOSE } from '../../../../main/core/documents/blob-store';
import { insertDocument } from '../../../../main/core/documents/documents.repo';
import type { OpenVault } from '../../../../main/core/vault/vault';

export async function importV1Document(
  vault: OpenVault,
  caseId: string,
  data: Buffer,
  filename = 'letter-v1.pdf',
): Promise<string> {
  const id = randomUUID();
  const key = vault.deriveSubkey(ATTACHMENTS_KEY_PURPOSE);
  let written;
  try {
    written = await writeBlob(key, vault.dir, id, Readable.from([data]));
  } finally {
    key.fill(0);
  }
  const at = vault.now().toISOString();
  vault.db.transaction(() => {
    insertDocument(vault.db, {
      id,
      case_id: caseId,
      owner_type: 'case',
      owner_id: caseId,
      title: filename,
      description: null,
      original_filename: filename,
      media_type: 'application/octet-stream',
      size_bytes: written.size,
      third_party: 0,
      sha256: written.sha256,
      blob_format: BLOB_FORMAT_VERSION,
      chunk_size: written.chunkSize,
      age_identity: null,
      blob_id: id,
      uploaded_by: vault.user.id,
      uploaded_at: at,
      updated_at: at,
      updated_by: vault.user.id,
    });
    vault.audit({ action: 'document.create', entityType: 'document', entityId: id, caseId });
  })();
  return id;
}
