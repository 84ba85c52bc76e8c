/**
 * The case's people, status history, flags, tasks, notes and note revisions: one table each,
 * rows validated with the contract's vocabularies (enums, date formats).
 */
import { z } from 'zod';
import {
  isoDateSchema,
  personKindSchema,
  professionalRoleSchema,
  caseStatusSchema,
} from '../../../../preload/contract/case-records';
import { noteTypeSchema } from '../../../../preload/contract/casework';
import { ukDate } from '../summary';
import { bit, nullableText, tableModule, text, userRef, type Row } from './table-module';

const at = z.string().min(10).max(40);

export const peopleModule = tableModule({
  name: 'people',
  table: 'case_people',
  schemaVersion: 1,
  after: ['case'],
  columns: {
    kind: personKindSchema,
    name: text(200).min(1),
    role: professionalRoleSchema.nullable(),
    agency: nullableText(200),
    phone: nullableText(40),
    email: nullableText(200),
    address: nullableText(500),
    sharing_basis: nullableText(500),
    relationship: nullableText(100),
    parental_responsibility: bit.nullable(),
    date_of_birth: isoDateSchema.nullable(),
    notes: nullableText(2000),
    third_party: bit,
    created_at: at,
    updated_at: at,
    updated_by: userRef,
  },
  sensitive: (r) => r.third_party === 1,
  summarise: (rows) => [
    {
      heading: `People (${rows.length})`,
      lines: rows.map(
        (r) => `${String(r.name)}: ${String(r.kind).replace(/_/g, ' ')}${r.agency ? `, ${String(r.agency)}` : ''}`,
      ),
    },
  ],
});

export const statusHistoryModule = tableModule({
  name: 'status-history',
  table: 'case_status_history',
  schemaVersion: 1,
  after: ['case'],
  immutable: true,
  columns: {
    from_status: caseStatusSchema.nullable(),
    to_status: caseStatusSchema,
    reason: nullableText(2000),
    changed_at: at,
    changed_by: userRef,
  },
  order: 't.changed_at',
});

export const flagsModule = tableModule({
  name: 'flags',
  table: 'flags',
  schemaVersion: 1,
  after: ['case'],
  columns: {
    reason: text(2000).min(1),
    raised_by: userRef,
    raised_at: at,
    address_by: isoDateSchema.nullable(),
    cleared_at: at.nullable(),
    cleared_by: userRef.nullable(),
    clearing_note: nullableText(2000),
    updated_at: at,
    updated_by: userRef,
  },
  summarise: (rows) => [
    {
      heading: `Flags (${rows.length})`,
      lines: rows.map(
        (r) =>
          `${ukDate(String(r.raised_at))}: ${String(r.reason)}${r.cleared_at ? ` (cleared ${ukDate(String(r.cleared_at))})` : ' (open)'}`,
      ),
    },
  ],
});

export const tasksModule = tableModule({
  name: 'tasks',
  table: 'tasks',
  schemaVersion: 1,
  after: ['case'],
  columns: {
    title: text(500).min(1),
    owner_id: userRef,
    due_date: isoDateSchema.nullable(),
    done_at: at.nullable(),
    done_by: userRef.nullable(),
    created_at: at,
    updated_at: at,
    updated_by: userRef,
  },
  summarise: (rows) => [
    {
      heading: `Tasks (${rows.length})`,
      lines: rows.map(
        (r) =>
          `${String(r.title)}${r.due_date ? `, due ${ukDate(String(r.due_date))}` : ''}${r.done_at ? ' (done)' : ''}`,
      ),
    },
  ],
});

const isSensitiveNote = (r: Row) => r.third_party_sensitive === 1;

export const notesModule = tableModule({
  name: 'notes',
  table: 'notes',
  schemaVersion: 1,
  after: ['case'],
  columns: {
    author_id: userRef,
    occurred_at: at,
    type: noteTypeSchema,
    text: text(100_000).min(1),
    third_party_sensitive: bit,
    created_at: at,
    updated_at: at,
    updated_by: userRef,
  },
  sensitive: isSensitiveNote,
  order: 't.occurred_at, t.id',
  summarise: (rows) => [
    {
      heading: `Case notes (${rows.length})`,
      lines: rows.flatMap((r) => [
        `${ukDate(String(r.occurred_at))} - ${String(r.type).replace(/_/g, ' ')}:`,
        String(r.text),
      ]),
    },
  ],
});

/** Earlier versions of the notes carried (revisions of third-party-sensitive notes only when chosen). */
const revisions = tableModule({
  name: 'note-revisions',
  table: 'note_revisions',
  schemaVersion: 1,
  after: ['notes'],
  insertOnly: true,
  caseSql: 'SELECT r.id AS id, n.case_id AS case_id FROM note_revisions r JOIN notes n ON n.id = r.note_id',
  columns: {
    note_id: z.uuid(),
    occurred_at: at,
    type: noteTypeSchema,
    text: text(100_000),
    third_party_sensitive: bit,
    written_by: userRef,
    written_at: at,
    replaced_by: userRef,
    replaced_at: at,
  },
  sensitive: (r) => r.third_party_sensitive === 1,
});

export const noteRevisionsModule: typeof revisions = {
  ...revisions,
  // When both sides edited a note, each wrote its own revision (its own UUID) for the same
  // replaced version: usually the same earlier text. The slot (note_id, version) is unique, so
  // the local revision stands and the incoming one is not added; the sender's differing
  // current text is kept in the conflict record until someone resolves it.
  insert(db, record, ctx) {
    const taken = db
      .prepare('SELECT 1 FROM note_revisions WHERE note_id = ? AND version = ?')
      .get(record.note_id, record.version);
    if (!taken) revisions.insert(db, record, ctx);
  },
  // A revision goes only with its note: a left-out (sensitive) note takes its history with it.
  collect(db, caseId, options) {
    const notes = new Set(notesModule.collect(db, caseId, options).map((n) => n.id));
    return revisions.collect(db, caseId, options).filter((r) => notes.has(String(r.note_id)));
  },
};
