/** Assessment channels: the pathway of one case's assessment, and the list of open assessments. */
import { z } from 'zod';
import {
  assessmentPatchSchema,
  behaviourSchema,
  recommendationSchema,
  stagePlanSchema,
  type AssessmentStage,
  type AssessmentView,
  type BehaviourView,
  type RecommendationView,
} from './assessment-records';
import { idSchema, isoDateSchema, type Page } from './case-records';
import { pagingSchema } from './cases';
import { ANY_USER, CASE_WRITERS, channel } from './define';
import type { SignoffView } from './signoff';

export * from './assessment-records';
export * from './hsb-frameworks';

/** How an open assessment stands against its 12 weeks, for the Assessments list's filter. */
export const ASSESSMENT_LIST_STATUSES = ['all', 'awaiting_paperwork', 'on_track', 'due_soon', 'overdue'] as const;
export type AssessmentListStatus = (typeof ASSESSMENT_LIST_STATUSES)[number];

export const assessmentListQuerySchema = z
  .object({
    status: z.enum(ASSESSMENT_LIST_STATUSES).default('all'),
    /** The case's lead worker; null for everyone's. */
    clinicianId: idSchema.nullable().default(null),
    ...pagingSchema.shape,
  })
  .strict();
export type AssessmentListQuery = z.output<typeof assessmentListQuerySchema>;

/** One open assessment in the Assessments area. */
export interface AssessmentSummary {
  assessmentId: string;
  caseId: string;
  reference: string;
  /** The young person's name (initials on consultation-only cases). */
  youngPersonName: string;
  leadWorkerName: string | null;
  dueDate: string | null;
  /** Days until the due date (negative: overdue); null while waiting for paperwork. */
  daysRemaining: number | null;
  status: Exclude<AssessmentListStatus, 'all'>;
  /** The last stage done, or null before any (the paperwork stage counts once it is complete). */
  stageReached: AssessmentStage | null;
}

const assessmentRef = { assessmentId: idSchema, expectedVersion: z.int().min(1) };

export const assessmentChannels = {
  /**
   * The case's assessment: the open one, else the latest completed; null when there has been
   * none. Audited as `case.read`.
   */
  'assessment:get': channel<AssessmentView | null>()(z.object({ caseId: idSchema }).strict(), ANY_USER),
  /**
   * Start an assessment of the case (one open at a time), with a stage for each step and a
   * clinical interview for the young person and for each parent or carer among the case's people.
   */
  'assessment:open': channel<AssessmentView>()(z.object({ caseId: idSchema }).strict(), CASE_WRITERS),
  /** Change the assessment's own fields (risks, needs, instruments, formulation). */
  'assessment:update': channel<AssessmentView>()(
    z.object({ ...assessmentRef, patch: assessmentPatchSchema }).strict(),
    CASE_WRITERS,
  ),
  /** Set a stage's planned date and owner. */
  'assessment:planStage': channel<AssessmentView>()(
    z.object({ stageId: idSchema, expectedVersion: z.int().min(1), plan: stagePlanSchema }).strict(),
    CASE_WRITERS,
  ),
  /**
   * Mark a stage done on a date. Stages are done in order (a clear error otherwise); quality
   * assurance needs everything `canSignOff` asks for; "report sent" stops the 12-week clock.
   */
  'assessment:completeStage': channel<AssessmentView>()(
    z.object({ stageId: idSchema, expectedVersion: z.int().min(1), actualDate: isoDateSchema }).strict(),
    CASE_WRITERS,
  ),
  /**
   * Undo a stage marked done: only the latest done stage (any done interview while no later
   * stage is done), with the reason, which is audited. Once the report is sent only "report
   * sent" itself can be undone: that reopens the assessment and clears the case's completed
   * date in the same transaction, so the 12-week clock runs again. The paperwork stage follows
   * the Paperwork tab and cannot be undone here.
   */
  'assessment:reopenStage': channel<AssessmentView>()(
    z
      .object({
        stageId: idSchema,
        expectedVersion: z.int().min(1),
        reason: z.string().trim().min(1, 'Say why the stage is being undone.').max(1000),
      })
      .strict(),
    CASE_WRITERS,
  ),
  'assessment:addBehaviour': channel<BehaviourView>()(
    z.object({ assessmentId: idSchema, behaviour: behaviourSchema }).strict(),
    CASE_WRITERS,
  ),
  'assessment:updateBehaviour': channel<BehaviourView>()(
    z.object({ behaviourId: idSchema, expectedVersion: z.int().min(1), behaviour: behaviourSchema }).strict(),
    CASE_WRITERS,
  ),
  /**
   * Remove a behaviour recorded in error. Refused after sign-off (corrections are addenda);
   * audited with its date, Hackett level, Brook rating and third-party mark (never its text).
   */
  'assessment:removeBehaviour': channel<{ removed: true }>()(
    z.object({ behaviourId: idSchema, expectedVersion: z.int().min(1) }).strict(),
    CASE_WRITERS,
  ),
  'assessment:addRecommendation': channel<RecommendationView>()(
    z.object({ assessmentId: idSchema, recommendation: recommendationSchema }).strict(),
    CASE_WRITERS,
  ),
  /** Remove a recommendation from an assessment not yet signed off. */
  'assessment:removeRecommendation': channel<{ removed: true }>()(
    z.object({ recommendationId: idSchema, expectedVersion: z.int().min(1) }).strict(),
    CASE_WRITERS,
  ),
  /**
   * Every open assessment with its 12-week status, soonest due first (waiting for paperwork
   * last), filtered by status and lead worker. One audit row per query.
   */
  'assessment:list': channel<Page<AssessmentSummary>>()(assessmentListQuerySchema, ANY_USER),
  /**
   * Sign the assessment report off: refused with the reasons while the formulation, the three
   * risks or a recommendation in any of the four groups is missing. Signed, the assessment's
   * content is locked (corrections are addenda); it can be signed again once addenda are added.
   */
  'assessment:signOff': channel<SignoffView>()(
    z.object({ assessmentId: idSchema, expectedVersion: z.int().min(1) }).strict(),
    CASE_WRITERS,
  ),
  /** Add a correction to a signed-off assessment report; every later render includes it. */
  'assessment:addAddendum': channel<SignoffView>()(
    z
      .object({
        assessmentId: idSchema,
        text: z.string().trim().min(1, 'Write the correction or addition.').max(10_000),
      })
      .strict(),
    CASE_WRITERS,
  ),
} as const;
