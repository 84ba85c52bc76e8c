/**
 * Case rules and use cases: the referral, reading the case page, changing its fields. The status
 * workflow is in case-status.service.ts, paperwork in paperwork.service.ts, people in
 * people.service.ts.
 */
import { randomUUID } from 'node:crypto';
import type { CaseDetail, CasePatch, Referral, YoungPerson } from '../../../preload/contract/case-records';
import type { Db } from '../db/connection';
import { AppError } from '../errors';
import type { OpenVault } from '../vault/vault';
import {
  findCase,
  findClinicians,
  findServices,
  findStatusHistory,
  findYoungPerson,
  insertCase,
  insertStatusChange,
  isCaseWorker,
  nextReference,
  setClinicians,
  setServices,
  updateCase,
  upsertYoungPerson,
  userDisplayName,
  type CaseRow,
} from './cases.repo';
import { ageOn } from '../../../preload/contract/age';
import { assessmentApplies, localDate, readClock } from './dates';
import { listCasePaperwork } from './paperwork.repo';
import { insertPerson, listPeople } from './people.repo';
import { checkConsent, checkYoungPerson, consentRecording } from './rules';

/** The case row, or NOT_FOUND. */
export function requireCase(db: Db, caseId: string): CaseRow {
  const row = findCase(db, caseId);
  if (!row) throw new AppError('NOT_FOUND', 'That case does not exist. It may have been removed.');
  return row;
}

function checkWorker(db: Db, userId: string | null, what: string): void {
  if (userId && !isCaseWorker(db, userId)) {
    throw new AppError('INVALID_INPUT', `The ${what} must be an active clinician or administrator.`);
  }
}

/** Assemble everything the case page shows. No audit row: callers decide (read vs write). */
export function loadCaseDetail(db: Db, caseId: string, today: string): CaseDetail {
  const c = requireCase(db, caseId);
  const yp = findYoungPerson(db, caseId);
  if (!yp) throw new AppError('NOT_FOUND', 'The young person’s record for this case is missing.');
  const services = findServices(db, caseId);
  const clock = readClock(
    {
      caseStatus: c.status,
      assessmentApplies: assessmentApplies(c.consultation_only === 1, [...services.requested, ...services.provided]),
      dueDate: c.assessment_due_date,
      completedDate: c.assessment_completed_date,
    },
    today,
  );
  return {
    id: c.id,
    reference: c.reference,
    status: c.status,
    referralDate: c.referral_date,
    referralSource: c.referral_source,
    referralReason: c.referral_reason,
    consultationOnly: c.consultation_only === 1,
    declineReason: c.decline_reason,
    closureReason: c.closure_reason,
    closingSummary: c.closing_summary,
    leadWorkerId: c.lead_worker_id,
    leadWorkerName: userDisplayName(db, c.lead_worker_id),
    allocatedClinicians: findClinicians(db, caseId),
    servicesRequested: services.requested,
    servicesProvided: services.provided,
    youngPerson: {
      ...yp,
      ageAtReferral: yp.dateOfBirth ? null : c.age_at_referral,
      age: yp.dateOfBirth ? ageOn(yp.dateOfBirth, today) : null,
      consentRecordedByName: userDisplayName(db, yp.consentRecordedBy),
    },
    ageAtReferral: c.age_at_referral,
    people: listPeople(db, caseId),
    statusHistory: findStatusHistory(db, caseId),
    paperwork: listCasePaperwork(db, caseId),
    clock: {
      ...clock,
      paperworkCompleteDate: c.paperwork_complete_date,
      assessmentDueDate: c.assessment_due_date,
      assessmentCompletedDate: c.assessment_completed_date,
    },
    createdAt: c.created_at,
    updatedAt: c.updated_at,
    updatedBy: c.updated_by,
    version: c.version,
  };
}

export function today(vault: OpenVault): string {
  return localDate(vault.now());
}

/** Make a referral. Refuses a young person over 21 at the referral date. */
export function createCase(vault: OpenVault, referral: Referral): CaseDetail {
  const { db } = vault;
  const age = checkYoungPerson(referral.youngPerson, referral.referralDate, referral.consultationOnly);
  checkConsent(referral.youngPerson, today(vault));
  const at = vault.now().toISOString();
  const id = randomUUID();
  return db
    .transaction(() => {
      checkWorker(db, referral.leadWorkerId, 'lead worker');
      const year = Number(referral.referralDate.slice(0, 4));
      const { reference, seq } = nextReference(db, year);
      insertCase(db, {
        id,
        reference,
        ref_year: year,
        ref_seq: seq,
        status: 'referred',
        referral_date: referral.referralDate,
        referral_source: referral.referralSource,
        referral_reason: referral.referralReason,
        consultation_only: referral.consultationOnly ? 1 : 0,
        lead_worker_id: referral.leadWorkerId,
        decline_reason: null,
        closure_reason: null,
        closing_summary: null,
        age_at_referral: age,
        paperwork_complete_date: null,
        assessment_due_date: null,
        assessment_completed_date: null,
        created_at: at,
        updated_at: at,
        updated_by: vault.user.id,
        version: 1,
      });
      upsertYoungPerson(db, id, referral.youngPerson, consentRecording(vault.user.id, null, referral.youngPerson, at));
      setServices(db, id, referral.servicesRequested, []);
      insertStatusChange(db, {
        id: randomUUID(),
        caseId: id,
        from: null,
        to: 'referred',
        reason: null,
        at,
        by: vault.user.id,
      });
      if (referral.referrer) {
        insertPerson(
          db,
          id,
          { ...referral.referrer, id: randomUUID(), kind: 'referrer', thirdParty: false },
          at,
          vault.user.id,
        );
      }
      vault.audit({ action: 'case.create', entityType: 'case', entityId: id, caseId: id, detail: { reference } });
      return loadCaseDetail(db, id, today(vault));
    })
    .immediate();
}

