/**
 * The one bounded walk of a full-text index that both the notes search and the documents search
 * use. An FTS5 table whose rowid is its record's ever-growing `seq` can be walked newest-written
 * first and stopped after a window of matches, so a common word costs the same at any scale
 * (ranking every match with bm25 took seconds at 250,000 notes). A continuation resumes the walk
 * below the lowest rowid the previous window reached, until the whole index has been seen.
 */
import type { SessionUser } from '../../../preload/contract';
import type { SearchWindowPage } from '../../../preload/contract/casework';
import { displayName } from '../cases/caseload.service';
import { visibleCaseCondition } from '../cases/visibility';
import { stmt } from '../db/statements';
import type { Db } from '../db/connection';

/**
 * How many matches one window holds: the walk stops here, and the page offers "Show older
 * matches" for the next window. With the prefix indexes of migration 270 a common word's window
 * is walked in about 1 ms and a whole search costs 2-7 ms of CPU at 250,000 notes and at
 * 1.25 million alike; without them the last word's prefix was merged whole (20 ms for `school`
 * at 1.25 million notes).
 */
export const SEARCH_WINDOW = 500;

/** The full-text tables that can be walked; each one's rowid is its record's `seq`. */
export type FtsTable = 'notes_fts' | 'documents_fts';

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

export interface FtsWindow {
  /** Matching rowids (record seqs), newest written first; at most `window` of them. */
  seqs: number[];
  /**
   * Where the next window starts: the lowest rowid this one reached. Null when no older match
   * exists, so the whole index has now been searched.
   */
  nextCursor: number | null;
}

/**
 * One window of matches, newest written first, starting below `cursor` (or at the newest match
 * when null). It reads one row past the window to know whether older matches remain.
 */
export function walkNewestFirst(
  db: Db,
  table: FtsTable,
  query: string,
  cursor: number | null,
  window = SEARCH_WINDOW,
): FtsWindow {
  const below = cursor === null ? '' : 'AND rowid < @cursor';
  const rows = stmt(
    db,
    `SELECT rowid AS seq FROM ${table} WHERE ${table} MATCH @q ${below} ORDER BY rowid DESC LIMIT @n`,
  ).all(cursor === null ? { q: query, n: window + 1 } : { q: query, n: window + 1, cursor }) as { seq: number }[];
  const seqs = rows.slice(0, window).map((r) => r.seq);
  const more = rows.length > window;
  return { seqs, nextCursor: more ? (seqs[seqs.length - 1] ?? null) : null };
}

/**
 * Snippets (matches wrapped in `[` `]`) for a page's records, in one ranged walk. Asking FTS5
 * for one row at a time (MATCH AND rowid = ?) re-runs the match per row (about 5 ms each at
 * 250,000 notes); one walk between the page's newest and oldest record costs about as much as a
 * single one. snippet() re-reads and re-tokenises its record, so it is asked for only on the
 * page's rows (CASE is lazy). `column` -1 lets FTS5 pick whichever column holds the match.
 */
export function snippetsFor(
  db: Db,
  table: FtsTable,
  column: number,
  query: string,
  seqs: readonly number[],
): Map<number, string> {
  const wanted = new Set(seqs);
  const out = new Map<number, string>();
  if (wanted.size === 0) return out;
  const rows = stmt(
    db,
    `SELECT rowid AS seq,
            CASE WHEN rowid IN (SELECT value FROM json_each(@wanted))
                 THEN snippet(${table}, ${Math.trunc(column)}, '[', ']', '…', 16) END AS s
     FROM ${table} WHERE ${table} MATCH @q AND rowid >= @from AND rowid <= @to ORDER BY rowid DESC`,
  ).iterate({
    q: query,
    from: Math.min(...seqs),
    to: Math.max(...seqs),
    wanted: JSON.stringify([...wanted]),
  }) as IterableIterator<{ seq: number; s: string | null }>;
  for (const row of rows) {
    if (row.s !== null && wanted.has(row.seq)) out.set(row.seq, row.s);
    if (out.size === wanted.size) break;
  }
  return out;
}

/** One page of one window of a section's matches, and where the next window starts. */
export interface WindowResult<Item> {
  items: Item[];
  /** The section's rows in this window (cases for notes, documents for documents). */
  total: number;
  nextCursor: number | null;
}

/** The columns every section's rows carry about the case a match belongs to. */
export interface HitCaseColumns {
  case_id: string;
  reference: string;
  given_name: string | null;
  family_name: string | null;
  initials: string;
}

/** The case of a match as every section's results show it: its reference and the young person's name. */
export function hitCase(r: HitCaseColumns): { caseId: string; reference: string; displayName: string } {
  return {
    caseId: r.case_id,
    reference: r.reference,
    displayName: displayName(r.given_name, r.family_name, r.initials),
  };
}

/** Which part of which window a search asks for. */
export interface WindowAt {
  limit: number;
  offset: number;
  cursor: number | null;
  window?: number;
}

/**
 * What a section (notes, documents) adds to the walk: how the window's records become its rows,
 * and how the page's rows become results. The rows' SQL reads the window's seqs from `@seqs` (a
 * JSON array), keeps to the cases the user may see with `visible`, and lists the rows in the
 * page's order (it may group several records into one row). `items` is called for the page's
 * rows alone, so snippets are made only for what is shown.
 */
export interface WindowSection<Row, Item> {
  table: FtsTable;
  /** The column holding each record's case, for the visibility check (e.g. `n.case_id`). */
  caseColumn: string;
  rowsSql(visible: string): string;
  items(db: Db, page: Row[], query: string): Item[];
}

/** One window of `section`'s matches for `query`, and the page of it that `at` asks for. */
export function searchWindow<Row, Item>(
  db: Db,
  user: SessionUser,
  section: WindowSection<Row, Item>,
  query: string,
  at: WindowAt,
): WindowResult<Item> {
  const { seqs, nextCursor } = walkNewestFirst(db, section.table, query, at.cursor, at.window);
  const visible = visibleCaseCondition(user, section.caseColumn);
  const rows = stmt(db, section.rowsSql(visible.sql)).all({ ...visible.params, seqs: JSON.stringify(seqs) }) as Row[];
  const page = rows.slice(at.offset, at.offset + at.limit);
  return { items: section.items(db, page, query), total: rows.length, nextCursor };
}

/**
 * A section's page for what the user typed. Text with nothing searchable in it (only
 * punctuation, say) is an empty page with no older window to offer.
 */
export function windowPage<Item>(
  text: string,
  at: Omit<WindowAt, 'window'>,
  search: (query: string) => WindowResult<Item>,
): SearchWindowPage<Item> {
  const query = toFtsQuery(text);
  const { items, total, nextCursor } = query ? search(query) : { items: [], total: 0, nextCursor: null };
  return { items, total, offset: at.offset, limit: at.limit, window: SEARCH_WINDOW, cursor: at.cursor, nextCursor };
}
