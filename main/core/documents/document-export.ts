/**
 * The explicit export of one document to a file the user chose: the one sanctioned way a
 * document's plaintext reaches the disk. It never overwrites, checks the SHA-256 of what it
 * wrote against the recorded one, removes a partial copy on failure, and is audited.
 */
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import type { DocumentExportResult } from '../../../preload/contract/documents';
import { AppError, fsError } from '../errors';
import type { OpenVault } from '../vault/vault';
import { writeFullyv } from './blob-writer';
import { openDocumentStream, requireDocument } from './documents.service';

const EXPORT_BATCH_BYTES = 1024 * 1024;

export async function exportDocumentToFile(
  vault: OpenVault,
  documentId: string,
  path: string,
): Promise<DocumentExportResult> {
  if (!isAbsolute(path)) throw new AppError('INVALID_INPUT', 'Choose where to save the document.');
  const doc = requireDocument(vault, documentId);
  // Decrypt the first chunk before creating the file: a damaged blob leaves nothing on disk.
  const stream = await openDocumentStream(vault, doc);
  let handle: FileHandle;
  try {
    // 'wx' fails if the file exists: an export never replaces anything.
    handle = await open(path, 'wx', 0o600);
  } catch (err) {
    stream.destroy();
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new AppError(
        'CONFLICT',
        'A file with that name already exists there. Choose another name; nothing was overwritten.',
      );
    }
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new AppError('NOT_FOUND', 'That folder does not exist. Choose another place to save the document.');
    }
    fsError(err, 'the exported copy');
  }
  const hash = createHash('sha256');
  let size = 0;
  try {
    // Written about 1 MiB at a time (one writev of the decrypted chunks), not a call per chunk.
    let batch: Buffer[] = [];
    let batched = 0;
    for await (const piece of stream) {
      const data = piece as Buffer;
      hash.update(data);
      size += data.length;
      batch.push(data);
      batched += data.length;
      if (batched >= EXPORT_BATCH_BYTES) {
        await writeFullyv(handle, batch);
        batch = [];
        batched = 0;
      }
    }
    await writeFullyv(handle, batch);
    await handle.sync();
    await handle.close();
    const sha256 = hash.digest('hex');
    if (sha256 !== doc.sha256 || size !== doc.sizeBytes) {
      throw new AppError('VAULT_CORRUPT', 'The exported copy did not match the stored document, so it was removed.');
    }
    vault.db
      .transaction(() => {
        vault.audit({
          action: 'document.export',
          entityType: 'document',
          entityId: doc.id,
          caseId: doc.caseId,
          detail: { path, size, sha256 },
        });
      })
      .immediate();
    return { path, sizeBytes: size, sha256 };
  } catch (err) {
    stream.destroy();
    await handle.close().catch(() => undefined);
    // Only the file this call created is removed ('wx' guaranteed it was new).
    rmSync(path, { force: true });
    if (err instanceof AppError) throw err;
    fsError(err, 'the exported copy');
  }
}
