/**
 * Retention for administrators: the review list, one case's retention, the date of death, legal
 * hold, and proposing (or withdrawing) a disposal. Disposal itself is `disposal.ts`. Every read of
 * a case and every change is audited, in the change's own transaction.
 */
import { randomUUID } from 'node:crypto';
import type { ChannelParsedInput } from '../../../preload/contract';
import type { Page } from '../../../preload/contract/paging';
import type {
  DisposalProposalView,
  RetentionDetailView,
  RetentionItemView,
  TombstoneView,
} from '../../../preload/contract/retention';
import { AppError } from '../errors';
import { localDate } from '../cases/dates';
import type { OpenVault } from '../vault/vault';
import { stmt } from '../db/statements';
import { disposalProposalRecord } from './retention.records';
import {
  careCheckOf,
  caseOutcome,
  ensureRetentionRow,
  proposalOf,
  refreshStale,
  retentionRow,
  reviewPage,
  tombstonePage,
  type ProposalRow,
  type TombstoneNamedRow,
} from './retention.repo';

/** Today in England, where the service works. */
export function today(vault: OpenVault): string {
  return localDate(vault.now());
}

/** The same day `months` later; the last day of the month when that month is shorter. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

function proposalView(row: ProposalRow | null): DisposalProposalView | null {
  return row
    ? {
        reason: row.reason,
        proposedById: row.proposed_by,
        proposedByName: row.proposed_by_name,
        proposedAt: row.proposed_at,
      }
    : null;
}

export function listForReview(vault: OpenVault, q: ChannelParsedInput<'retention:list'>): Page<RetentionItemView> {
  refreshStale(vault.db);
  const now = today(vault);
  const { rows, total, moreThan } = reviewPage(vault.db, {
    until: addMonths(now, q.withinMonths),
    order: q.order,
    offset: q.offset,
    limit: q.limit,
  });
  vault.audit({
    action: 'retention.list',
    detail: { withinMonths: q.withinMonths, offset: q.offset, returned: rows.length },
  });
  return {
    items: rows.map((r) => ({
      caseId: r.case_id,
      reference: r.reference,
      closedOn: r.closed_on,
      careEnded: r.status === 'declined' ? ('declined' as const) : ('closed' as const),
      reviewDate: r.review_date,
      due: r.review_date <= now,
      dateOfBirthUnknown: r.dob_unknown === 1,
      legalHold: r.legal_hold === 1,
      holdReason: r.hold_reason,
      careExperienced: r.care_experienced === 1,
      careCheckNeeded: r.care_experienced === 1 && r.care_checked_for !== r.review_date,
      proposal:
        r.proposed_by === null
          ? null
          : {
              reason: r.proposal_reason ?? '',
              proposedById: r.proposed_by,
              proposedByName: r.proposed_by_name ?? '',
              proposedAt: r.proposed_at ?? '',
            },
    })),
    total,
    moreThan,
    offset: q.offset,
    limit: q.limit,
  };
}

/** The retention of one case as the detail panel shows it (no audit: callers audit). */
export function detailOf(vault: OpenVault, caseId: string): RetentionDetailView {
  const found = caseOutcome(vault.db, caseId);
  if (!found) throw new AppError('NOT_FOUND', 'There is no such case.');
  const reference = (stmt(vault.db, 'SELECT reference FROM cases WHERE id = ?').get(caseId) as { reference: string })
    .reference;
  const row = retentionRow(vault.db, caseId);
  const { outcome, facts } = found;
  const check = careCheckOf(vault.db, caseId);
  return {
    caseId,
    reference,
    status: found.status,
    reviewDate: outcome.reviewDate,
    closedOn: outcome.reviewDate === null ? null : facts.closedOn,
    careEnded: outcome.careEnded,
    due: outcome.reviewDate !== null && outcome.reviewDate <= today(vault),
    candidates: outcome.candidates,
    dateOfBirthUnknown: outcome.dateOfBirthUnknown,
    ageAtDischarge: outcome.ageAtDischarge,
    dateOfDeath: facts.dateOfDeath,
    legalHold: row?.legal_hold === 1,
    holdReason: row?.hold_reason ?? null,
    careExperienced: row?.care_experienced === 1,
    careCheck:
      check && check.care_checked_for === outcome.reviewDate
        ? {
            note: check.care_check_note,
            checkedByName: check.checked_by_name,
            checkedAt: check.care_checked_at,
            forReviewDate: check.care_checked_for,
          }
        : null,
    proposal: proposalView(proposalOf(vault.db, caseId)),
  };
}

