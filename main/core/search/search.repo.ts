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

/**
 * One page of matching cases, best match first. A case's rank is its best note's bm25 score
 * (SQLite's min() returns the other bare columns from that same row). Snippets are made only
 * for the page's best notes, not for every hit.
 */
export function searchNotes(
  db: Db,
  user: SessionUser,
  query: string,
  limit: number,
  offset: number,
): { groups: SearchHitGroup[]; total: number } {
  const visible = visibleCaseCondition(user, 'n.case_id');
  // MATERIALIZED keeps SQLite from flattening the FTS query into the GROUP BY, where bm25()
  // cannot run.
  const hits = `WITH hits AS MATERIALIZED (
                  SELECT n.case_id, n.seq, n.id, n.occurred_at, n.type, bm25(notes_fts) AS score
                  FROM notes_fts JOIN notes n ON n.seq = notes_fts.rowid
                  WHERE notes_fts MATCH @q AND ${visible.sql})`;
  const params = { ...visible.params, q: query };
  const rows = stmt(
    db,
    `${hits}
     SELECT g.*, c.reference, y.given_name, y.family_name, y.initials
     FROM (SELECT case_id, count(*) AS hits, min(score) AS best, seq AS best_seq, id AS best_id,
                  occurred_at AS best_at, type AS best_type
           FROM hits GROUP BY case_id) g
     JOIN cases c ON c.id = g.case_id JOIN young_people y ON y.case_id = g.case_id
     ORDER BY g.best, c.reference LIMIT @limit OFFSET @offset`,
  ).all({ ...params, limit, offset }) as GroupRow[];
  const total = (stmt(db, `${hits} SELECT count(DISTINCT case_id) AS n FROM hits`).get(params) as { n: number }).n;
  const snippet = stmt(
    db,
    `SELECT snippet(notes_fts, 0, '[', ']', '…', 16) AS s FROM notes_fts WHERE notes_fts MATCH @q AND rowid = @seq`,
  );
  const groups = rows.map((r) => ({
    caseId: r.case_id,
    reference: r.reference,
    displayName: displayName(r.given_name, r.family_name, r.initials),
    hits: r.hits,
    best: {
      noteId: r.best_id,
      occurredAt: r.best_at,
      type: r.best_type,
      snippet: (snippet.get({ q: query, seq: r.best_seq }) as { s: string } | undefined)?.s ?? '',
    },
  }));
  return { groups, total };
}
