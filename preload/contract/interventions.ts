/**
 * Intervention channels: a case's plans (goals, reviews, closure), the session log (record,
 * edit, sign, addenda, start from the last session), safeguarding concerns, and the
 * Interventions area's list. Records and rules: `intervention-records.ts`,
 * `intervention-outcomes.ts`.
 *
 * Every read of a case's interventions is audited as `case.read`; every write has its audit row
 * in the write's transaction. Writes to a closed plan, or to a signed session note, are refused
 * with what to do instead.
 */
import { z } from 'zod';
import { idSchema } from './common';
import { ANY_USER, CASE_WRITERS, channel } from './define';
import {
  closureSchema,
  concernSchema,
  interventionSessionSchema,
  planSchema,
  reviewSchema,
  type InterventionListItem,
  type InterventionSessionContent,
  type InterventionSessionView,
  type PlanView,
} from './intervention-records';
import { pagingSchema, type Page } from './paging';

export * from './intervention-records';
export * from './intervention-outcomes';

const expectedVersion = z.int().min(1);

export const interventionChannels = {
  /** A case's intervention plans, the active one first, then newest start first. */
  'intervention:listForCase': channel<PlanView[]>()(z.object({ caseId: idSchema }).strict(), ANY_USER),
  /**
   * Start an intervention plan with its goals (each with an optional baseline rating). One
   * plan may be active per case: close it before starting another.
   */
  'intervention:create': channel<PlanView>()(z.object({ caseId: idSchema, plan: planSchema }).strict(), CASE_WRITERS),
  /**
   * Change an active plan. Goals with an `id` are kept (their wording and area may change);
   * goals without one are added; a goal left out is removed only if it has never been rated or
   * worked on (refused otherwise). A baseline on an existing goal is ignored: ratings are history.
   */
  'intervention:update': channel<PlanView>()(
    z.object({ planId: idSchema, expectedVersion, plan: planSchema }).strict(),
    CASE_WRITERS,
  ),
  /** Record a review of an active plan (date, attendees, progress, changes, recommendations). */
  'intervention:addReview': channel<PlanView>()(
    z.object({ planId: idSchema, review: reviewSchema }).strict(),
    CASE_WRITERS,
  ),
  /** Close the plan with a summary and reason. Refused while a session is still planned after the closing date. */
  'intervention:close': channel<PlanView>()(
    z.object({ planId: idSchema, expectedVersion, closure: closureSchema }).strict(),
    CASE_WRITERS,
  ),
  /**
   * The Interventions area: every active plan with its next planned session and DNA rate,
   * soonest next session first (plans with none booked last; ties by the earlier start), paged. One
   * audit row a page.
   */
  'intervention:list': channel<Page<InterventionListItem>>()(z.object({ ...pagingSchema.shape }).strict(), ANY_USER),

  /**
   * The session log of a case (of one plan when `planId` is given), newest session first,
   * paged. Each session with its concerns and sign-off. Audited as `case.read`.
   */
  'interventionSession:log': channel<Page<InterventionSessionView>>()(
    z.object({ caseId: idSchema, planId: idSchema.nullable().default(null), ...pagingSchema.shape }).strict(),
    ANY_USER,
  ),
  /**
   * Record a session (or book one: attendance `planned`) on an active plan. Goals worked on and
   * rated must be the plan's; a planned session may not be dated before today, a held one not
   * after it.
   */
  'interventionSession:create': channel<InterventionSessionView>()(
    z.object({ planId: idSchema, session: interventionSessionSchema }).strict(),
    CASE_WRITERS,
  ),
  /** Edit a session note. CONFLICT if it changed since `expectedVersion`; refused once signed. */
  'interventionSession:update': channel<InterventionSessionView>()(
    z.object({ sessionId: idSchema, expectedVersion, session: interventionSessionSchema }).strict(),
    CASE_WRITERS,
  ),
  /**
   * "Start from the last session": the structure of a new note for the plan, filled from its
   * last held session (see `startFromLastSession`). Writes nothing but the read's audit row.
   */
  'interventionSession:startFromLast': channel<InterventionSessionContent>()(
    z.object({ planId: idSchema }).strict(),
    ANY_USER,
  ),
  /** Sign a held session's note: it is locked from then on, and corrected only by addenda. */
  'interventionSession:sign': channel<InterventionSessionView>()(
    z.object({ sessionId: idSchema, expectedVersion }).strict(),
    CASE_WRITERS,
  ),
  /** Add a correction to a signed session note. */
  'interventionSession:addAddendum': channel<InterventionSessionView>()(
    z
      .object({ sessionId: idSchema, text: z.string().trim().min(1, 'Write the correction or addition.').max(10_000) })
      .strict(),
    CASE_WRITERS,
  ),
  /**
   * Raise a safeguarding concern in a held session. In one transaction it raises a case flag and
   * creates the follow-up task: the concern is never saved without both, and a failure saves
   * none of the three. Allowed on a signed note too (the concern is its own record).
   */
  'interventionSession:raiseConcern': channel<InterventionSessionView>()(
    z.object({ sessionId: idSchema, concern: concernSchema }).strict(),
    CASE_WRITERS,
  ),
} as const;
