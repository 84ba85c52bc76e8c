/**
 * What documents contribute to the case-wide views: full-text hits on title and description
 * (documents_fts) for the search, and "document added" events for the chronology. The query
 * syntax is the notes search's own (search/search.repo.ts), so both behave the same.
 */
import type { SessionUser } from '../../../preload/contract';
import type { DocumentSearchPage, DocumentSearchResult } from '../../../preload/contract/documents';
import { displayName } from '../cases/caseload.service';
import { stmt } from '../db/statements';
import { visibleCaseCondition } from '../cases/visibility';
import type { Db } from '../db/connection';
import type { ChronologySource } from '../notes/chronology';
import { SEARCH_WINDOW, snippetsFor, toFtsQuery, walkNewestFirst } from '../search/fts-window';
import type { OpenVault } from '../vault/vault';

interface WindowRow {
  seq: number;
  case_id: string;
  reference: string;
  given_name: string | null;
  family_name: string | null;
  initials: string;
  document_id: string;
  title: string;
  uploaded_at: string;
}

/**
 * One page of matching documents for the search results, grouped by case: the case with the
 * most recently added match first, then its matches newest first. Bounded like the notes search
 * by the same walk (search/fts-window.ts): one window of matches, newest added first, below
 * `cursor` (rowid = documents.seq, which only grows). Snippets are made only for the page's
 * documents.
 */
export function searchDocumentsWindow(
  db: Db,
  user: SessionUser,
  query: string,
  limit: number,
  offset: number,
  cursor: number | null = null,
  window = SEARCH_WINDOW,
): { items: DocumentSearchResult[]; total: number; nextCursor: number | null } {
  const { seqs, nextCursor } = walkNewestFirst(db, 'documents_fts', query, cursor, window);
  const visible = visibleCaseCondition(user, 'd.case_id');
  // The index drops deleted documents (triggers), but the join re-checks: never show one.
  // d.case_id between the two keeps a case's documents together when two cases tie.
  const rows = stmt(
    db,
    `SELECT d.seq, d.case_id, c.reference, y.given_name, y.family_name, y.initials,
            d.id AS document_id, d.title, d.uploaded_at
     FROM json_each(@seqs) r JOIN documents d ON d.seq = r.value
       JOIN cases c ON c.id = d.case_id JOIN young_people y ON y.case_id = d.case_id
     WHERE d.deleted_at IS NULL AND ${visible.sql}
     ORDER BY max(d.uploaded_at || printf('%020d', d.seq)) OVER (PARTITION BY d.case_id) DESC, d.case_id,
              d.uploaded_at DESC, d.seq DESC`,
  ).all({ ...visible.params, seqs: JSON.stringify(seqs) }) as WindowRow[];
  const page = rows.slice(offset, offset + limit);
  // Column -1: FTS5 picks whichever of title or description holds the match.
  const snippets = snippetsFor(
    db,
    'documents_fts',
    -1,
    query,
    page.map((r) => r.seq),
  );
  const items = page.map((r) => ({
    caseId: r.case_id,
    reference: r.reference,
    displayName: displayName(r.given_name, r.family_name, r.initials),
    documentId: r.document_id,
    title: r.title,
    snippet: snippets.get(r.seq) ?? r.title,
    uploadedAt: r.uploaded_at,
  }));
  return { items, total: rows.length, nextCursor };
}

/** The documents part of a search, without its audit row (the caller writes one per search). */
export function documentSearchPage(
  vault: OpenVault,
  text: string,
  limit: number,
  offset: number,
  cursor: number | null,
): DocumentSearchPage {
  const query = toFtsQuery(text);
  const { items, total, nextCursor } = query
    ? searchDocumentsWindow(vault.db, vault.user, query, limit, offset, cursor)
    : { items: [], total: 0, nextCursor: null };
  return { items, total, offset, limit, window: SEARCH_WINDOW, cursor, nextCursor };
}

/**
 * The `search:documents` use case: one page of one window of document matches, and one audit
 * row per query. The audit records the outcome only: the words may be names or clinical terms.
 */
export function searchCaseDocuments(
  vault: OpenVault,
  text: string,
  limit: number,
  offset: number,
  cursor: number | null = null,
): DocumentSearchPage {
  return vault.db
    .transaction(() => {
      const page = documentSearchPage(vault, text, limit, offset, cursor);
      vault.audit({
        action: 'search.fulltext',
        detail: { scope: 'documents', documents: page.total, offset, continued: cursor !== null },
      });
      return page;
    })
    .immediate();
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
