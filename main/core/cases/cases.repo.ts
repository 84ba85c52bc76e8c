/** SQL for cases, the young person, services, clinicians and status history. */
import type { Db } from '../db/connection';
import type { CaseStatus, Service, StatusChange, YoungPerson } from '../../../preload/contract/case-records';
import { initialsOf, phoneticKey, searchKey } from './phonetic';
import { bool, stmt } from '../db/statements';

export interface CaseRow {
  id: string;
  reference: string;
  ref_year: number;
  ref_seq: number;
  status: CaseStatus;
  referral_date: string;
  referral_source: string | null;
  referral_reason: string | null;
  consultation_only: number;
  lead_worker_id: string | null;
  decline_reason: string | null;
  closure_reason: string | null;
  closing_summary: string | null;
  age_at_referral: number;
  paperwork_complete_date: string | null;
  assessment_due_date: string | null;
  assessment_completed_date: string | null;
  created_at: string;
  updated_at: string;
  updated_by: string;
  version: number;
}

export interface YoungPersonRow {
  case_id: string;
  given_name: string | null;
  family_name: string | null;
  initials: string;
  date_of_birth: string | null;
  gender: string | null;
  ethnicity: string | null;
  first_language: string | null;
  developmental_needs: string | null;
  learning_needs: string | null;
  communication_needs: string | null;
  legal_status: YoungPerson['legalStatus'];
  placement: YoungPerson['placement'];
  local_authority: string | null;
  school: string | null;
  nhs_number: string | null;
  address: string | null;
  gp_practice_name: string | null;
  gp_practice_ods_code: string | null;
  consent_status: YoungPerson['consentStatus'];
  consent_date: string | null;
  consent_details: string | null;
  consent_recorded_by: string | null;
  consent_recorded_at: string | null;
}

/** Who recorded the consent status, kept beside the young person's own fields. */
export interface ConsentRecorded {
  consentRecordedBy: string | null;
  consentRecordedAt: string | null;
}

export const NO_CONSENT_RECORDED: ConsentRecorded = { consentRecordedBy: null, consentRecordedAt: null };

/** The next free reference number in a referral year (NC-YYYY-NNNN; more digits after 9999). */
export function nextReference(db: Db, year: number): { reference: string; seq: number } {
  const row = stmt(db, 'SELECT max(ref_seq) AS seq FROM cases WHERE ref_year = ?').get(year) as { seq: number | null };
  const seq = (row.seq ?? 0) + 1;
  return { reference: `NC-${year}-${String(seq).padStart(4, '0')}`, seq };
}

export function insertCase(db: Db, row: CaseRow): void {
  stmt(
    db,
    `INSERT INTO cases (id, reference, ref_year, ref_seq, status, referral_date, referral_source, referral_reason,
       consultation_only, lead_worker_id, decline_reason, closure_reason, closing_summary, age_at_referral,
       paperwork_complete_date, assessment_due_date, assessment_completed_date, created_at, updated_at, updated_by, version)
     VALUES (@id, @reference, @ref_year, @ref_seq, @status, @referral_date, @referral_source, @referral_reason,
       @consultation_only, @lead_worker_id, @decline_reason, @closure_reason, @closing_summary, @age_at_referral,
       @paperwork_complete_date, @assessment_due_date, @assessment_completed_date, @created_at, @updated_at, @updated_by, @version)`,
  ).run(row);
}

export function findCase(db: Db, id: string): CaseRow | null {
  return (stmt(db, 'SELECT * FROM cases WHERE id = ?').get(id) as CaseRow | undefined) ?? null;
}

/**
 * Write every column of a case and bump its version, but only if it is still at
 * `expectedVersion`. Returns false when someone else changed it first.
 */
