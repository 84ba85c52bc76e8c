/** The case's status workflow: referred, accepted or declined, active, closed, and reopening. */
import { randomUUID } from 'node:crypto';
import type { ChannelParsedInput } from '../../../preload/contract';
import type { CaseDetail } from '../../../preload/contract/case-records';
import type { OpenVault } from '../vault/vault';
import { insertStatusChange, updateCase, type CaseRow } from './cases.repo';
import { loadCaseDetail, requireCase, staleVersion, today } from './cases.service';
import { checkTransition } from './rules';

/** Move a case through the workflow (see rules.ts TRANSITIONS). */
export function setCaseStatus(vault: OpenVault, input: ChannelParsedInput<'case:setStatus'>): CaseDetail {
  const { db } = vault;
  return db
    .transaction(() => {
      const row = requireCase(db, input.caseId);
      if (row.version !== input.expectedVersion) throw staleVersion();
      checkTransition(row.status, input.status, input.reason, input.closingSummary);
      const at = vault.now().toISOString();
      const reopening = input.status === 'referred';
      const updated: CaseRow = {
        ...row,
        status: input.status,
        decline_reason: input.status === 'declined' ? input.reason : reopening ? null : row.decline_reason,
        closure_reason: input.status === 'closed' ? input.reason : reopening ? null : row.closure_reason,
        closing_summary: input.status === 'closed' ? input.closingSummary : reopening ? null : row.closing_summary,
        updated_at: at,
        updated_by: vault.user.id,
      };
      if (!updateCase(db, updated, input.expectedVersion)) throw staleVersion();
      insertStatusChange(db, {
        id: randomUUID(),
        caseId: input.caseId,
        from: row.status,
        to: input.status,
        reason: input.reason,
        at,
        by: vault.user.id,
      });
      vault.audit({
        action: 'case.status',
        entityType: 'case',
        entityId: input.caseId,
        caseId: input.caseId,
        detail: { from: row.status, to: input.status },
      });
      return loadCaseDetail(db, input.caseId, today(vault));
    })
    .immediate();
}
