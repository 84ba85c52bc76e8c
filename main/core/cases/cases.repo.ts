/** SQL for cases, the young person, services, clinicians and status history. */
import type { Db } from '../db/connection';
import type { CaseStatus, Service, StatusChange, YoungPerson } from '../../../preload/contract/case-records';
import { initialsOf, phoneticKey, searchKey } from './phonetic';
import { bool, stmt } from '../db/statements';
import {
  caseRecord,
  youngPersonFields,
  youngPersonRecord,
  type CaseRecordRow,
  type YoungPersonRecordRow,
} from './case.record';

export type CaseRow = CaseRecordRow;
export type YoungPersonRow = YoungPersonRecordRow;

const SELECT_CASE = `SELECT ${caseRecord.select()} FROM cases`;
const INSERT_CASE = caseRecord.insertSql();
/** The case's own fields and its audit columns: its id, reference and creation never change. */
const UPDATE_CASE = caseRecord.updateSql(
  caseRecord.except(['id', 'reference', 'ref_year', 'ref_seq', 'created_at', 'version']),
);
const SEARCH_KEYS = youngPersonRecord.localOnly;
const UPSERT_YOUNG_PERSON = `INSERT OR REPLACE INTO young_people (${[...youngPersonRecord.names, ...SEARCH_KEYS].join(', ')})
  VALUES (${[...youngPersonRecord.names, ...SEARCH_KEYS].map((c) => `@${c}`).join(', ')})`;

/** Who recorded the consent status, kept beside the young person's own fields. */
export interface ConsentRecorded {
  consentRecordedBy: string | null;
  consentRecordedAt: string | null;
}

export const NO_CONSENT_RECORDED: ConsentRecorded = { consentRecordedBy: null, consentRecordedAt: null };

/** The next free reference number in a referral year (NC-YYYY-NNNN; more digits after 9999). */
/**
 * The next free reference of `year`: past every case's number and every disposed case's too (a
 * tombstone keeps its reference, and a reference names one case for ever, so the number after
 * a disposed highest case is not given again).
 */
export function nextReference(db: Db, year: number): { reference: string; seq: number } {
  const row = stmt(
    db,
    `SELECT max(seq) AS seq FROM (
       SELECT max(ref_seq) AS seq FROM cases WHERE ref_year = @year
       UNION ALL
       SELECT max(CAST(substr(reference, 9) AS INTEGER)) FROM disposal_tombstones
        WHERE reference LIKE 'NC-' || CAST(@year AS INTEGER) || '-%'
     )`,
  ).get({ year }) as { seq: number | null };
  const seq = (row.seq ?? 0) + 1;
  return { reference: `NC-${year}-${String(seq).padStart(4, '0')}`, seq };
}

export function insertCase(db: Db, row: CaseRow): void {
  stmt(db, INSERT_CASE).run(row);
}

export function findCase(db: Db, id: string): CaseRow | null {
  return (stmt(db, `${SELECT_CASE} WHERE id = ?`).get(id) as CaseRow | undefined) ?? null;
}

/**
 * Write every column of a case and bump its version, but only if it is still at
 * `expectedVersion`. Returns false when someone else changed it first.
 */
export function updateCase(db: Db, row: CaseRow, expectedVersion: number): boolean {
  return stmt(db, UPDATE_CASE).run({ ...row, expected_version: expectedVersion }).changes === 1;
}

/**
 * Write the young person (insert or replace), with its derived search and phonetic keys and
 * who recorded the consent status (the service decides that, not the form).
 */
export function upsertYoungPerson(
  db: Db,
  caseId: string,
  yp: YoungPerson,
  consent: ConsentRecorded = NO_CONSENT_RECORDED,
): void {
  const initials = yp.initials?.toUpperCase() || initialsOf(yp.givenName, yp.familyName);
  stmt(db, UPSERT_YOUNG_PERSON).run({
    ...youngPersonRecord.toRow({ ...yp, initials, ...consent }),
    case_id: caseId,
    search_given: searchKey(yp.givenName),
    search_family: searchKey(yp.familyName),
    search_la: searchKey(yp.localAuthority),
    phon_given: phoneticKey(yp.givenName),
    phon_family: phoneticKey(yp.familyName),
  });
}