export function updateCase(db: Db, row: CaseRow, expectedVersion: number): boolean {
  const result = stmt(
    db,
    `UPDATE cases SET status = @status, referral_date = @referral_date, referral_source = @referral_source,
       referral_reason = @referral_reason, consultation_only = @consultation_only, lead_worker_id = @lead_worker_id,
       decline_reason = @decline_reason, closure_reason = @closure_reason, closing_summary = @closing_summary,
       age_at_referral = @age_at_referral, paperwork_complete_date = @paperwork_complete_date,
       assessment_due_date = @assessment_due_date, assessment_completed_date = @assessment_completed_date,
       updated_at = @updated_at, updated_by = @updated_by, version = version + 1
     WHERE id = @id AND version = @expected`,
  ).run({ ...row, expected: expectedVersion });
  return result.changes === 1;
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
  stmt(
    db,
    `INSERT OR REPLACE INTO young_people (case_id, given_name, family_name, initials, date_of_birth, gender, ethnicity,
       first_language, developmental_needs, learning_needs, communication_needs, legal_status, placement,
       local_authority, school, nhs_number, address, gp_practice_name, gp_practice_ods_code, consent_status,
       consent_date, consent_details, consent_recorded_by, consent_recorded_at,
       search_given, search_family, search_la, phon_given, phon_family)
     VALUES (@case_id, @given_name, @family_name, @initials, @date_of_birth, @gender, @ethnicity, @first_language,
       @developmental_needs, @learning_needs, @communication_needs, @legal_status, @placement, @local_authority,
       @school, @nhs_number, @address, @gp_practice_name, @gp_practice_ods_code, @consent_status,
       @consent_date, @consent_details, @consent_recorded_by, @consent_recorded_at,
       @search_given, @search_family, @search_la, @phon_given, @phon_family)`,
  ).run({
    case_id: caseId,
    given_name: yp.givenName,
    family_name: yp.familyName,
    initials,
    date_of_birth: yp.dateOfBirth,
    gender: yp.gender,
    ethnicity: yp.ethnicity,
    first_language: yp.firstLanguage,
    developmental_needs: yp.developmentalNeeds,
    learning_needs: yp.learningNeeds,
    communication_needs: yp.communicationNeeds,
    legal_status: yp.legalStatus,
    placement: yp.placement,
    local_authority: yp.localAuthority,
    school: yp.school,
    nhs_number: yp.nhsNumber,
    address: yp.address,
    gp_practice_name: yp.gpPracticeName,
    gp_practice_ods_code: yp.gpPracticeOdsCode,
    consent_status: yp.consentStatus,
    consent_date: yp.consentDate,
    consent_details: yp.consentDetails,
    consent_recorded_by: consent.consentRecordedBy,
    consent_recorded_at: consent.consentRecordedAt,
    search_given: searchKey(yp.givenName),
    search_family: searchKey(yp.familyName),
    search_la: searchKey(yp.localAuthority),
    phon_given: phoneticKey(yp.givenName),
    phon_family: phoneticKey(yp.familyName),
  });
}

export function findYoungPerson(db: Db, caseId: string): (YoungPerson & ConsentRecorded) | null {
  const r = stmt(db, 'SELECT * FROM young_people WHERE case_id = ?').get(caseId) as YoungPersonRow | undefined;
  if (!r) return null;
  return {
    givenName: r.given_name,
    familyName: r.family_name,
    initials: r.initials,
    dateOfBirth: r.date_of_birth,
    ageAtReferral: null,
    gender: r.gender,
    ethnicity: r.ethnicity,
    firstLanguage: r.first_language,
    developmentalNeeds: r.developmental_needs,
    learningNeeds: r.learning_needs,
    communicationNeeds: r.communication_needs,
    legalStatus: r.legal_status,
    placement: r.placement,
    localAuthority: r.local_authority,
    school: r.school,
    nhsNumber: r.nhs_number,
    address: r.address,
    gpPracticeName: r.gp_practice_name,
    gpPracticeOdsCode: r.gp_practice_ods_code,
    consentStatus: r.consent_status,
    consentDate: r.consent_date,
    consentDetails: r.consent_details,
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
