/**
 * What documents contribute to the case-wide views: full-text hits on title and description
 * (documents_fts) for the search, and "document added" events for the chronology. The query
 * syntax is the notes search's own (search/search.repo.ts), so both behave the same.
 */
import type { SessionUser } from '../../../preload/contract';
import type { DocumentSearchPage, DocumentSearchResult } from '../../../preload/contract/documents';
import { displayName } from '../cases/caseload.service';
import { stmt } from '../cases/sql';
import { visibleCaseCondition } from '../cases/visibility';
import type { Db } from '../db/connection';
import type { ChronologySource } from '../notes/chronology';
import { SEARCH_WINDOW, toFtsQuery } from '../search/search.repo';
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
 * most recently added match first, then its matches newest first. Bounded like the notes
 * search: it walks the FTS index newest-first (rowid = documents.seq, which only grows) and
 * stops after `window` matches instead of ranking every match with bm25, so a common word costs
 * the same at any scale. Snippets are made only for the page's documents.
 */
export function searchDocumentsWindow(
  db: Db,
  user: SessionUser,
  query: string,
  limit: number,
  offset: number,
  window = SEARCH_WINDOW,
): { items: DocumentSearchResult[]; total: number; windowFull: boolean } {
  const seqs = (
    stmt(db, 'SELECT rowid AS seq FROM documents_fts WHERE documents_fts MATCH @q ORDER BY rowid DESC LIMIT @n').all({
      q: query,
      n: window + 1,
    }) as { seq: number }[]
  ).map((r) => r.seq);
  const windowFull = seqs.length > window;
  const visible = visibleCaseCondition(user, 'd.case_id');
  // The index drops deleted documents (triggers), but the join re-checks: never show one.
  const rows = stmt(
    db,
    `SELECT d.seq, d.case_id, c.reference, y.given_name, y.family_name, y.initials,
            d.id AS document_id, d.title, d.uploaded_at
     FROM json_each(@seqs) r JOIN documents d ON d.seq = r.value
       JOIN cases c ON c.id = d.case_id JOIN young_people y ON y.case_id = d.case_id
     WHERE d.deleted_at IS NULL AND ${visible.sql}
     ORDER BY max(d.seq) OVER (PARTITION BY d.case_id) DESC, d.seq DESC`,
  ).all({ ...visible.params, seqs: JSON.stringify(seqs.slice(0, window)) }) as WindowRow[];
  const page = rows.slice(offset, offset + limit);
  const snippets = pageSnippets(
    db,
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
  return { items, total: rows.length, windowFull };
}

/**
 * Snippets for the page's documents in one newest-first walk (see search.repo.ts pageSnippets:
 * one MATCH per row would re-run the query each time). Column -1 lets FTS5 pick whichever of
 * title or description holds the match.
 */
function pageSnippets(db: Db, query: string, seqs: number[]): Map<number, string> {
  const wanted = new Set(seqs);
  const out = new Map<number, string>();
  if (wanted.size === 0) return out;
  const rows = stmt(
    db,
    `SELECT rowid AS seq, snippet(documents_fts, -1, '[', ']', '…', 16) AS s
     FROM documents_fts WHERE documents_fts MATCH @q AND rowid >= @from ORDER BY rowid DESC`,
  ).iterate({ q: query, from: Math.min(...seqs) }) as IterableIterator<{ seq: number; s: string }>;
  for (const row of rows) {
    if (wanted.has(row.seq)) out.set(row.seq, row.s);
    if (out.size === wanted.size) break;
  }
  return out;
}

/**
 * The `search:documents` use case: one page of document matches and one audit row per query.
 * The audit records the outcome only: the words may be names or clinical terms.
 */
export function searchCaseDocuments(vault: OpenVault, text: string, limit: number, offset: number): DocumentSearchPage {
  const query = toFtsQuery(text);
  return vault.db
    .transaction(() => {
      const { items, total, windowFull } = query
        ? searchDocumentsWindow(vault.db, vault.user, query, limit, offset)
        : { items: [], total: 0, windowFull: false };
      vault.audit({ action: 'search.fulltext', detail: { scope: 'documents', documents: total, offset } });
      return { items, total, offset, limit, windowFull, window: SEARCH_WINDOW };
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
  group: 'documents',
  sql: `SELECT d.uploaded_at, 'document_added', d.id,
          'Document added: ' || d.title || ' (' || d.original_filename || ')',
          (SELECT display_name FROM users u WHERE u.id = d.uploaded_by), 0
        FROM documents d WHERE d.case_id = @caseId AND d.deleted_at IS NULL`,
};
