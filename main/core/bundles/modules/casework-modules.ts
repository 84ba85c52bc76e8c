/**
 * The case's people, status history, flags, tasks, notes and note revisions: one table each,
 * rows validated with the contract's vocabularies (enums, date formats). The columns of each
 * come from its record definition beside its repo.
 */
import { z } from 'zod';
import { caseStatusSchema } from '../../../../preload/contract/case-records';
import { personRecord } from '../../cases/people.record';
import { flagRecord } from '../../casework/flags.record';
import { taskRecord } from '../../casework/tasks.record';
import { noteRecord, noteRevisionRecord } from '../../notes/notes.record';
import { ukDate } from '../summary';
import { recordModule } from './record-module';
import { nullableText, tableModule, userRef } from './table-module';

const at = z.string().min(10).max(40);

export const peopleModule = recordModule(personRecord, {
  name: 'people',
  schemaVersion: 1,
  after: ['case'],
  sensitive: (r) => r.third_party === 1,
  summarise: (rows) => [
    {
      heading: `People (${rows.length})`,
      lines: rows.map((r) => `${r.name}: ${r.kind.replace(/_/g, ' ')}${r.agency ? `, ${r.agency}` : ''}`),
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

export const flagsModule = recordModule(flagRecord, {
  name: 'flags',
  schemaVersion: 1,
  after: ['case'],
  summarise: (rows) => [
    {
      heading: `Flags (${rows.length})`,
      lines: rows.map(
        (r) => `${ukDate(r.raised_at)}: ${r.reason}${r.cleared_at ? ` (cleared ${ukDate(r.cleared_at)})` : ' (open)'}`,
      ),
    },
  ],
});

export const tasksModule = recordModule(taskRecord, {
  name: 'tasks',
  schemaVersion: 1,
  after: ['case'],
  summarise: (rows) => [
    {
      heading: `Tasks (${rows.length})`,
      lines: rows.map(
        (r) => `${r.title}${r.due_date ? `, due ${ukDate(r.due_date)}` : ''}${r.done_at ? ' (done)' : ''}`,
      ),
    },
  ],
});

export const notesModule = recordModule(noteRecord, {
  name: 'notes',
  schemaVersion: 1,
  after: ['case'],
  sensitive: (r) => r.third_party_sensitive === 1,
  order: 't.occurred_at, t.id',
  summarise: (rows) => [
    {
      heading: `Case notes (${rows.length})`,
      lines: rows.flatMap((r) => [`${ukDate(r.occurred_at)} - ${r.type.replace(/_/g, ' ')}:`, r.text]),
    },
  ],
});

/** Earlier versions of the notes carried (revisions of third-party-sensitive notes only when chosen). */
const revisions = recordModule(noteRevisionRecord, {
  name: 'note-revisions',
  schemaVersion: 1,
  after: ['notes'],
  insertOnly: true,
  caseSql: 'SELECT r.id AS id, n.case_id AS case_id FROM note_revisions r JOIN notes n ON n.id = r.note_id',
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
