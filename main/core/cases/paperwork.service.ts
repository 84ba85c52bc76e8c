/** The paperwork checklist of a case and the 12-week assessment clock it starts. */
import type { CaseDetail } from '../../../preload/contract/case-records';
import { randomUUID } from 'node:crypto';
import { AppError } from '../errors';
import type { OpenVault } from '../vault/vault';
import { updateCase, type CaseRow } from './cases.repo';
import { loadCaseDetail, requireCase, staleVersion, today } from './cases.service';
import { assessmentDueDate } from './dates';
import type { PaperworkType, PaperworkTypeInput } from '../../../preload/contract/cases';
import {
  findPaperworkType,
  listCasePaperwork,
  listPaperworkTypes,
  nextPaperworkSortOrder,
  paperworkCompleteDate,
  paperworkTypeExists,
  upsertCasePaperwork,
  upsertPaperworkType,
} from './paperwork.repo';

/**
 * Record (or clear) one paperwork item, then recompute the clock: once every required item is
 * received, paperwork-complete = the latest of their dates and the assessment is due 84 days
 * later. Clearing a required item stops the clock again.
 */
export function setPaperworkReceived(
  vault: OpenVault,
  input: { caseId: string; typeId: string; receivedDate: string | null; notes: string | null },
): CaseDetail {
  const { db } = vault;
  return db
    .transaction(() => {
      const row = requireCase(db, input.caseId);
      if (!findPaperworkType(db, input.typeId))
        throw new AppError('NOT_FOUND', 'That paperwork item is not on the checklist.');
      // Paperwork may arrive before the referral is logged (it often comes with it): allowed.
      if (input.receivedDate && input.receivedDate > today(vault)) {
        throw new AppError('INVALID_INPUT', 'The received date is in the future.');
      }
      const at = vault.now().toISOString();
      upsertCasePaperwork(db, input, at, vault.user.id);
      const complete = paperworkCompleteDate(listCasePaperwork(db, input.caseId));
      const updated: CaseRow = {
        ...row,
        paperwork_complete_date: complete,
        assessment_due_date: complete ? assessmentDueDate(complete) : null,
        updated_at: at,
        updated_by: vault.user.id,
      };
      if (!updateCase(db, updated, row.version)) throw staleVersion();
      vault.audit({
        action: 'paperwork.set',
        entityType: 'paperwork',
        entityId: input.typeId,
        caseId: input.caseId,
        detail: { received: input.receivedDate !== null, complete: complete !== null },
      });
      return loadCaseDetail(db, input.caseId, today(vault));
    })
    .immediate();
}

/**
 * Add or change a checklist item type (administrators). Stored clocks are not recomputed:
 * changing the list must not move the due date of an assessment already under way.
 */
export function savePaperworkType(vault: OpenVault, input: PaperworkTypeInput): PaperworkType[] {
  const { db } = vault;
  return db
    .transaction(() => {
      if (input.id && !paperworkTypeExists(db, input.id)) {
        throw new AppError('NOT_FOUND', 'That paperwork item is not on the checklist.');
      }
      const id = input.id ?? randomUUID();
      const type = {
        id,
        name: input.name,
        required: input.required,
        sortOrder: input.sortOrder ?? nextPaperworkSortOrder(db),
        retired: input.retired,
      };
      upsertPaperworkType(db, type);
      vault.audit({
        action: input.id ? 'paperwork_type.update' : 'paperwork_type.create',
        entityType: 'paperwork_type',
        entityId: id,
        detail: { name: type.name, required: type.required, retired: type.retired },
      });
      return listPaperworkTypes(db);
    })
    .immediate();
}