export function getRetention(vault: OpenVault, caseId: string): RetentionDetailView {
  const view = detailOf(vault, caseId);
  vault.audit({ action: 'retention.read', entityType: 'case', entityId: caseId, caseId });
  return view;
}

/** Run `change` in one immediate transaction with its audit row, then return the fresh detail. */
function change(
  vault: OpenVault,
  caseId: string,
  action: string,
  detail: Record<string, unknown>,
  body: () => void,
): RetentionDetailView {
  vault.db
    .transaction(() => {
      if (!stmt(vault.db, 'SELECT 1 FROM cases WHERE id = ?').get(caseId))
        throw new AppError('NOT_FOUND', 'There is no such case.');
      ensureRetentionRow(vault.db, caseId);
      body();
      vault.audit({ action, entityType: 'case', entityId: caseId, caseId, detail });
    })
    .immediate();
  refreshStale(vault.db);
  return detailOf(vault, caseId);
}

export function setDateOfDeath(
  vault: OpenVault,
  input: ChannelParsedInput<'retention:setDateOfDeath'>,
): RetentionDetailView {
  if (input.dateOfDeath !== null && input.dateOfDeath > today(vault)) {
    throw new AppError('INVALID_INPUT', 'The date of death cannot be in the future.');
  }
  return change(vault, input.caseId, 'retention.date_of_death', { recorded: input.dateOfDeath !== null }, () => {
    stmt(
      vault.db,
      'UPDATE case_retention SET date_of_death = ?, stale = 1, version = version + 1 WHERE case_id = ?',
    ).run(input.dateOfDeath, input.caseId);
  });
}

export function setLegalHold(vault: OpenVault, input: ChannelParsedInput<'legalHold:set'>): RetentionDetailView {
  return change(vault, input.caseId, 'retention.hold_set', { reason: input.reason }, () => {
    const row = retentionRow(vault.db, input.caseId);
    if (row?.legal_hold === 1) throw new AppError('CONFLICT', 'This case is already on legal hold.');
    // A hold stops a disposal already proposed: the proposal is withdrawn with it.
    stmt(vault.db, 'DELETE FROM disposal_proposals WHERE case_id = ?').run(input.caseId);
    stmt(
      vault.db,
      `UPDATE case_retention SET legal_hold = 1, hold_reason = ?, hold_changed_by = ?, hold_changed_at = ?, version = version + 1
       WHERE case_id = ?`,
    ).run(input.reason, vault.user.id, vault.now().toISOString(), input.caseId);
  });
}

export function clearLegalHold(vault: OpenVault, input: ChannelParsedInput<'legalHold:clear'>): RetentionDetailView {
  return change(vault, input.caseId, 'retention.hold_clear', { reason: input.reason }, () => {
    const row = retentionRow(vault.db, input.caseId);
    if (row?.legal_hold !== 1) throw new AppError('CONFLICT', 'This case is not on legal hold.');
    stmt(
      vault.db,
      `UPDATE case_retention SET legal_hold = 0, hold_reason = NULL, hold_changed_by = ?, hold_changed_at = ?, version = version + 1
       WHERE case_id = ?`,
    ).run(vault.user.id, vault.now().toISOString(), input.caseId);
  });
}

export function setCareExperienced(
  vault: OpenVault,
  input: ChannelParsedInput<'retention:setCareExperienced'>,
): RetentionDetailView {
  const action = input.careExperienced ? 'retention.care_experienced_set' : 'retention.care_experienced_clear';
  return change(vault, input.caseId, action, { reason: input.reason }, () => {
    const row = retentionRow(vault.db, input.caseId);
    if ((row?.care_experienced === 1) === input.careExperienced) {
      throw new AppError(
        'CONFLICT',
        input.careExperienced
          ? 'This case is already marked care-experienced.'
          : 'This case is not marked care-experienced.',
      );
    }
    // A proposal made before the flag was made without the check it now needs: withdrawn, as a hold does.
    if (input.careExperienced) stmt(vault.db, 'DELETE FROM disposal_proposals WHERE case_id = ?').run(input.caseId);
    stmt(
      vault.db,
      `UPDATE case_retention SET care_experienced = ?, care_changed_by = ?, care_changed_at = ?,
         care_check_note = NULL, care_checked_by = NULL, care_checked_at = NULL, care_checked_for = NULL,
         version = version + 1
       WHERE case_id = ?`,
    ).run(input.careExperienced ? 1 : 0, vault.user.id, vault.now().toISOString(), input.caseId);
  });
}

