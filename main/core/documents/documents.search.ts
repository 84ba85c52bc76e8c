/**
 * What documents contribute to the case-wide views: full-text hits on title and description
 * (documents_fts) for the search, and "document added" events for the chronology. Exported as
 * plain functions so the search and chronology services can merge them with their own sources.
 */
import type { ChronologyEvent } from '../../../preload/contract/casework';
import type { SessionUser } from '../../../preload/contract';
import type { Db } from '../db/connection';
import { visibleCaseCondition } from '../cases/visibility';

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
 * Turn what a user typed into a safe FTS5 query: each word becomes a quoted prefix term, all
 * required. Quoting means FTS5 syntax (AND, NEAR, *, :, ...) typed by a user is just text.
 * Returns null when nothing searchable is left.
 */
export function toFtsQuery(text: string): string | null {
  const words = text
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 20);
  return words.length ? words.map((w) => `"${w}"*`).join(' ') : null;
}

/** Live documents whose title or description match, best first, only in cases `user` may see. */
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

/** One chronology event per live document of the case: when it was added, and by whom. */
export function documentChronologyEvents(db: Db, caseId: string): ChronologyEvent[] {
  const rows = db
    .prepare(
      `SELECT d.id, d.title, d.original_filename, d.uploaded_at, u.display_name AS actor
       FROM documents d LEFT JOIN users u ON u.id = d.uploaded_by
       WHERE d.case_id = ? AND d.deleted_at IS NULL
       ORDER BY d.uploaded_at DESC`,
    )
    .all(caseId) as {
    id: string;
    title: string;
    original_filename: string;
    uploaded_at: string;
    actor: string | null;
  }[];
  return rows.map((r) => ({
    at: r.uploaded_at,
    kind: 'document_added',
    entityId: r.id,
    summary: `Document added: ${r.title} (${r.original_filename})`,
    actorName: r.actor,
    thirdPartySensitive: false,
  }));
}
