/**
 * A document whose content differs from our copy (issue 15): the sender's content is staged
 * under a blob id of its own, recorded in `document_incoming_blobs` (which owns the blob for the
 * sign-in sweep and for backups), and the conflict is closed by one of three choices:
 *
 * - keep mine: the sender's blob is dropped;
 * - take theirs: our row takes the sender's metadata and points at the sender's blob; ours is dropped;
 * - keep both: the sender's version becomes a new document on the case, its title saying whose
 *   version it is and when it arrived.
 *
 * A blob is removed only after the transaction commits (the caller runs what `close` returns),
 * so a crash in between leaves a file no row owns, which the sweep removes, never a row whose
 * file is gone. A conflict about metadata alone (same content) has no staged blob and closes
 * the generic way.
 */
import { randomUUID } from 'node:crypto';
import { formatUkDate, localDate } from '../../cases/dates';
import type { Db } from '../../db/connection';
import { removeBlob } from '../../documents/blob-writer';
import { documentRecord } from '../../documents/documents.record';
import { AppError } from '../../errors';
import type { OpenVault } from '../../vault/vault';
import type { ApplyContext, BundleModule, ClosingConflict, ConflictHandler } from '../registry';
import type { Row } from './table-module';

/** What this vault wrote for an incoming document's content. */
export interface StagedLayout {
  blobId: string;
  sizeBytes: number;
  sha256: string;
  chunkSize: number;
  ageIdentity: string;
}

interface IncomingBlobRow {
  blob_id: string;
  document_id: string;
  bundle_id: string;
  case_id: string;
  size_bytes: number;
  sha256: string;
  blob_format: number;
  chunk_size: number;
  age_identity: string;
}

/**
 * Inside the import transaction, after its conflicts were recorded: keep the sender's content
 * for the open conflict this bundle raised on the document. False when there is none (the
 * incoming copy was one both sides had already shared), so the caller removes the blob.
 */
export function keepIncomingVersion(
  db: Db,
  version: StagedLayout & { documentId: string; caseId: string },
  ctx: ApplyContext,
): boolean {
  const open = db
    .prepare(
      `SELECT 1 FROM bundle_conflicts
       WHERE module = 'documents' AND record_id = ? AND bundle_id = ? AND resolved_at IS NULL`,
    )
    .get(version.documentId, ctx.bundleId);
  if (!open) return false;
  db.prepare(
    `INSERT INTO document_incoming_blobs
       (blob_id, document_id, bundle_id, case_id, size_bytes, sha256, blob_format, chunk_size, age_identity, staged_at)
     VALUES (?, ?, ?, ?, ?, ?, 2, ?, ?, ?)`,
  ).run(
    version.blobId,
    version.documentId,
    ctx.bundleId,
    version.caseId,
    version.sizeBytes,
    version.sha256,
    version.chunkSize,
    version.ageIdentity,
    ctx.now,
  );
  return true;
}

function incomingOf(db: Db, conflict: ClosingConflict): IncomingBlobRow | undefined {
  return db
    .prepare('SELECT * FROM document_incoming_blobs WHERE document_id = ? AND bundle_id = ?')
    .get(conflict.recordId, conflict.bundleId) as IncomingBlobRow | undefined;
}

const MAX_TITLE = 500;

/** "Referral letter (version from Sam Sender, 02/12/2026)", cut to fit the title's limit. */
export function keptVersionTitle(title: string, senderName: string | null, arrivedAt: string): string {
  const suffix = ` (version from ${senderName ?? 'the sender'}, ${formatUkDate(localDate(new Date(arrivedAt)))})`;
  return `${title.slice(0, Math.max(1, MAX_TITLE - suffix.length))}${suffix}`.slice(0, MAX_TITLE);
}

const INSERT = documentRecord.insertSql();
const ADOPT_BLOB = `UPDATE documents SET blob_id = ?, blob_format = ?, chunk_size = ?, age_identity = ? WHERE id = ?`;

export function documentConflicts(vault: OpenVault, base: BundleModule<Row>): ConflictHandler<Row> {
  const drop = (blobId: string) => () => removeBlob(vault.dir, blobId);
  return {
    offersKeepBoth: (db, conflict) => incomingOf(db, conflict) !== undefined,
    close(db, conflict, outcome, incoming, ctx) {
      const kept = incomingOf(db, conflict);
      if (!kept) {
        // Metadata alone differed: the generic way.
        if (outcome === 'take-theirs') {
          if (base.get(db, conflict.recordId)) base.update(db, incoming, ctx);
          else base.insert(db, incoming, ctx);
        }
        if (outcome === 'keep-both')
          throw new AppError(
            'INVALID_INPUT',
            'Keeping both versions is offered only for a document whose content differs.',
          );
        return null;
      }
      db.prepare('DELETE FROM document_incoming_blobs WHERE blob_id = ?').run(kept.blob_id);
      if (outcome === 'keep-mine' || outcome === 'superseded') return drop(kept.blob_id);
      if (incoming.sha256 !== kept.sha256 || incoming.size_bytes !== kept.size_bytes)
        throw new AppError('VAULT_CORRUPT', 'The stored copy of the sender’s version does not match its content.');
      if (outcome === 'take-theirs') {
        const local = db.prepare('SELECT blob_id FROM documents WHERE id = ?').pluck().get(conflict.recordId) as
          string | undefined;
        if (local === undefined) throw new AppError('NOT_FOUND', 'This vault’s copy of the document is gone.');
        base.update(db, incoming, ctx);
        db.prepare(ADOPT_BLOB).run(
          kept.blob_id,
          kept.blob_format,
          kept.chunk_size,
          kept.age_identity,
          conflict.recordId,
        );
        return drop(local);
      }
      // Keep both: the sender's version as a document of its own, beside ours.
      const id = randomUUID();
      const params: Record<string, unknown> = {
        ...incoming,
        id,
        title: keptVersionTitle(String(incoming.title), conflict.senderName, conflict.createdAt),
        blob_id: kept.blob_id,
        blob_format: kept.blob_format,
        chunk_size: kept.chunk_size,
        age_identity: kept.age_identity,
        updated_at: ctx.now,
        updated_by: ctx.userId,
        deleted_at: null,
        deleted_by: null,
        version: 1,
      };
      const row: Record<string, unknown> = {};
      for (const c of documentRecord.names) row[c] = params[c] ?? null;
      db.prepare(INSERT).run(row);
      vault.audit({
        action: 'document.create',
        entityType: 'document',
        entityId: id,
        caseId: conflict.caseId,
        detail: {
          keptFrom: { conflictId: conflict.id, bundleId: conflict.bundleId, documentId: conflict.recordId },
          size: kept.size_bytes,
          sha256: kept.sha256,
        },
      });
      return null;
    },
  };
}