export function findYoungPerson(db: Db, caseId: string): (YoungPerson & ConsentRecorded) | null {
  const r = stmt(db, `SELECT ${youngPersonRecord.select()} FROM young_people WHERE case_id = ?`).get(caseId) as
    YoungPersonRow | undefined;
  if (!r) return null;
  return {
    ...youngPersonFields(r),
    // Held on the case; the service fills it in where it applies.
    ageAtReferral: null,
    consentRecordedBy: r.consent_recorded_by,
    consentRecordedAt: r.consent_recorded_at,
  };
}

/** Replace the requested and provided services of a case. */
export function setServices(db: Db, caseId: string, requested: Service[], provided: Service[]): void {
  stmt(db, 'DELETE FROM case_services WHERE case_id = ?').run(caseId);
  const insert = stmt(db, 'INSERT INTO case_services (case_id, service, requested, provided) VALUES (?, ?, ?, ?)');
  for (const service of new Set([...requested, ...provided])) {
    insert.run(caseId, service, bool(requested.includes(service)), bool(provided.includes(service)));
  }
}

export function findServices(db: Db, caseId: string): { requested: Service[]; provided: Service[] } {
  const rows = stmt(
    db,
    'SELECT service, requested, provided FROM case_services WHERE case_id = ? ORDER BY service',
  ).all(caseId) as { service: Service; requested: number; provided: number }[];
  return {
    requested: rows.filter((r) => r.requested === 1).map((r) => r.service),
    provided: rows.filter((r) => r.provided === 1).map((r) => r.service),
  };
}

export function setClinicians(db: Db, caseId: string, userIds: string[]): void {
  stmt(db, 'DELETE FROM case_clinicians WHERE case_id = ?').run(caseId);
  const insert = stmt(db, 'INSERT INTO case_clinicians (case_id, user_id) VALUES (?, ?)');
  for (const id of new Set(userIds)) insert.run(caseId, id);
}

export function findClinicians(db: Db, caseId: string): { id: string; displayName: string }[] {
  return stmt(
    db,
    `SELECT u.id, u.display_name AS displayName FROM case_clinicians cc JOIN users u ON u.id = cc.user_id
     WHERE cc.case_id = ? ORDER BY u.display_name COLLATE NOCASE`,
  ).all(caseId) as { id: string; displayName: string }[];
}

export function insertStatusChange(
  db: Db,
  change: {
    id: string;
    caseId: string;
    from: CaseStatus | null;
    to: CaseStatus;
    reason: string | null;
    at: string;
    by: string;
  },
): void {
  stmt(
    db,
    `INSERT INTO case_status_history (id, case_id, from_status, to_status, reason, changed_at, changed_by)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(change.id, change.caseId, change.from, change.to, change.reason, change.at, change.by);
}

export function findStatusHistory(db: Db, caseId: string): StatusChange[] {
  return stmt(
    db,
    `SELECT h.id, h.from_status AS fromStatus, h.to_status AS toStatus, h.reason, h.changed_at AS changedAt,
            h.changed_by AS changedBy, coalesce(u.display_name, '') AS changedByName
     FROM case_status_history h LEFT JOIN users u ON u.id = h.changed_by
     WHERE h.case_id = ? ORDER BY h.changed_at, h.rowid`,
  ).all(caseId) as StatusChange[];
}

export function userDisplayName(db: Db, userId: string | null): string | null {
  if (!userId) return null;
  const row = stmt(db, 'SELECT display_name FROM users WHERE id = ?').get(userId) as
    { display_name: string } | undefined;
  return row?.display_name ?? null;
}

/** True when the user exists, is enabled and may hold cases (administrator or clinician). */
export function isCaseWorker(db: Db, userId: string): boolean {
  const row = stmt(
    db,
    `SELECT 1 FROM users WHERE id = ? AND disabled = 0 AND role IN ('administrator', 'clinician')`,
  ).get(userId);
  return row !== undefined;
}
