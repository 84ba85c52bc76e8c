/**
 * Safe Home channels: the theme list and completion rule (administrators), runs and their
 * session plans, enrolment of carers from their cases, the register with the group note and
 * per-carer notes, safety-plan versions, a case's Safe Home journey, and the service view.
 * Records and rules: `safe-home-records.ts`, `safe-home-rules.ts`.
 *
 * Audit: every read that shows a family's data is audited as `case.read` of each case it shows;
 * every write has its audit row in the write's transaction, naming the cases it touches. Writes
 * to a finished run are refused, saying to reopen it.
 */
import { z } from 'zod';
import { idSchema, isoDateSchema } from './common';
import { ADMIN_ONLY, ANY_USER, CASE_WRITERS, channel } from './define';
import { pagingSchema, type Page } from './paging';
import {
  catchUpSchema,
  completionRuleSchema,
  enrolmentOutcomeSchema,
  enrolmentSchema,
  registerSchema,
  runSchema,
  safetyPlanVersionSchema,
  themeSchema,
  withdrawalSchema,
  type CaseSafeHomeView,
  type CompletionRule,
  type RunListItem,
  type RunView,
  type SafeHomeServiceView,
  type SafetyPlanVersionView,
  type ThemeView,
} from './safe-home-records';

export * from './safe-home-records';
export * from './safe-home-rules';

const expectedVersion = z.int().min(1);

export const safeHomeChannels = {
  /** The theme list, in display order (retired themes included, marked inactive). */
  'safeHomeTheme:list': channel<ThemeView[]>()(z.object({}).strict(), ANY_USER),
  /** Add a theme to the list. */
  'safeHomeTheme:create': channel<ThemeView>()(z.object({ theme: themeSchema }).strict(), ADMIN_ONLY),
  /** Rename, re-aim or retire a theme; sessions that covered it keep it. */
  'safeHomeTheme:update': channel<ThemeView>()(
    z.object({ themeId: idSchema, expectedVersion, theme: themeSchema }).strict(),
    ADMIN_ONLY,
  ),
  /** The completion rule in force (default 75 % of sessions and the safety-plan session). */
  'safeHomeRule:get': channel<CompletionRule>()(z.object({}).strict(), ANY_USER),
  /** Change the completion rule; every carer's completion is worked out again from it. Audited with old and new. */
  'safeHomeRule:update': channel<CompletionRule>()(z.object({ rule: completionRuleSchema }).strict(), ADMIN_ONLY),

  /**
   * The service view's list: runs in progress first (soonest next session first), then planned,
   * then finished (newest first), paged. Shows no family's data, so it is audited as a list read.
   */
  'safeHomeRun:list': channel<Page<RunListItem>>()(z.object({ ...pagingSchema.shape }).strict(), ANY_USER),
  /** The service view's figures: runs in progress, completion rates, where carers drop out. */
  'safeHomeRun:summary': channel<SafeHomeServiceView>()(z.object({}).strict(), ANY_USER),
  /**
   * One run's overview: the plan, the carers and the register grid. It names carers of several
   * families, so it is for the service's own use: audited as `case.read` of every enrolled case.
   */
  'safeHomeRun:get': channel<RunView>()(z.object({ runId: idSchema }).strict(), ANY_USER),
  /** Start a run; with no session plan given, weekly sessions from the start date, themes to choose. */
  'safeHomeRun:create': channel<RunView>()(z.object({ run: runSchema }).strict(), CASE_WRITERS),
  /**
   * Change a run and its session plan. A planned session kept (by id) keeps its register; one
   * left out is removed only if its register has not been taken (refused otherwise).
   */
  'safeHomeRun:update': channel<RunView>()(
    z.object({ runId: idSchema, expectedVersion, run: runSchema }).strict(),
    CASE_WRITERS,
  ),
  /**
   * Finish a run: carers not completed by then are "did not complete". Refused while a planned
   * session on or before `closedOn` has no register (take it, or take the session out of the
   * plan); sessions after `closedOn` are left not held (a run that stopped early).
   */
  'safeHomeRun:close': channel<RunView>()(
    z.object({ runId: idSchema, expectedVersion, closedOn: isoDateSchema }).strict(),
    CASE_WRITERS,
  ),
  /** Reopen a finished run, saying why (a register to correct, a late catch-up). */
  'safeHomeRun:reopen': channel<RunView>()(
    z
      .object({
        runId: idSchema,
        expectedVersion,
        reason: z.string().trim().min(1, 'Say why the run is reopened.').max(2000),
      })
      .strict(),
    CASE_WRITERS,
  ),

  /** Book a catch-up session for carers who missed a planned session, covering its themes. */
  'safeHomeSession:addCatchUp': channel<RunView>()(
    z.object({ runId: idSchema, catchUp: catchUpSchema }).strict(),
    CASE_WRITERS,
  ),
  /**
   * Take or correct a session's register and its group note. Refused (INVALID_INPUT, naming the
   * words) if the group note names anyone of an enrolled family; a session dated after today
   * cannot have a register. CONFLICT if the session changed since `expectedVersion`.
   */
  'safeHomeSession:takeRegister': channel<RunView>()(
    z.object({ sessionId: idSchema, expectedVersion, register: registerSchema }).strict(),
    CASE_WRITERS,
  ),

  /** Enrol a parent or carer of a case in a run. A person is enrolled in a run at most once. */
  'safeHomeEnrolment:create': channel<RunView>()(
    z.object({ runId: idSchema, enrolment: enrolmentSchema }).strict(),
    CASE_WRITERS,
  ),
  /** Ratings before and after (confidence, knowledge 0-10) and the carer's goal ratings. */
  'safeHomeEnrolment:rate': channel<RunView>()(
    z.object({ enrolmentId: idSchema, expectedVersion, outcome: enrolmentOutcomeSchema }).strict(),
    CASE_WRITERS,
  ),
  /** Withdraw a carer from the run (from the next register on they are marked withdrawn). */
  'safeHomeEnrolment:withdraw': channel<RunView>()(
    z.object({ enrolmentId: idSchema, expectedVersion, withdrawal: withdrawalSchema }).strict(),
    CASE_WRITERS,
  ),

  /** Add a version of a family's safety plan in a run (the family: a case with a carer enrolled). */
  'safeHomeSafetyPlan:addVersion': channel<SafetyPlanVersionView>()(
    z.object({ runId: idSchema, plan: safetyPlanVersionSchema }).strict(),
    CASE_WRITERS,
  ),
  /** Record the session a safety-plan version was reviewed in. */
  'safeHomeSafetyPlan:markReviewed': channel<SafetyPlanVersionView>()(
    z.object({ versionId: idSchema, expectedVersion, sessionId: idSchema }).strict(),
    CASE_WRITERS,
  ),

  /**
   * A case's Safe Home: its carers' journeys (sessions, the group notes of sessions they
   * attended, their own notes, progress) and the family's safety-plan versions. Nothing of any
   * other family. Audited as `case.read`.
   */
  'safeHomeCase:get': channel<CaseSafeHomeView>()(z.object({ caseId: idSchema }).strict(), ANY_USER),
} as const;
