/** Full-text search over notes (FTS5, inside the encrypted database), grouped by case. */
import type { SessionUser } from '../../../preload/contract';
import type { NoteType, SearchHitGroup } from '../../../preload/contract/casework';
import { displayName } from '../cases/caseload.service';
import { stmt } from '../cases/sql';
import { visibleCaseCondition } from '../cases/visibility';
import type { Db } from '../db/connection';

/**
 * Turn what a user typed into a safe FTS5 query: each word becomes a quoted term (so FTS
 * syntax such as NEAR, quotes or `-` cannot be injected), all words must match, and the last
 * word matches as a prefix so results appear while typing. Null when nothing searchable remains.
 */
export function toFtsQuery(text: string): string | null {
  const words = text
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 12);
  if (words.length === 0) return null;
  return words.map((w, i) => `"${w}"${i === words.length - 1 ? '*' : ''}`).join(' AND ');
}

/**
 * How many of the most recently written matching notes a search looks at. A common word can
 * match over 100,000 notes at clinical scale; ranking all of them (bm25) took seconds. Walking
 * the FTS index newest-first and stopping after this many keeps every search bounded (about
 * 10-20 ms at 250,000 notes) whatever the query, and the page says when there were more.
 */
export const SEARCH_WINDOW = 500;

interface GroupRow {
  case_id: string;
  reference: string;
  given_name: string | null;
  family_name: string | null;
  initials: string;
  hits: number;
  best_seq: number;
  best_id: string;
  best_at: string;
  best_type: NoteType;
}

export interface NoteSearchResult {
  groups: SearchHitGroup[];
  /** Cases with a match among the notes searched. */
  total: number;
  /** True when more notes matched than the window holds: older matches were not searched. */
  windowFull: boolean;
}

/**
 * One page of matching cases, the case with the most recently written matching note first.
 * A case's "best" note is its newest match (SQLite's max() returns the other bare columns from
 * that same row). Snippets are made only for the page's notes, not for every hit.
 */
export function searchNotes(
  db: Db,
  user: SessionUser,
  query: string,
  limit: number,
  offset: number,
  window = SEARCH_WINDOW,
): NoteSearchResult {
  const visible = visibleCaseCondition(user, 'n.case_id');
  // The FTS walk, newest first, stops one past the window so we know whether there was more.
  const seqs = (
    stmt(db, 'SELECT rowid AS seq FROM notes_fts WHERE notes_fts MATCH @q ORDER BY rowid DESC LIMIT @n').all({
      q: query,
      n: window + 1,
    }) as { seq: number }[]
  ).map((r) => r.seq);
  const windowFull = seqs.length > window;
  const rows = stmt(
    db,
    `WITH groups AS (
       SELECT n.case_id, count(*) AS hits, max(n.seq) AS best_seq, n.id AS best_id,
              n.occurred_at AS best_at, n.type AS best_type
       FROM json_each(@seqs) r JOIN notes n ON n.seq = r.value
       WHERE ${visible.sql}
       GROUP BY n.case_id
     )
     SELECT g.*, c.reference, y.given_name, y.family_name, y.initials
     FROM groups g JOIN cases c ON c.id = g.case_id JOIN young_people y ON y.case_id = g.case_id
     ORDER BY g.best_seq DESC`,
  ).all({ ...visible.params, seqs: JSON.stringify(seqs.slice(0, window)) }) as GroupRow[];
  const page = rows.slice(offset, offset + limit);
  const snippets = pageSnippets(
    db,
    query,
    page.map((r) => r.best_seq),
  );
  const groups = page.map((r) => ({
    caseId: r.case_id,
    reference: r.reference,
    displayName: displayName(r.given_name, r.family_name, r.initials),
    hits: r.hits,
    best: { noteId: r.best_id, occurredAt: r.best_at, type: r.best_type, snippet: snippets.get(r.best_seq) ?? '' },
  }));
  return { groups, total: rows.length, windowFull };
}

/**
 * Snippets for the page's notes. Asking FTS5 for one row at a time (MATCH AND rowid = ?)
 * re-runs the match per row (about 5 ms each at 250,000 notes); one newest-first walk down to
 * the oldest note on the page costs about as much as a single one.
 */
function pageSnippets(db: Db, query: string, seqs: number[]): Map<number, string> {
  const wanted = new Set(seqs);
  const out = new Map<number, string>();
  if (wanted.size === 0) return out;
  // snippet() re-reads and re-tokenises the note, so it is asked for only on the page's rows
  // (CASE is lazy); the walk in between then costs little more than the match itself.
  const rows = stmt(
    db,
    `SELECT rowid AS seq,
            CASE WHEN rowid IN (SELECT value FROM json_each(@wanted)) THEN snippet(notes_fts, 0, '[', ']', '…', 16) END AS s
     FROM notes_fts WHERE notes_fts MATCH @q AND rowid >= @from AND rowid <= @to ORDER BY rowid DESC`,
  ).iterate({
    q: query,
    from: Math.min(...seqs),
    to: Math.max(...seqs),
    wanted: JSON.stringify(seqs),
  }) as IterableIterator<{
    seq: number;
    s: string | null;
  }>;
  for (const row of rows) {
    if (row.s !== null && wanted.has(row.seq)) out.set(row.seq, row.s);
    if (out.size === wanted.size) break;
  }
  return out;
}
