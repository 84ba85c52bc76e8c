/**
 * What documents contribute to the case-wide views: full-text hits on title and description
 * (documents_fts) for the search, and "document added" events for the chronology. The query
 * syntax is the notes search's own (search/search.repo.ts), so both behave the same.
 */
import type { SessionUser } from '../../../preload/contract';
import type { Db } from '../db/connection';
import { visibleCaseCondition } from '../cases/visibility';
import type { ChronologySource } from '../notes/chronology';
import { toFtsQuery } from '../search/search.repo';

export interface DocumentSearchHit {
  caseId: string;
  documentId: string;
  title: string;
  uploadedAt: string;
  /** Title or description with the matches wrapped in [ ], ellipsised. */
  snippet: string;
  /** FTS5 bm25 rank: lower is better, comparable with other bm25 ranks. */
  rank: number;
}

/**
 * Live documents whose title or description match what the user typed, best first, only in
 * cases `user` may see. `rank` is bm25 like the notes search's, so results can be merged.
 */
export function searchDocuments(
  db: Db,
  user: SessionUser,
  text: string,
  options: { limit?: number; caseId?: string } = {},
): DocumentSearchHit[] {
  const query = toFtsQuery(text);
  if (!query) return [];
  const visible = visibleCaseCondition(user, 'd.case_id');
  return db
    .prepare(
      `SELECT d.case_id AS caseId, d.id AS documentId, d.title AS title, d.uploaded_at AS uploadedAt,
              coalesce(nullif(snippet(documents_fts, 1, '[', ']', '…', 12), ''),
                       snippet(documents_fts, 0, '[', ']', '…', 12)) AS snippet,
              bm25(documents_fts) AS rank
       FROM documents_fts JOIN documents d ON d.seq = documents_fts.rowid
       WHERE documents_fts MATCH @query AND d.deleted_at IS NULL AND ${visible.sql}
         AND (@caseId IS NULL OR d.case_id = @caseId)
       ORDER BY rank LIMIT @limit`,
    )
    .all({
      ...visible.params,
      query,
      caseId: options.caseId ?? null,
      limit: options.limit ?? 200,
    }) as DocumentSearchHit[];
}

/**
 * The chronology fragment for documents (see notes/chronology.ts): one `document_added` event
 * per live document of the case, when it was uploaded and by whom. Registered by
 * documents.ipc.ts, which the core loads at start-up.
 */
export const DOCUMENT_CHRONOLOGY_SOURCE: ChronologySource = {
  kinds: ['document_added'],
  sql: `SELECT d.uploaded_at, 'document_added', d.id,
          'Document added: ' || d.title || ' (' || d.original_filename || ')',
          (SELECT display_name FROM users u WHERE u.id = d.uploaded_by), 0
        FROM documents d WHERE d.case_id = @caseId AND d.deleted_at IS NULL`,
};
