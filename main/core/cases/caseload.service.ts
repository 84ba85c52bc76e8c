/** Caseload list, duplicate check and the who-viewed-this-case log. */
import type { ChannelParsedInput } from '../../../preload/contract';
import type { CaseSummary, DuplicateCandidate } from '../../../preload/contract/case-records';
import type { Page } from '../../../preload/contract/paging';
import type { AccessLogEntry, CaseloadQuery } from '../../../preload/contract/cases';
import { displayName } from '../../../preload/contract/young-person-name';
import type { OpenVault } from '../vault/vault';
import { findDuplicates, queryAccessLog, queryCaseload, type CaseloadRow } from './caseload.repo';
import { requireCase, today } from './cases.service';
import { readClock } from './dates';

// Moved to the contract, where the renderer can use it too; re-exported for the modules that
// still import it from here (search.repo.ts, documents.search.ts, chronology-report.ts).
export { displayName };

function toSummary(r: CaseloadRow, todayDate: string): CaseSummary {
  const clock = readClock(
    {
      caseStatus: r.status,
      assessmentApplies: r.assessment_applies === 1,
      dueDate: r.assessment_due_date,
      completedDate: r.assessment_completed_date,
    },
    todayDate,
  );
  return {
    id: r.id,
    reference: r.reference,
    status: r.status,
    displayName: displayName(r.given_name, r.family_name, r.initials),
    initials: r.initials,
    dateOfBirth: r.date_of_birth,
    referralDate: r.referral_date,
    leadWorkerId: r.lead_worker_id,
    leadWorkerName: r.lead_worker_name,
    assessmentDueDate: r.assessment_due_date,
    clockStatus: clock.status,
    clock,
    openFlags: r.open_flags,
  };
}

/** One page of the caseload. One audit row per query (not per case listed). */
export function listCaseload(vault: OpenVault, q: CaseloadQuery): Page<CaseSummary> {
  const todayDate = today(vault);
  return vault.db
    .transaction(() => {
      const { rows, total, moreThan } = queryCaseload(vault.db, vault.user, q, todayDate);
      vault.audit({
        action: 'caseload.list',
        // The search text may be a name or a date of birth: record only that there was one.
        detail: {
          mine: q.mine,
          status: q.status,
          service: q.service,
          overdue: q.overdue,
          flagged: q.flagged,
          searched: q.search.length > 0,
          sort: q.sort,
          offset: q.offset,
          returned: rows.length,
        },
      });
      return { items: rows.map((r) => toSummary(r, todayDate)), total, moreThan, offset: q.offset, limit: q.limit };
    })
    .immediate();
}

export function checkDuplicates(vault: OpenVault, p: ChannelParsedInput<'case:checkDuplicates'>): DuplicateCandidate[] {
  return vault.db
    .transaction(() => {
      const found = findDuplicates(vault.db, p);
      vault.audit({ action: 'case.duplicate_check', detail: { candidates: found.map((c) => c.reference) } });
      return found;
    })
    .immediate();
}

/** Who viewed or changed a case. Reading the log is itself recorded against the case. */
export function accessLog(vault: OpenVault, caseId: string, limit: number, offset: number): Page<AccessLogEntry> {
  return vault.db
    .transaction(() => {
      requireCase(vault.db, caseId);
      const { rows, total } = queryAccessLog(vault.db, caseId, limit, offset);
      vault.audit({ action: 'case.access_log', entityType: 'case', entityId: caseId, caseId });
      return { items: rows, total, offset, limit };
    })
    .immediate();
}
