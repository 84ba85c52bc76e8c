/** Full-text search over notes (FTS5, inside the encrypted database), grouped by case. */
import type { SessionUser } from '../../../preload/contract';
import type { NoteType, SearchHitGroup } from '../../../preload/contract/casework';
import { stmt } from '../db/statements';
import type { Db } from '../db/connection';
import {
  SEARCH_WINDOW,
  hitCase,
  searchWindow,
  snippetsFor,
  type HitCaseColumns,
  type WindowSection,
} from './fts-window';
import { termsOfFtsQuery, textSnippet } from './text-snippet';

// Older callers (and the documents search's tests) know these from here.
export { SEARCH_WINDOW, toFtsQuery } from './fts-window';

interface GroupRow {
  case_id: string;
  hits: number;
  best_seq: number;
  best_id: string;
  best_at: string;
  best_type: NoteType;
}

export interface NoteSearchResult {
  groups: SearchHitGroup[];
  /** Cases with a match among the notes of this window. */
  total: number;
  /** Where the next, older window starts; null when every note has been searched. */
  nextCursor: number | null;
}

/**
 * One page of the cases with a match in one window of matching notes (newest written first,
 * below `cursor`). Within the window the cases are ordered by the date of their newest matching
 * note (`occurred_at`), newest first: the order the page states. Notes are often written up
 * days after they happened, so write order alone would put dates out of order. A case's "best"
 * note is that newest-dated match (SQLite's max() returns the other bare columns from that same
 * row). Snippets are made only for the page's notes, not for every hit.
 */
export function searchNotes(
  db: Db,
  user: SessionUser,
  query: string,
  limit: number,
  offset: number,
  cursor: number | null = null,
  window = SEARCH_WINDOW,
): NoteSearchResult {
  const { items, total, nextCursor } = searchWindow(db, user, NOTE_SECTION, query, { limit, offset, cursor, window });
  return { groups: items, total, nextCursor };
}

/**
 * The notes' part of the walk: the window's notes grouped by case, each case with its best note.
 * The cases' references and names are read for the page's cases alone (caseColumnsFor): a
 * common word's window spreads over hundreds of cases, and joining each of them to `cases` and
 * `young_people` cost more than the walk and the grouping together (10-30 µs a case, each
 * on its own pages). Every note has its case and its young person, so the count is unchanged.
 */
export const NOTE_SECTION: WindowSection<GroupRow, SearchHitGroup> = {
  table: 'notes_fts',
  caseColumn: 'n.case_id',
  rowsSql: (visible) =>
    `SELECT n.case_id, count(*) AS hits, max(n.occurred_at || printf('%020d', n.seq)) AS best_key,
            n.seq AS best_seq, n.id AS best_id, n.occurred_at AS best_at, n.type AS best_type
     FROM json_each(@seqs) r JOIN notes n ON n.seq = r.value
     WHERE ${visible}
     GROUP BY n.case_id
     ORDER BY best_key DESC`,
  items: (db, page, query) => {
    const cases = caseColumnsFor(
      db,
      page.map((r) => r.case_id),
    );
    const snippets = pageSnippets(
      db,
      query,
      page.map((r) => r.best_seq),
    );
    return page.flatMap((r) => {
      const c = cases.get(r.case_id);
      if (!c) return [];
      return [
        {
          ...hitCase(c),
          hits: r.hits,
          best: {
            noteId: r.best_id,
            occurredAt: r.best_at,
            type: r.best_type,
            snippet: snippets.get(r.best_seq) ?? '',
          },
        },
      ];
    });
  },
};

/** The reference and young person's name of each of the page's cases, by case id. */
function caseColumnsFor(db: Db, caseIds: string[]): Map<string, HitCaseColumns> {
  const rows = stmt(
    db,
    `SELECT c.id AS case_id, c.reference, y.given_name, y.family_name, y.initials
     FROM json_each(@ids) j JOIN cases c ON c.id = j.value JOIN young_people y ON y.case_id = c.id`,
  ).all({ ids: JSON.stringify(caseIds) }) as HitCaseColumns[];
  return new Map(rows.map((r) => [r.case_id, r]));
}

/**
 * Snippets for the page's notes from their own text (text-snippet.ts: no second walk of the
 * index); a note whose words the text matcher cannot find (it should not happen) gets FTS5's.
 */
function pageSnippets(db: Db, query: string, seqs: number[]): Map<number, string> {
  const terms = termsOfFtsQuery(query);
  const out = new Map<number, string>();
  const texts = stmt(db, 'SELECT n.seq, n.text FROM json_each(@seqs) r JOIN notes n ON n.seq = r.value').all({
    seqs: JSON.stringify(seqs),
  }) as { seq: number; text: string }[];
  const missing: number[] = [];
  for (const { seq, text } of texts) {
    const snippet = textSnippet(text, terms);
    if (snippet === null) missing.push(seq);
    else out.set(seq, snippet);
  }
  for (const [seq, snippet] of snippetsFor(db, 'notes_fts', 0, query, missing)) out.set(seq, snippet);
  return out;
}
