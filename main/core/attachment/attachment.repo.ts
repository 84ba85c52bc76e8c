/** SQL of attachment assessments and their procedures. Synchronous; the caller holds the transaction. */
import type { Db } from '../db/connection';
import { stmt } from '../db/statements';
import {
  attachmentRecord,
  procedureRecord,
  type AttachmentRow,
  type ProcedureRecordView,
  type ProcedureRow,
} from './attachment.records';

/** What a procedure's view needs besides its own row: the names of the people it is about. */
export interface ProcedureJoined {
  administered_by_name: string | null;
  subject_name: string | null;
  subject_relationship: string | null;
  subject_dob: string | null;
  figure_person_name: string | null;
  figure_person_relationship: string | null;
  /** 1 when the figure is a third-party person (a report leaves their name out). */
  figure_third_party: 0 | 1 | null;
  yp_given: string | null;
  yp_family: string | null;
  yp_initials: string | null;
  yp_dob: string | null;
}
export type StoredProcedure = { record: ProcedureRecordView; joined: ProcedureJoined };

// The people are joined by id and case, so a person id from another case never lends its name.
const PROCEDURE_SELECT = `SELECT ${procedureRecord.select('p')},
    (SELECT display_name FROM users u WHERE u.id = p.administered_by) AS administered_by_name,
    s.name AS subject_name, s.relationship AS subject_relationship, s.date_of_birth AS subject_dob,
    f.name AS figure_person_name, f.relationship AS figure_person_relationship, f.third_party AS figure_third_party,
    y.given_name AS yp_given, y.family_name AS yp_family, y.initials AS yp_initials, y.date_of_birth AS yp_dob
  FROM attachment_procedures p
  LEFT JOIN case_people s ON s.id = p.subject_person_id AND s.case_id = p.case_id
  LEFT JOIN case_people f ON f.id = p.figure_person_id AND f.case_id = p.case_id
  LEFT JOIN young_people y ON y.case_id = p.case_id`;

/** The young person first, then each parent or carer (by name), each person's procedures by date. */
const PROCEDURE_ORDER = `ORDER BY p.subject_kind = 'young_person' DESC, s.name COLLATE NOCASE, p.subject_person_id,
  p.administered_on, p.created_at, p.id`;

function stored(row: ProcedureRow & ProcedureJoined): StoredProcedure {
  return {
    record: procedureRecord.toView(row),
    joined: {
      administered_by_name: row.administered_by_name,
      subject_name: row.subject_name,
      subject_relationship: row.subject_relationship,
      subject_dob: row.subject_dob,
      figure_person_name: row.figure_person_name,
      figure_person_relationship: row.figure_person_relationship,
      figure_third_party: row.figure_third_party,
      yp_given: row.yp_given,
      yp_family: row.yp_family,
      yp_initials: row.yp_initials,
      yp_dob: row.yp_dob,
    },
  };
}

export function findAttachmentByCase(db: Db, caseId: string): AttachmentRow | null {
  return (
    (stmt(db, `SELECT ${attachmentRecord.select()} FROM attachment_assessments WHERE case_id = ?`).get(caseId) as
      AttachmentRow | undefined) ?? null
  );
}

export function insertAttachment(db: Db, row: AttachmentRow): void {
  stmt(db, attachmentRecord.insertSql()).run(row);
}

/** Change the formulation and summary if still at `expectedVersion`. False when it moved on. */
export function updateAttachmentFields(db: Db, row: AttachmentRow, expectedVersion: number): boolean {
  const sql = attachmentRecord.updateSql(['formulation', 'strategy_summary', 'updated_at', 'updated_by']);
  return stmt(db, sql).run({ ...row, expected_version: expectedVersion }).changes === 1;
}

export function listProcedures(db: Db, caseId: string): StoredProcedure[] {
  const rows = stmt(db, `${PROCEDURE_SELECT} WHERE p.case_id = ? ${PROCEDURE_ORDER}`).all(caseId) as (ProcedureRow &
    ProcedureJoined)[];
  return rows.map(stored);
}

export function findProcedure(db: Db, id: string): StoredProcedure | null {
  const row = stmt(db, `${PROCEDURE_SELECT} WHERE p.id = ?`).get(id) as (ProcedureRow & ProcedureJoined) | undefined;
  return row ? stored(row) : null;
}

export function insertProcedure(db: Db, view: ProcedureRecordView): void {
  stmt(db, procedureRecord.insertSql()).run(procedureRecord.toRow(view));
}

const UPDATABLE = procedureRecord.except(['id', 'attachment_id', 'case_id', 'created_at', 'created_by', 'version']);

/** Replace a procedure's fields if still at `expectedVersion`. False when it moved on. */
export function updateProcedureRow(db: Db, view: ProcedureRecordView, expectedVersion: number): boolean {
  return (
    stmt(db, procedureRecord.updateSql(UPDATABLE)).run({
      ...procedureRecord.toRow(view),
      expected_version: expectedVersion,
    }).changes === 1
  );
}

export function deleteProcedureRow(db: Db, id: string, expectedVersion: number): boolean {
  return (
    stmt(db, 'DELETE FROM attachment_procedures WHERE id = ? AND version = ?').run(id, expectedVersion).changes === 1
  );
}

export interface CasePersonFacts {
  id: string;
  kind: string;
  name: string;
  relationship: string | null;
  dateOfBirth: string | null;
}

/** A person of this case, or null. */
export function findCasePerson(db: Db, caseId: string, personId: string): CasePersonFacts | null {
  return (
    (stmt(
      db,
      `SELECT id, kind, name, relationship, date_of_birth AS dateOfBirth FROM case_people WHERE id = ? AND case_id = ?`,
    ).get(personId, caseId) as CasePersonFacts | undefined) ?? null
  );
}

/** The case's parents and carers, by name (the family view's columns after the young person). */
export function listParentCarers(db: Db, caseId: string): CasePersonFacts[] {
  return stmt(
    db,
    `SELECT id, kind, name, relationship, date_of_birth AS dateOfBirth FROM case_people
     WHERE case_id = ? AND kind = 'parent_carer' ORDER BY name COLLATE NOCASE, id`,
  ).all(caseId) as CasePersonFacts[];
}

/** Of the given ids, those that are current (not deleted) documents of this case. */
export function currentCaseDocuments(db: Db, caseId: string, ids: readonly string[]): Set<string> {
  if (ids.length === 0) return new Set();
  const rows = stmt(
    db,
    `SELECT id FROM documents WHERE case_id = ? AND deleted_at IS NULL AND id IN (SELECT value FROM json_each(?))`,
  ).all(caseId, JSON.stringify(ids)) as { id: string }[];
  return new Set(rows.map((r) => r.id));
}
