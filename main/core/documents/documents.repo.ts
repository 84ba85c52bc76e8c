/** SQL for documents. Synchronous; callers wrap multi-statement writes in a transaction. */
import type { DocumentOwnerType, DocumentView } from '../../../preload/contract/documents';
import type { Db } from '../db/connection';
import type { RowOf } from '../db/record';
import { documentRecord, toDocumentView, type DocumentWithUploader } from './documents.record';

export type DocumentRow = RowOf<typeof documentRecord.columns>;

const SELECT_VIEW = `
  SELECT ${documentRecord.select('d')}, u.display_name AS uploaded_by_name
  FROM documents d LEFT JOIN users u ON u.id = d.uploaded_by`;
/** A new document is live (`deleted_*` NULL); `version` starts at the DDL's default. */
const INSERT = documentRecord.insertSql(documentRecord.except(['deleted_at', 'deleted_by', 'version']));
const UPDATE_TEXT = documentRecord.updateSql(
  ['title', 'description', 'third_party', 'updated_at', 'updated_by'],
  'id = @id AND version = @expected_version AND deleted_at IS NULL',
);
const SOFT_DELETE = documentRecord.updateSql(
  ['deleted_at', 'deleted_by', 'updated_at', 'updated_by'],
  'id = @id AND deleted_at IS NULL',
);

export const toView: (row: DocumentWithUploader) => DocumentView = toDocumentView;

export function insertDocument(db: Db, row: Omit<DocumentRow, 'deleted_at' | 'deleted_by' | 'version'>): void {
  db.prepare(INSERT).run(row);
}

/** A live (not deleted) document, or null. */
export function findDocument(db: Db, id: string): DocumentView | null {
  const row = db.prepare(`${SELECT_VIEW} WHERE d.id = ? AND d.deleted_at IS NULL`).get(id) as
    DocumentWithUploader | undefined;
  return row ? toView(row) : null;
}

/** The raw row, deleted or not (for disposal and integrity checks). */
export function findDocumentRow(db: Db, id: string): DocumentRow | null {
  return (
    (db.prepare(`SELECT ${documentRecord.select()} FROM documents WHERE id = ?`).get(id) as DocumentRow | undefined) ??
    null
  );
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
    .all({ caseId, ownerType: owner?.ownerType ?? null, ownerId: owner?.ownerId ?? null }) as DocumentWithUploader[];
  return rows.map(toView);
}

/** Title, description and third-party marking. Returns false when the version did not match (someone else changed it first). */
export function updateDocumentText(
  db: Db,
  id: string,
  expectedVersion: number,
  fields: { title: string; description: string | null; thirdParty: boolean },
  at: string,
  by: string,
): boolean {
  const result = db.prepare(UPDATE_TEXT).run({
    id,
    expected_version: expectedVersion,
    title: fields.title,
    description: fields.description,
    third_party: fields.thirdParty ? 1 : 0,
    updated_at: at,
    updated_by: by,
  });
  return result.changes === 1;
}

export function softDeleteDocument(db: Db, id: string, at: string, by: string): boolean {
  const result = db.prepare(SOFT_DELETE).run({ id, deleted_at: at, deleted_by: by, updated_at: at, updated_by: by });
  return result.changes === 1;
}

export function caseExists(db: Db, caseId: string): boolean {
  return db.prepare('SELECT 1 FROM cases WHERE id = ?').get(caseId) !== undefined;
}