/**
 * Run a read of one case's records and append its `case.read` audit row (with the view read,
 * never clinical text) in the same transaction, so no read goes unrecorded.
 */
export function auditedRead<T>(vault: OpenVault, caseId: string, view: string, read: () => T): T {
  return vault.db
    .transaction(() => {
      requireCase(vault.db, caseId);
      const result = read();
      vault.audit({ action: 'case.read', entityType: 'case', entityId: caseId, caseId, detail: { view } });
      return result;
    })
    .immediate();
}

/** The case page. Appends a `case.read` audit row in the same transaction as the read. */
export function getCase(vault: OpenVault, caseId: string): CaseDetail {
  return auditedRead(vault, caseId, 'case', () => loadCaseDetail(vault.db, caseId, today(vault)));
}

/** The CONFLICT raised when a case changed since the version the user saw. */
export function staleVersion(): AppError {
  return new AppError(
    'CONFLICT',
    'Someone changed this case while you were editing it. Reload it to see their changes, then try again.',
  );
}

/**
 * Once a case has an assessment its completed date belongs to the pathway: the "report sent"
 * stage sets it (and undoing that stage clears it), in the same transaction as the stage, so a
 * direct change here would let the clock and the assessment disagree.
 */
function checkCompletedDateChange(
  db: Db,
  caseId: string,
  current: string | null,
  next: string | null | undefined,
): void {
  if (next === undefined || next === current) return;
  const hasAssessment = db.prepare('SELECT 1 FROM assessments WHERE case_id = ? LIMIT 1').get(caseId) !== undefined;
  if (hasAssessment) {
    throw new AppError(
      'INVALID_INPUT',
      'This case has an assessment, so its completed date is set by the assessment’s “Report sent” stage. Mark that stage done (or undo it) on the Assessment tab instead.',
    );
  }
}

/** Change case fields. CONFLICT if the case moved on since `expectedVersion`. */
export function updateCaseFields(
  vault: OpenVault,
  caseId: string,
  expectedVersion: number,
  patch: CasePatch,
): CaseDetail {
  const { db } = vault;
  return db
    .transaction(() => {
      const row = requireCase(db, caseId);
      if (row.version !== expectedVersion) throw staleVersion();
      const current = findYoungPerson(db, caseId);
      if (!current) throw new AppError('NOT_FOUND', 'The young person’s record for this case is missing.');
      const { consentRecordedBy: _by, consentRecordedAt: _at, ...stored } = current;
      const yp: YoungPerson = {
        ...stored,
        ageAtReferral: current.dateOfBirth ? null : row.age_at_referral,
        ...patch.youngPerson,
      };
      const referralDate = patch.referralDate ?? row.referral_date;
      const consultationOnly = patch.consultationOnly ?? row.consultation_only === 1;
      const age = checkYoungPerson(yp, referralDate, consultationOnly);
      if (patch.youngPerson) checkConsent(yp, today(vault));
      if (patch.leadWorkerId !== undefined) checkWorker(db, patch.leadWorkerId, 'lead worker');
      checkCompletedDateChange(db, caseId, row.assessment_completed_date, patch.assessmentCompletedDate);
      for (const id of patch.allocatedClinicianIds ?? []) checkWorker(db, id, 'allocated clinician');
      // A changed referral date keeps the reference as issued: it is printed on letters and reports.
      const updated: CaseRow = {
        ...row,
        referral_date: referralDate,
        referral_source: patch.referralSource !== undefined ? patch.referralSource : row.referral_source,
        referral_reason: patch.referralReason !== undefined ? patch.referralReason : row.referral_reason,
        consultation_only: consultationOnly ? 1 : 0,
        lead_worker_id: patch.leadWorkerId !== undefined ? patch.leadWorkerId : row.lead_worker_id,
        assessment_completed_date:
          patch.assessmentCompletedDate !== undefined ? patch.assessmentCompletedDate : row.assessment_completed_date,
        age_at_referral: age,
        updated_at: vault.now().toISOString(),
        updated_by: vault.user.id,
      };
      if (!updateCase(db, updated, expectedVersion)) throw staleVersion();
      if (patch.youngPerson)
        upsertYoungPerson(db, caseId, yp, consentRecording(vault.user.id, current, yp, updated.updated_at));
      if (patch.servicesRequested || patch.servicesProvided) {
        const services = findServices(db, caseId);
        setServices(
          db,
          caseId,
          patch.servicesRequested ?? services.requested,
          patch.servicesProvided ?? services.provided,
        );
      }
      if (patch.allocatedClinicianIds) setClinicians(db, caseId, patch.allocatedClinicianIds);
      vault.audit({
        action: 'case.update',
        entityType: 'case',
        entityId: caseId,
        caseId,
        // Field names only: never clinical text in the audit log.
        detail: { fields: Object.keys(patch), youngPersonFields: Object.keys(patch.youngPerson ?? {}) },
      });
      return loadCaseDetail(db, caseId, today(vault));
    })
    .immediate();
}
