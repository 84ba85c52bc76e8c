/** SQL for people linked to a case: referrer, professional network, parents/carers, children. */
import type { Db } from '../db/connection';
import type { PersonView } from '../../../preload/contract/case-records';
import type { RowOf } from '../db/record';
import { stmt } from '../db/statements';
import { personRecord, toPersonView } from './people.record';

type PersonRow = RowOf<typeof personRecord.columns>;

const SELECT = `SELECT ${personRecord.select()} FROM case_people`;
/** `version` starts at the DDL's default. */
const INSERT = personRecord.insertSql(personRecord.except(['version']));
/** A person's kind and case never change; their audit columns do. */
const UPDATE = personRecord.updateSql(personRecord.except(['id', 'case_id', 'kind', 'created_at', 'version']));

function audited(p: Omit<PersonView, 'version'>, at: string, by: string) {
  return { ...personRecord.toRow(p), updated_at: at, updated_by: by };
}

export function insertPerson(db: Db, caseId: string, p: Omit<PersonView, 'version'>, at: string, by: string): void {
  stmt(db, INSERT).run({ ...audited(p, at, by), case_id: caseId, created_at: at });
}

/** Returns false when the person changed since `expectedVersion` (or no longer exists). */
export function updatePerson(
  db: Db,
  p: Omit<PersonView, 'version'>,
  expectedVersion: number,
  at: string,
  by: string,
): boolean {
  return stmt(db, UPDATE).run({ ...audited(p, at, by), expected_version: expectedVersion }).changes === 1;
}

export function findPerson(db: Db, id: string): (PersonView & { caseId: string }) | null {
  const row = stmt(db, `${SELECT} WHERE id = ?`).get(id) as PersonRow | undefined;
  return row ? { ...toPersonView(row), caseId: row.case_id } : null;
}

export function listPeople(db: Db, caseId: string): PersonView[] {
  const rows = stmt(
    db,
    `${SELECT} WHERE case_id = ?
     ORDER BY CASE kind WHEN 'referrer' THEN 0 WHEN 'parent_carer' THEN 1 WHEN 'professional' THEN 2 ELSE 3 END,
              name COLLATE NOCASE`,
  ).all(caseId) as PersonRow[];
  return rows.map(toPersonView);
}

export function deletePerson(db: Db, id: string): void {
  stmt(db, 'DELETE FROM case_people WHERE id = ?').run(id);
}