export function recordCareCheck(
  vault: OpenVault,
  input: ChannelParsedInput<'retention:recordCareCheck'>,
): RetentionDetailView {
  refreshStale(vault.db);
  return change(vault, input.caseId, 'retention.care_check', { note: input.note }, () => {
    if (retentionRow(vault.db, input.caseId)?.care_experienced !== 1)
      throw new AppError('CONFLICT', 'Only a care-experienced case needs this check.');
    const found = caseOutcome(vault.db, input.caseId);
    const reviewDate = found?.outcome.reviewDate ?? null;
    // Made once the date is reached: whether the person wants their records can change before then.
    if (reviewDate === null || reviewDate > today(vault))
      throw new AppError('CONFLICT', 'The check is recorded once the review date is reached.');
    stmt(
      vault.db,
      `UPDATE case_retention SET care_check_note = ?, care_checked_by = ?, care_checked_at = ?, care_checked_for = ?,
         version = version + 1
       WHERE case_id = ?`,
    ).run(input.note, vault.user.id, vault.now().toISOString(), reviewDate, input.caseId);
  });
}

/**
 * Why this case may not be disposed of now, in words, or null when it may. Checked when a
 * disposal is proposed and again, inside the disposal's transaction, when it is approved.
 */
export function disposalRefusal(vault: OpenVault, caseId: string): string | null {
  const found = caseOutcome(vault.db, caseId);
  if (!found) return 'There is no such case.';
  if (found.outcome.reviewDate === null) return 'Only a closed case or a declined referral can be disposed of.';
  const row = retentionRow(vault.db, caseId);
  if (row?.legal_hold === 1) return 'This case is on legal hold: it cannot be disposed of.';
  if (found.outcome.reviewDate > today(vault)) return 'This case is not yet due for review: it cannot be disposed of.';
  // A care-experienced person often asks for their records as an adult (retention.rules.ts).
  if (row?.care_experienced === 1 && row.care_checked_for !== found.outcome.reviewDate)
    return 'The young person is care-experienced: record the check (have they asked for their records, or might they?) before disposal.';
  return null;
}

export function proposeDisposal(vault: OpenVault, input: ChannelParsedInput<'disposal:propose'>): RetentionDetailView {
  refreshStale(vault.db);
  return change(vault, input.caseId, 'disposal.propose', { reason: input.reason }, () => {
    const refusal = disposalRefusal(vault, input.caseId);
    if (refusal) throw new AppError('CONFLICT', refusal);
    if (proposalOf(vault.db, input.caseId))
      throw new AppError('CONFLICT', 'A disposal of this case has already been proposed.');
    stmt(vault.db, disposalProposalRecord.insertSql()).run({
      id: randomUUID(),
      case_id: input.caseId,
      reason: input.reason,
      proposed_by: vault.user.id,
      proposed_at: vault.now().toISOString(),
    });
  });
}

export function withdrawDisposal(vault: OpenVault, caseId: string): RetentionDetailView {
  return change(vault, caseId, 'disposal.withdraw', {}, () => {
    const gone = stmt(vault.db, 'DELETE FROM disposal_proposals WHERE case_id = ?').run(caseId);
    if (gone.changes === 0) throw new AppError('NOT_FOUND', 'No disposal of this case has been proposed.');
  });
}

export function tombstoneView(row: TombstoneNamedRow): TombstoneView {
  return {
    id: row.id,
    reference: row.reference,
    referralDate: row.referral_date,
    closedOn: row.closed_on,
    reviewDate: row.review_date,
    reason: row.reason,
    proposedByName: row.proposed_by_name,
    proposedAt: row.proposed_at,
    approvedByName: row.approved_by_name,
    approvedAt: row.approved_at,
  };
}

export function listTombstones(vault: OpenVault, q: ChannelParsedInput<'tombstone:list'>): Page<TombstoneView> {
  const { rows, total } = tombstonePage(vault.db, q.offset, q.limit);
  vault.audit({ action: 'tombstone.list', detail: { offset: q.offset, returned: rows.length } });
  return { items: rows.map(tombstoneView), total, offset: q.offset, limit: q.limit };
}
