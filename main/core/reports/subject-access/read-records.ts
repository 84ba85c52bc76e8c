/**
 * Reading what a subject access request releases, inside the export's transaction: every event
 * of every module's chronology source (so a later module's records are never forgotten), with
 * a note's whole text rather than its summary, and the case's people. For a carer, only the
 * events whose entity a module registered as theirs (`person-records.ts`).
 */
import type { PersonView } from '../../../../preload/contract/people';
import { listPeople } from '../../cases/people.repo';
import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { AppError } from '../../errors';
import { chronologySql } from '../../notes/chronology';
import { otherFamilyNamesSql, personEntitiesSql } from './person-records';

/** One event of the case as the chronology sources give it, oldest first. */
export interface RecordEvent {
  at: string;
  kind: string;
  entityId: string;
  /** The note's whole text for a note; the source's summary for everything else. */
  text: string;
  actorName: string | null;
  /** The source flagged it as holding third-party information (victims, siblings). */
  thirdParty: boolean;
}

interface EventRow {
  at: string;
  kind: string;
  entityId: string;
  summary: string;
  actorName: string | null;
  thirdParty: number;
}

interface NoteRow {
  id: string;
  type: string;
  text: string;
}

/**
 * A note as the requester reads it: its type, then its text ("case note: Reviewed the file").
 * A note whose text already starts with its type ("Case note: reviewed the file", as clinicians
 * and the demo data write them) is not given the type again: the export read "Case note: Case
 * note:" before.
 */
export function noteText(n: NoteRow): string {
  const label = n.type.replace(/_/g, ' ');
  const repeats = n.text.trimStart().toLocaleLowerCase('en-GB').startsWith(`${label}:`);
  return repeats ? n.text.trimStart() : `${label}: ${n.text}`;
}

/** Every event of the case, oldest first, notes in full. */
export function readCaseEvents(db: Db, caseId: string): RecordEvent[] {
  const rows = stmt(db, chronologySql()).all({ caseId, limit: -1, offset: 0 }) as EventRow[];
  // The chronology reads the first 300 characters of a note for its summary: the requester is
  // owed the whole note, read here in one query rather than one per note.
  const notes = new Map(
    (stmt(db, `SELECT id, type, text FROM notes WHERE case_id = ?`).all(caseId) as NoteRow[]).map((n) => [
      n.id,
      noteText(n),
    ]),
  );
  return rows.reverse().map((r) => ({
    at: r.at,
    kind: r.kind,
    entityId: r.entityId,
    text: (r.kind === 'note' ? notes.get(r.entityId) : undefined) ?? r.summary ?? '',
    actorName: r.actorName,
    thirdParty: r.thirdParty === 1,
  }));
}

/** The events that are this person's own records (none when no module keeps a person's records). */
export function personEvents(db: Db, caseId: string, personId: string, events: readonly RecordEvent[]): RecordEvent[] {
  const sql = personEntitiesSql();
  if (!sql) return [];
  const own = new Set((stmt(db, sql).all({ caseId, personId }) as { entity_id: string }[]).map((r) => r.entity_id));
  return events.filter((e) => own.has(e.entityId));
}

/**
 * The parent or carer of this case a carer's request is for. Anyone else (a professional, a
 * sibling, someone of another case, an unknown id) is refused in the same words, listing the
 * case's carers.
 */
export function requireCarer(db: Db, caseId: string, personId: string): PersonView {
  const carers = listPeople(db, caseId).filter((p) => p.kind === 'parent_carer' && !p.thirdParty);
  const carer = carers.find((p) => p.id === personId);
  if (carer) return carer;
  const listed = carers.map((p) => `${p.name} (${p.id})`).join('; ') || 'none';
  throw new AppError(
    'NOT_FOUND',
    `A carer’s subject access request is for a parent or carer of this case, and ${personId} is not one. Its parents and carers are: ${listed}.`,
  );
}

/** Names of people of other cases that this case's records may reach (other families of a group). */
export function otherFamilyNames(db: Db, caseId: string): string[] {
  const sql = otherFamilyNamesSql();
  if (!sql) return [];
  return (stmt(db, sql).all({ caseId }) as { name: string | null }[])
    .map((r) => (r.name ?? '').trim())
    .filter((n) => n.length > 0);
}
