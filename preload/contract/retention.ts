/**
 * Records retention (issue 15): review dates of closed cases, legal hold, and disposal by two
 * administrators with a tombstone left behind. Every channel is for administrators only; nothing
 * is ever deleted except by `disposal:approve`. The rules are in `main/core/retention/`.
 */
import { z } from 'zod';
import { ADMIN_ONLY, channel } from './define';
import { idSchema, isoDateSchema } from './common';
import { pagingSchema, type Page } from './paging';

/** Why a hold is placed or lifted, or a disposal proposed: required, and kept in the audit. */
export const retentionReasonSchema = z
  .string()
  .trim()
  .min(1, 'Give a reason.')
  .max(1000, 'Keep the reason under 1,000 characters.');

/** The rules that can decide a review date (`main/core/retention/retention.rules.ts`). */
export const RETENTION_RULE_IDS = ['childrens_records', 'mental_health', 'after_death'] as const;
export type RetentionRuleIdView = (typeof RETENTION_RULE_IDS)[number];

/** A disposal waiting for a second administrator. */
export interface DisposalProposalView {
  reason: string;
  proposedById: string;
  proposedByName: string;
  proposedAt: string;
}

/**
 * How care ended, which the review date counts from: the case was closed, or its referral was
 * declined and no care followed (care ends the day it was declined).
 */
export type CareEndedView = 'closed' | 'declined';

/** One row of the review list: a closed case or declined referral, its review date and where it stands. */
export interface RetentionItemView {
  caseId: string;
  reference: string;
  /** The day care ended (`YYYY-MM-DD`): the last closure, or the day the referral was declined. */
  closedOn: string;
  careEnded: CareEndedView;
  reviewDate: string;
  /** The review date has been reached (today or earlier, in England). */
  due: boolean;
  /** The date of birth was not recorded: the conservative rule gave the date. */
  dateOfBirthUnknown: boolean;
  legalHold: boolean;
  holdReason: string | null;
  /** The young person has been in care (looked after): disposal needs a documented check first. */
  careExperienced: boolean;
  /** Care-experienced and no check recorded for this review date yet. */
  careCheckNeeded: boolean;
  proposal: DisposalProposalView | null;
}

/** The documented check a care-experienced person's records need before disposal. */
export interface CareCheckView {
  note: string;
  checkedByName: string;
  checkedAt: string;
  /** The review date it was made for: a different review date needs a new check. */
  forReviewDate: string;
}

/** One rule's date for a case, for the detail panel. */
export interface RetentionCandidateView {
  rule: RetentionRuleIdView;
  date: string;
  because: string;
}

/** The retention of one case: every rule that applied, the hold, the date of death, the proposal. */
export interface RetentionDetailView {
  caseId: string;
  reference: string;
  status: string;
  /** Null when the case is not closed or declined (open, or reopened): there is nothing to review. */
  reviewDate: string | null;
  /** The day care ended: the last closure, or the day the referral was declined. */
  closedOn: string | null;
  careEnded: CareEndedView | null;
  due: boolean;
  candidates: RetentionCandidateView[];
  dateOfBirthUnknown: boolean;
  ageAtDischarge: number | null;
  dateOfDeath: string | null;
  legalHold: boolean;
  holdReason: string | null;
  careExperienced: boolean;
  /** The check recorded for the present review date, if any (an older one no longer counts). */
  careCheck: CareCheckView | null;
  proposal: DisposalProposalView | null;
}

/** What is kept of a disposed case: no case id, no names, no clinical content. */
export interface TombstoneView {
  id: string;
  reference: string;
  referralDate: string;
  closedOn: string;
  reviewDate: string;
  reason: string;
  proposedByName: string;
  proposedAt: string;
  approvedByName: string;
  approvedAt: string;
}

export const retentionListSchema = z
  .object({
    /** Cases whose review date has passed or falls within this many months from today. */
    withinMonths: z.int().min(0).max(120).default(6),
    order: z.enum(['asc', 'desc']).default('asc'),
    ...pagingSchema.shape,
  })
  .strict();

const byCase = z.object({ caseId: idSchema }).strict();

export const retentionChannels = {
  /** Closed cases due for review now or within `withinMonths`, by review date, a page at a time. */
  'retention:list': channel<Page<RetentionItemView>>()(retentionListSchema, ADMIN_ONLY),
  /** One case's retention: every rule's date and why, the hold and any proposal. Audited. */
  'retention:get': channel<RetentionDetailView>()(byCase, ADMIN_ONLY),
  /** Record (or clear, with null) the young person's date of death; it can only lengthen retention. */
  'retention:setDateOfDeath': channel<RetentionDetailView>()(
    z.object({ caseId: idSchema, dateOfDeath: isoDateSchema.nullable() }).strict(),
    ADMIN_ONLY,
  ),
  /** Place a legal hold: the case cannot be disposed of until it is lifted. */
  'legalHold:set': channel<RetentionDetailView>()(
    z.object({ caseId: idSchema, reason: retentionReasonSchema }).strict(),
    ADMIN_ONLY,
  ),
  /** Lift a legal hold, saying why. */
  'legalHold:clear': channel<RetentionDetailView>()(
    z.object({ caseId: idSchema, reason: retentionReasonSchema }).strict(),
    ADMIN_ONLY,
  ),
  /**
   * Set or clear the care-experienced flag, saying why. Setting it withdraws a waiting proposal
   * (made without the check); clearing it removes the check with it.
   */
  'retention:setCareExperienced': channel<RetentionDetailView>()(
    z.object({ caseId: idSchema, careExperienced: z.boolean(), reason: retentionReasonSchema }).strict(),
    ADMIN_ONLY,
  ),
  /**
   * Record the check a care-experienced person's records need before disposal (for example: the
   * leaving-care team asked whether the person has asked for their records). Only once the review
   * date is reached, and it counts for that review date only.
   */
  'retention:recordCareCheck': channel<RetentionDetailView>()(
    z.object({ caseId: idSchema, note: retentionReasonSchema }).strict(),
    ADMIN_ONLY,
  ),
  /** The first administrator proposes disposal of a due, unheld case (checked, if care-experienced). */
  'disposal:propose': channel<RetentionDetailView>()(
    z.object({ caseId: idSchema, reason: retentionReasonSchema }).strict(),
    ADMIN_ONLY,
  ),
  /** Withdraw a proposal (either administrator). */
  'disposal:withdraw': channel<RetentionDetailView>()(byCase, ADMIN_ONLY),
  /**
   * A second, different administrator approves by re-entering their password (the signature):
   * the case's records and documents are removed and a tombstone kept. Refused if held, not due,
   * or proposed by the same person.
   */
  'disposal:approve': channel<TombstoneView>()(
    z.object({ caseId: idSchema, password: z.string().min(1, 'Enter your password.').max(1024) }).strict(),
    ADMIN_ONLY,
  ),
  /** The tombstones of disposed cases, newest first. */
  'tombstone:list': channel<Page<TombstoneView>>()(z.object({ ...pagingSchema.shape }).strict(), ADMIN_ONLY),
};
