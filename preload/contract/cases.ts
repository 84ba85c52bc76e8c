/** Case channels: referral, the case record, status workflow, paperwork, caseload. */
import { z } from 'zod';
import {
  CASE_STATUSES,
  caseStatusSchema,
  casePatchSchema,
  referralSchema,
  serviceSchema,
  type CaseDetail,
  type CaseSummary,
  type DuplicateCandidate,
} from './case-records';
import { idSchema, isoDateSchema } from './common';
import { ADMIN_ONLY, ANY_USER, CASE_WRITERS, channel } from './define';
import { nhsNumberSchema } from './nhs-number';
import { pagingSchema, type Page } from './paging';

export * from './case-records';
// Paging moved to paging.ts; re-exported so contracts that import it from here keep compiling.
export { pagingSchema } from './paging';

export const CASELOAD_SORTS = ['reference', 'name', 'referral_date', 'due_date'] as const;

export const caseloadQuerySchema = z
  .object({
    status: z.array(caseStatusSchema).max(CASE_STATUSES.length).default([]),
    service: serviceSchema.nullable().default(null),
    leadWorkerId: idSchema.nullable().default(null),
    /** Only cases where the signed-in user is lead worker or an allocated clinician. */
    mine: z.boolean().default(false),
    /** Only cases whose assessment clock is overdue. */
    overdue: z.boolean().default(false),
    /** Only cases with an open flag. */
    flagged: z.boolean().default(false),
    /** Reference prefix (`NC-2025-00`), name prefix, or date of birth (dd/mm/yyyy or ISO). */
    search: z.string().trim().max(100).default(''),
    /**
     * `due_date` is the clock order, what is due next (ascending): running clocks by due date
     * (so the most overdue first), then cases awaiting paperwork, then completed, closed not
     * assessed, declined and no-clock cases. Within a group by due date (then id); cases
     * awaiting paperwork by reference, oldest first. Descending reverses it.
     */
    sort: z.enum(CASELOAD_SORTS).default('referral_date'),
    direction: z.enum(['asc', 'desc']).default('desc'),
    ...pagingSchema.shape,
  })
  .strict();
export type CaseloadQuery = z.output<typeof caseloadQuerySchema>;

/** Seeded types have readable ids (`referral_form`); types added later get a UUID. */
export const paperworkTypeIdSchema = z.string().regex(/^[a-z0-9_-]{1,64}$/, 'Not a valid paperwork type.');

export const paperworkTypeInputSchema = z
  .object({
    id: paperworkTypeIdSchema.optional(),
    name: z.string().trim().min(2, 'Give the item a name.').max(120),
    required: z.boolean(),
    sortOrder: z.int().min(0).max(100_000).optional(),
    retired: z.boolean().default(false),
  })
  .strict();
export type PaperworkTypeInput = z.output<typeof paperworkTypeInputSchema>;

const caseRef = z.object({ caseId: idSchema }).strict();
const versioned = { caseId: idSchema, expectedVersion: z.int().min(1) };

export interface PaperworkType {
  id: string;
  name: string;
  required: boolean;
  sortOrder: number;
}

/**
 * One line of a case's access log. Repeated views of the same record by one person in one
 * sign-in session are one entry: `count` of them, from `firstAt` to `at`.
 */
export interface AccessLogEntry {
  /** The audit sequence number of the entry's latest row. */
  seq: number;
  /** When (the latest time, for collapsed views). */
  at: string;
  /** The earliest time (equal to `at` for a single row). */
  firstAt: string;
  /** How many audit rows the entry stands for (1 unless views were collapsed). */
  count: number;
  userId: string | null;
  username: string | null;
  /** The person's display name (their username if the account is gone). */
  userDisplayName: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
}

export const caseChannels = {
  /** Possible duplicates of a referral about to be made. Creating is still allowed. */
  'case:checkDuplicates': channel<DuplicateCandidate[]>()(
    z
      .object({
        givenName: z.string().trim().max(100).nullable().default(null),
        familyName: z.string().trim().max(100).nullable().default(null),
        dateOfBirth: isoDateSchema.nullable().default(null),
        localAuthority: z.string().trim().max(100).nullable().default(null),
        /** The same NHS number on another case is the strongest sign of a duplicate. */
        nhsNumber: nhsNumberSchema.nullable().default(null),
      })
      .strict(),
    ANY_USER,
  ),

  /** Make a referral: new case (status `referred`) with reference NC-YYYY-NNNN. */
  'case:create': channel<CaseDetail>()(referralSchema, CASE_WRITERS),

  /** Everything the case page shows. Audited as `case.read`. */
  'case:get': channel<CaseDetail>()(caseRef, ANY_USER),

  /** Change fields; fails with CONFLICT when the case changed since `expectedVersion`. */
  'case:update': channel<CaseDetail>()(z.object({ ...versioned, patch: casePatchSchema }).strict(), CASE_WRITERS),

  /** Move through the workflow. Decline needs a reason; close needs a reason and a summary. */
  'case:setStatus': channel<CaseDetail>()(
    z
      .object({
        ...versioned,
        status: caseStatusSchema,
        reason: z.string().trim().max(2000).nullable().default(null),
        closingSummary: z.string().trim().max(20_000).nullable().default(null),
      })
      .strict(),
    CASE_WRITERS,
  ),

  /** Who looked at or changed this case: its audit entries, newest first. */
  'case:accessLog': channel<Page<AccessLogEntry>>()(
    z.object({ caseId: idSchema, ...pagingSchema.shape }).strict(),
    ADMIN_ONLY,
  ),

  /** The caseload: filtered, sorted, paged. One audit row per query. */
  'caseload:list': channel<Page<CaseSummary>>()(caseloadQuerySchema, ANY_USER),

  /** The configured paperwork checklist. */
  'paperwork:listTypes': channel<PaperworkType[]>()(z.object({}).strict(), ANY_USER),

  /**
   * Administrators: add a checklist item (no id), or rename, re-order, make (not) required or
   * retire one. Applies from now on: a case whose clock has already started keeps its due date;
   * the others are judged against the new list when their next item is recorded.
   */
  'paperwork:saveType': channel<PaperworkType[]>()(paperworkTypeInputSchema, ADMIN_ONLY),

  /**
   * Record (or clear, with null) the date one paperwork item was received; restarts the clock.
   * A date after today (in England) is refused. A date before the referral date is refused with
   * CONFIRMATION_REQUIRED (its message is the warning to show) unless `acknowledgeBeforeReferral`
   * is true: paperwork often arrives before the formal referral, but it then starts the clock.
   */
  'paperwork:setReceived': channel<CaseDetail>()(
    z
      .object({
        caseId: idSchema,
        typeId: paperworkTypeIdSchema,
        receivedDate: isoDateSchema.nullable(),
        notes: z.string().trim().max(2000).nullable().default(null),
        /** The user has seen the warning that the date is before the referral date, and goes ahead. */
        acknowledgeBeforeReferral: z.boolean().default(false),
      })
      .strict(),
    CASE_WRITERS,
  ),
} as const;
