/** SQL for notes and their revision history. */
import type { NoteRevisionView, NoteType, NoteView } from '../../../preload/contract/casework';
import { stmt } from '../db/statements';
import type { Db } from '../db/connection';

interface NoteRow {
  id: string;
  case_id: string;
  author_id: string;
  author_name: string;
  occurred_at: string;
  type: NoteType;
  text: string;
  third_party_sensitive: number;
  created_at: string;
  updated_at: string;
  updated_by: string;
  version: number;
}

const SELECT = `SELECT n.*, coalesce(u.display_name, '') AS author_name FROM notes n LEFT JOIN users u ON u.id = n.author_id`;

function toView(r: NoteRow): NoteView {
  return {
    id: r.id,
    caseId: r.case_id,
    authorId: r.author_id,
    authorName: r.author_name,
    occurredAt: r.occurred_at,
    type: r.type,
    text: r.text,
    thirdPartySensitive: r.third_party_sensitive === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  };
}

export interface NewNote {
  id: string;
  caseId: string;
  authorId: string;
  occurredAt: string;
  type: NoteType;
  text: string;
  thirdPartySensitive: boolean;
  at: string;
}

export function insertNote(db: Db, n: NewNote): void {
  stmt(
    db,
    `INSERT INTO notes (id, case_id, author_id, occurred_at, type, text, third_party_sensitive, created_at, updated_at, updated_by)
     VALUES (@id, @caseId, @authorId, @occurredAt, @type, @text, @tps, @at, @at, @authorId)`,
  ).run({ ...n, tps: n.thirdPartySensitive ? 1 : 0 });
}

export function findNote(db: Db, id: string): (NoteView & { updatedBy: string }) | null {
  const row = stmt(db, `${SELECT} WHERE n.id = ?`).get(id) as NoteRow | undefined;
  return row ? { ...toView(row), updatedBy: row.updated_by } : null;
}

/**
 * Keep the current content as a revision, then write the new content, in one step the caller
 * wraps in a transaction. Returns false if the note moved past `expectedVersion`.
 */
export function reviseNote(
  db: Db,
  p: {
    id: string;
    revisionId: string;
    expectedVersion: number;
    occurredAt: string;
    type: NoteType;
    text: string;
    thirdPartySensitive: boolean;
    at: string;
    by: string;
  },
): boolean {
  const kept = stmt(
    db,
    `INSERT INTO note_revisions (id, note_id, version, occurred_at, type, text, third_party_sensitive, written_by,
       written_at, replaced_by, replaced_at)
     SELECT @revisionId, id, version, occurred_at, type, text, third_party_sensitive, updated_by, updated_at, @by, @at
     FROM notes WHERE id = @id AND version = @expectedVersion`,
  ).run(p);
  if (kept.changes !== 1) return false;
  stmt(
    db,
    `UPDATE notes SET occurred_at = @occurredAt, type = @type, text = @text, third_party_sensitive = @tps,
       updated_at = @at, updated_by = @by, version = version + 1
     WHERE id = @id`,
  ).run({ ...p, tps: p.thirdPartySensitive ? 1 : 0 });
  return true;
}

/** Earlier versions of a note, newest first. */
export function listRevisions(db: Db, noteId: string): NoteRevisionView[] {
  return (
    stmt(
      db,
      `SELECT r.version, r.text, r.type, r.occurred_at AS occurredAt, r.third_party_sensitive AS tps,
              r.written_by AS writtenBy, coalesce(u.display_name, '') AS writtenByName, r.written_at AS writtenAt
       FROM note_revisions r LEFT JOIN users u ON u.id = r.written_by
       WHERE r.note_id = ? ORDER BY r.version DESC`,
    ).all(noteId) as (Omit<NoteRevisionView, 'thirdPartySensitive'> & { tps: number })[]
  ).map(({ tps, ...r }) => ({ ...r, thirdPartySensitive: tps === 1 }));
}

/** A case's notes, newest first (index notes_case). */
export function listCaseNotes(
  db: Db,
  caseId: string,
  limit: number,
  offset: number,
): { rows: NoteView[]; total: number } {
  const rows = stmt(db, `${SELECT} WHERE n.case_id = ? ORDER BY n.occurred_at DESC, n.seq DESC LIMIT ? OFFSET ?`).all(
    caseId,
    limit,
    offset,
  ) as NoteRow[];
  const total = (stmt(db, 'SELECT count(*) AS n FROM notes WHERE case_id = ?').get(caseId) as { n: number }).n;
  return { rows: rows.map(toView), total };
}
