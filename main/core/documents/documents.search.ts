/**
 * What documents contribute to the case-wide views: full-text hits on title and description
 * (documents_fts) for the search, and "document added" events for the chronology. The query
 * syntax is the notes search's own (search/search.repo.ts), so both behave the same.
 */
import type { SessionUser } from '../../../preload/contract';
import type { DocumentSearchPage, DocumentSearchResult } from '../../../preload/contract/documents';
import type { Db } from '../db/connection';
import type { ChronologySource } from '../notes/chronology';
import {
  SEARCH_WINDOW,
  hitCase,
  searchWindow,
  snippetsFor,
  windowPage,
  type HitCaseColumns,
  type WindowResult,
  type WindowSection,
} from '../search/fts-window';
import { auditedSectionSearch } from '../search/search.service';
import type { OpenVault } from '../vault/vault';

interface WindowRow extends HitCaseColumns {
  seq: number;
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
): WindowResult<DocumentSearchResult> {
  return searchWindow(db, user, DOCUMENT_SECTION, query, { limit, offset, cursor, window });
}

/** The documents' part of the walk: the window's live documents, grouped by case. */
const DOCUMENT_SECTION: WindowSection<WindowRow, DocumentSearchResult> = {
  table: 'documents_fts',
  caseColumn: 'd.case_id',
  // The index drops deleted documents (triggers), but the join re-checks: never show one.
  // d.case_id between the two keeps a case's documents together when two cases tie.
  rowsSql: (visible) =>
    `SELECT d.seq, d.case_id, c.reference, y.given_name, y.family_name, y.initials,
            d.id AS document_id, d.title, d.uploaded_at
     FROM json_each(@seqs) r JOIN documents d ON d.seq = r.value
       JOIN cases c ON c.id = d.case_id JOIN young_people y ON y.case_id = d.case_id
     WHERE d.deleted_at IS NULL AND ${visible}
     ORDER BY max(d.uploaded_at || printf('%020d', d.seq)) OVER (PARTITION BY d.case_id) DESC, d.case_id,
              d.uploaded_at DESC, d.seq DESC`,
  items: (db, page, query) => {
    // Column -1: FTS5 picks whichever of title or description holds the match.
    const snippets = snippetsFor(
      db,
      'documents_fts',
      -1,
      query,
      page.map((r) => r.seq),
    );
    return page.map((r) => ({
      ...hitCase(r),
      documentId: r.document_id,
      title: r.title,
      snippet: snippets.get(r.seq) ?? r.title,
      uploadedAt: r.uploaded_at,
    }));
  },
};

/** The documents part of a search, without its audit row (the caller writes one per search). */
export function documentSearchPage(
  vault: OpenVault,
  text: string,
  limit: number,
  offset: number,
  cursor: number | null,
): DocumentSearchPage {
  return windowPage(text, { limit, offset, cursor }, (query) =>
    searchDocumentsWindow(vault.db, vault.user, query, limit, offset, cursor),
  );
}

/**
 * The `search:documents` use case: one page of one window of document matches, and one audit
 * row per query (the outcome only, never the words).
 */
export const searchCaseDocuments = auditedSectionSearch(documentSearchPage, (page) => ({
  scope: 'documents',
  documents: page.total,
}));

/**
 * The chronology fragment for documents (see notes/chronology.ts): one `document_added` event
 * per live document of the case, when it was uploaded and by whom, marked third-party when the
 * document is (so the chronology's filter and a subject access copy treat it so). Registered by
 * documents.ipc.ts, which the core loads at start-up.
 */
export const DOCUMENT_CHRONOLOGY_SOURCE: ChronologySource = {
  kinds: ['document_added'],
  sql: `SELECT d.uploaded_at, 'document_added', d.id,
          'Document added: ' || d.title || ' (' || d.original_filename || ')',
          (SELECT display_name FROM users u WHERE u.id = d.uploaded_by), d.third_party
        FROM documents d WHERE d.case_id = @caseId AND d.deleted_at IS NULL`,
};
