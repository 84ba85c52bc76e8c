/** SQL for people linked to a case: referrer, professional network, parents/carers, children. */
import type { Db } from '../db/connection';
import type { PersonKind, PersonView } from '../../../preload/contract/case-records';
import { bool, stmt } from '../db/statements';

interface PersonRow {
  id: string;
  case_id: string;
  kind: PersonKind;
  name: string;
  role: PersonView['role'];
  agency: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  sharing_basis: string | null;
  relationship: string | null;
  parental_responsibility: number | null;
  date_of_birth: string | null;
  notes: string | null;
  third_party: number;
  version: number;
}

function toView(r: PersonRow): PersonView {
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    role: r.role,
    agency: r.agency,
    phone: r.phone,
    email: r.email,
    address: r.address,
    sharingBasis: r.sharing_basis,
    relationship: r.relationship,
    parentalResponsibility: r.parental_responsibility === null ? null : r.parental_responsibility === 1,
    dateOfBirth: r.date_of_birth,
    notes: r.notes,
    thirdParty: r.third_party === 1,
    version: r.version,
  };
}

function params(caseId: string, p: Omit<PersonView, 'version'>, at: string, by: string) {
  return {
    id: p.id,
    case_id: caseId,
    kind: p.kind,
    name: p.name,
    role: p.role,
    agency: p.agency,
    phone: p.phone,
    email: p.email,
    address: p.address,
    sharing_basis: p.sharingBasis,
    relationship: p.relationship,
    parental_responsibility: bool(p.parentalResponsibility),
    date_of_birth: p.dateOfBirth,
    notes: p.notes,
    third_party: bool(p.thirdParty),
    at,
    by,
  };
}

export function insertPerson(db: Db, caseId: string, p: Omit<PersonView, 'version'>, at: string, by: string): void {
  stmt(
    db,
    `INSERT INTO case_people (id, case_id, kind, name, role, agency, phone, email, address, sharing_basis, relationship,
       parental_responsibility, date_of_birth, notes, third_party, created_at, updated_at, updated_by)
     VALUES (@id, @case_id, @kind, @name, @role, @agency, @phone, @email, @address, @sharing_basis, @relationship,
       @parental_responsibility, @date_of_birth, @notes, @third_party, @at, @at, @by)`,
  ).run(params(caseId, p, at, by));
}

/** Returns false when the person changed since `expectedVersion` (or no longer exists). */
export function updatePerson(
  db: Db,
  p: Omit<PersonView, 'version'>,
  expectedVersion: number,
  at: string,
  by: string,
): boolean {
  const result = stmt(
    db,
    `UPDATE case_people SET name = @name, role = @role, agency = @agency, phone = @phone, email = @email,
       address = @address, sharing_basis = @sharing_basis, relationship = @relationship,
       parental_responsibility = @parental_responsibility, date_of_birth = @date_of_birth, notes = @notes,
       third_party = @third_party, updated_at = @at, updated_by = @by, version = version + 1
     WHERE id = @id AND version = @expected`,
  ).run({ ...params('', p, at, by), expected: expectedVersion });
  return result.changes === 1;
}

export function findPerson(db: Db, id: string): (PersonView & { caseId: string }) | null {
  const row = stmt(db, 'SELECT * FROM case_people WHERE id = ?').get(id) as PersonRow | undefined;
  return row ? { ...toView(row), caseId: row.case_id } : null;
}

export function listPeople(db: Db, caseId: string): PersonView[] {
  const rows = stmt(
    db,
    `SELECT * FROM case_people WHERE case_id = ?
     ORDER BY CASE kind WHEN 'referrer' THEN 0 WHEN 'parent_carer' THEN 1 WHEN 'professional' THEN 2 ELSE 3 END,
              name COLLATE NOCASE`,
  ).all(caseId) as PersonRow[];
  return rows.map(toView);
}

export function deletePerson(db: Db, id: string): void {
  stmt(db, 'DELETE FROM case_people WHERE id = ?').run(id);
}
