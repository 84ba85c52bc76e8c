/** SQL for documents. Synchronous; callers wrap multi-statement writes in a transaction. */
import type { DocumentOwnerType, DocumentView } from '../../../preload/contract/documents';
import type { Db } from '../db/connection';

export interface DocumentRow {
  id: string;
  case_id: string;
  owner_type: DocumentOwnerType;
  owner_id: string;
  title: string;
  description: string | null;
  original_filename: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  blob_format: number;
  chunk_size: number;
  uploaded_by: string;
  uploaded_at: string;
  updated_at: string;
  updated_by: string;
  deleted_at: string | null;
  deleted_by: string | null;
  version: number;
}

type ViewRow = DocumentRow & { uploaded_by_name: string | null };

const SELECT_VIEW = `
  SELECT d.*, u.display_name AS uploaded_by_name
  FROM documents d LEFT JOIN users u ON u.id = d.uploaded_by`;

export function toView(row: ViewRow): DocumentView {
  return {
    id: row.id,
    caseId: row.case_id,
    ownerType: row.owner_type,
    ownerId: row.owner_id,
    title: row.title,
    description: row.description,
    originalFilename: row.original_filename,
    mediaType: row.media_type,
    sizeBytes: row.size_bytes,
    sha256: row.sha256,
    uploadedBy: row.uploaded_by,
    uploadedByName: row.uploaded_by_name ?? 'Unknown user',
    uploadedAt: row.uploaded_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

export function insertDocument(db: Db, row: Omit<DocumentRow, 'deleted_at' | 'deleted_by' | 'version'>): void {
  db.prepare(
    `INSERT INTO documents (id, case_id, owner_type, owner_id, title, description, original_filename, media_type,
       size_bytes, sha256, blob_format, chunk_size, uploaded_by, uploaded_at, updated_at, updated_by)
     VALUES (@id, @case_id, @owner_type, @owner_id, @title, @description, @original_filename, @media_type,
       @size_bytes, @sha256, @blob_format, @chunk_size, @uploaded_by, @uploaded_at, @updated_at, @updated_by)`,
  ).run(row);
}

/** A live (not deleted) document, or null. */
export function findDocument(db: Db, id: string): DocumentView | null {
  const row = db.prepare(`${SELECT_VIEW} WHERE d.id = ? AND d.deleted_at IS NULL`).get(id) as ViewRow | undefined;
  return row ? toView(row) : null;
}

/** The raw row, deleted or not (for disposal and integrity checks). */
export function findDocumentRow(db: Db, id: string): DocumentRow | null {
  return (db.prepare('SELECT * FROM documents WHERE id = ?').get(id) as DocumentRow | undefined) ?? null;
}

export function listDocuments(
  db: Db,
  caseId: string,
  owner?: { ownerType?: DocumentOwnerType | undefined; ownerId?: string | undefined },
): DocumentView[] {
  const rows = db
    .prepare(
      `${SELECT_VIEW}
       WHERE d.case_id = @caseId AND d.deleted_at IS NULL
         AND (@ownerType IS NULL OR d.owner_type = @ownerType)
         AND (@ownerId IS NULL OR d.owner_id = @ownerId)
       ORDER BY d.uploaded_at DESC, d.seq DESC`,
    )
    .all({ caseId, ownerType: owner?.ownerType ?? null, ownerId: owner?.ownerId ?? null }) as ViewRow[];
  return rows.map(toView);
}

/** Returns false when the version did not match (someone else changed it first). */
export function updateDocumentText(
  db: Db,
  id: string,
  expectedVersion: number,
  fields: { title: string; description: string | null },
  at: string,
  by: string,
): boolean {
  const result = db
    .prepare(
      `UPDATE documents SET title = @title, description = @description, updated_at = @at, updated_by = @by,
         version = version + 1
       WHERE id = @id AND version = @expectedVersion AND deleted_at IS NULL`,
    )
    .run({ id, expectedVersion, ...fields, at, by });
  return result.changes === 1;
}

export function softDeleteDocument(db: Db, id: string, at: string, by: string): boolean {
  const result = db
    .prepare(
      `UPDATE documents SET deleted_at = @at, deleted_by = @by, updated_at = @at, updated_by = @by,
         version = version + 1
       WHERE id = @id AND deleted_at IS NULL`,
    )
    .run({ id, at, by });
  return result.changes === 1;
}

export function caseExists(db: Db, caseId: string): boolean {
  return db.prepare('SELECT 1 FROM cases WHERE id = ?').get(caseId) !== undefined;
}
