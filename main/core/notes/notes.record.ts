/**
 * Case notes and their revision history: the definitions the notes repo's row mapping and the
 * bundle modules' columns come from. `notes.seq` is the FTS index's rowid, local to this vault.
 */
import { noteTypeSchema, type NoteRevisionView, type NoteView } from '../../../preload/contract/casework';
import { col, defineRecord, registerRecord, type ExpectSameView, type SameView } from '../db/record';

export const noteRecord = registerRecord(
  defineRecord({
    table: 'notes',
    localOnly: ['seq'],
    columns: {
      id: col.uuid(),
      case_id: col.uuid(),
      author_id: col.uuid(),
      occurred_at: col.at(),
      type: col.as(noteTypeSchema),
      text: col.text(100_000, 1),
      third_party_sensitive: col.bool(),
      created_at: col.at(),
      updated_at: col.at(),
      updated_by: col.uuid(),
      version: col.int(1),
    },
  }),
);

/** A note as the repo reads it: the row plus its author's name (joined from `users`). */
export type NoteWithAuthor = Parameters<typeof noteRecord.toView>[0] & { author_name: string };

const noteFields = noteRecord.viewWithout(['updated_by']);
export function toNoteView(row: NoteWithAuthor): NoteView {
  return { ...noteFields(row), authorName: row.author_name };
}

export type NoteViewMatchesRecord = ExpectSameView<
  SameView<ReturnType<typeof noteFields> & { authorName: string }, NoteView>
>;

/** The content a note had before an edit. Never changed once written. */
export const noteRevisionRecord = registerRecord(
  defineRecord({
    table: 'note_revisions',
    columns: {
      id: col.uuid(),
      note_id: col.uuid(),
      /** The note's version this content was. */
      version: col.int(1),
      occurred_at: col.at(),
      type: col.as(noteTypeSchema),
      text: col.text(100_000),
      third_party_sensitive: col.bool(),
      written_by: col.uuid(),
      written_at: col.at(),
      replaced_by: col.uuid(),
      replaced_at: col.at(),
    },
  }),
);

export type RevisionWithWriter = Parameters<typeof noteRevisionRecord.toView>[0] & { written_by_name: string };

const revisionFields = noteRevisionRecord.viewWithout(['id', 'note_id', 'replaced_by', 'replaced_at']);
export function toRevisionView(row: RevisionWithWriter): NoteRevisionView {
  return { ...revisionFields(row), writtenByName: row.written_by_name };
}

export type RevisionViewMatchesRecord = ExpectSameView<
  SameView<ReturnType<typeof revisionFields> & { writtenByName: string }, NoteRevisionView>
>;
