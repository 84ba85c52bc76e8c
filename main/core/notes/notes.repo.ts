/** SQL for notes and their revision history. */
import type { NoteRevisionView, NoteType, NoteView } from '../../../preload/contract/casework';
import { stmt } from '../db/statements';
import type { Db } from '../db/connection';
import {
  noteRecord,
  noteRevisionRecord,
  toNoteView,
  toRevisionView,
  type NoteWithAuthor,
  type RevisionWithWriter,
} from './notes.record';

const SELECT = `SELECT ${noteRecord.select('n')}, coalesce(u.display_name, '') AS author_name
  FROM notes n LEFT JOIN users u ON u.id = n.author_id`;
/** `version` starts at the DDL's default. */
const INSERT = noteRecord.insertSql(noteRecord.except(['version']));
/** The edited content and who edited it; a note's case, author and creation never change. */
const UPDATE = noteRecord.updateSql(
  ['occurred_at', 'type', 'text', 'third_party_sensitive', 'updated_at', 'updated_by'],
  'id = @id',
);
/** The content being replaced, copied as the note holds it, with who replaced it and when. */
const KEEP_REVISION = `INSERT INTO note_revisions (${noteRevisionRecord.names.join(', ')})
  SELECT @revision_id, id, version, occurred_at, type, text, third_party_sensitive, updated_by, updated_at, @by, @at
  FROM notes WHERE id = @id AND version = @expected_version`;

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
  stmt(db, INSERT).run({
    ...noteRecord.toRow(n),
    created_at: n.at,
    updated_at: n.at,
    updated_by: n.authorId,
  });
}

export function findNote(db: Db, id: string): (NoteView & { updatedBy: string }) | null {
  const row = stmt(db, `${SELECT} WHERE n.id = ?`).get(id) as NoteWithAuthor | undefined;
  return row ? { ...toNoteView(row), updatedBy: row.updated_by } : null;
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
  const kept = stmt(db, KEEP_REVISION).run({
    revision_id: p.revisionId,
    id: p.id,
    expected_version: p.expectedVersion,
    at: p.at,
    by: p.by,
  });
  if (kept.changes !== 1) return false;
  stmt(db, UPDATE).run({ ...noteRecord.toRow(p), updated_at: p.at, updated_by: p.by });
  return true;
}

/** Earlier versions of a note, newest first. */
export function listRevisions(db: Db, noteId: string): NoteRevisionView[] {
  const rows = stmt(
    db,
    `SELECT ${noteRevisionRecord.select('r')}, coalesce(u.display_name, '') AS written_by_name
     FROM note_revisions r LEFT JOIN users u ON u.id = r.written_by
     WHERE r.note_id = ? ORDER BY r.version DESC`,
  ).all(noteId) as RevisionWithWriter[];
  return rows.map(toRevisionView);
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
  ) as NoteWithAuthor[];
  const total = (stmt(db, 'SELECT count(*) AS n FROM notes WHERE case_id = ?').get(caseId) as { n: number }).n;
  return { rows: rows.map(toNoteView), total };
}
