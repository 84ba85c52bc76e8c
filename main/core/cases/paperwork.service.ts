/** The paperwork checklist of a case and the 12-week assessment clock it starts. */
import type { ChannelParsedInput } from '../../../preload/contract';
import type { CaseDetail } from '../../../preload/contract/case-records';
import { randomUUID } from 'node:crypto';
import { AppError } from '../errors';
import type { OpenVault } from '../vault/vault';
import { updateCase, type CaseRow } from './cases.repo';
import { loadCaseDetail, requireCase, staleVersion, today } from './cases.service';
import { assessmentDueDate, formatUkDate } from './dates';
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
export function setPaperworkReceived(vault: OpenVault, input: ChannelParsedInput<'paperwork:setReceived'>): CaseDetail {
  const { db } = vault;
  return db
    .transaction(() => {
      const row = requireCase(db, input.caseId);
      if (!findPaperworkType(db, input.typeId))
        throw new AppError('NOT_FOUND', 'That paperwork item is not on the checklist.');
      const beforeReferral = checkReceivedDate(input.receivedDate, row.referral_date, today(vault), input);
      const at = vault.now().toISOString();
      upsertCasePaperwork(
        db,
        { caseId: input.caseId, typeId: input.typeId, receivedDate: input.receivedDate, notes: input.notes },
        at,
        vault.user.id,
      );
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
        detail: {
          received: input.receivedDate !== null,
          complete: complete !== null,
          ...(beforeReferral ? { beforeReferral: true } : {}),
        },
      });
      return loadCaseDetail(db, input.caseId, today(vault));
    })
    .immediate();
}

/**
 * The rules for a received date; returns whether it is before the referral date (and so was
 * acknowledged). A future date is refused outright: nothing can have been received tomorrow.
 * A date before the referral is real (paperwork often comes ahead of, or with, the formal
 * referral) but silently starts the clock early, so the caller must acknowledge it: the core
 * refuses without the flag, so no route (an old renderer, a script) can skip the warning.
 */
function checkReceivedDate(
  received: string | null,
  referralDate: string,
  todayDate: string,
  input: { acknowledgeBeforeReferral?: boolean },
): boolean {
  if (!received) return false;
  if (received > todayDate) {
    throw new AppError(
      'INVALID_INPUT',
      `The date received cannot be in the future (today is ${formatUkDate(todayDate)}).`,
    );
  }
  if (received >= referralDate) return false;
  if (!input.acknowledgeBeforeReferral) {
    throw new AppError(
      'CONFIRMATION_REQUIRED',
      `This is before the referral date (${formatUkDate(referralDate)}): the 12-week clock will start from the latest item received. Save anyway?`,
    );
  }
  return true;
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
