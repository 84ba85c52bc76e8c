/**
 * The assessment pathway's records: the stages of an assessment, the harmful sexual behaviour
 * it describes, risks and needs, the formulation and the recommendations. Zod schemas for what
 * the renderer sends; plain view interfaces for what the core returns.
 */
import { z } from 'zod';
import type { SignoffView } from './signoff';
import { idSchema, isoDateSchema } from './case-records';
import { BROOK_COLOURS, BROOK_VERSION_IDS, HACKETT_LEVELS, brookProblem } from './hsb-frameworks';

// ---------------------------------------------------------------------------------------------
// Stages
// ---------------------------------------------------------------------------------------------

/** The pathway, in the order its stages must be completed. */
export const ASSESSMENT_STAGES = [
  'paperwork_complete',
  'professionals_meeting',
  'psychometrics',
  'clinical_interviews',
  'formulation',
  'report_drafted',
  'quality_assurance',
  'report_sent',
] as const;
export type AssessmentStage = (typeof ASSESSMENT_STAGES)[number];

export const STAGE_LABELS: Record<AssessmentStage, string> = {
  paperwork_complete: 'Paperwork complete',
  professionals_meeting: 'Professionals meeting',
  psychometrics: 'Psychometric assessments',
  clinical_interviews: 'Clinical interview',
  formulation: 'Formulation',
  report_drafted: 'Report drafted',
  quality_assurance: 'Quality assurance and sign-off',
  report_sent: 'Report sent',
};

/**
 * Where each stage is planned by default, in days after the paperwork was complete, so that the
 * report goes on the 84th day. A planned date the user sets replaces it.
 */
export const DEFAULT_PLAN_DAYS: Record<AssessmentStage, number> = {
  paperwork_complete: 0,
  professionals_meeting: 14,
  psychometrics: 35,
  clinical_interviews: 56,
  formulation: 63,
  report_drafted: 70,
  quality_assurance: 77,
  report_sent: 84,
};

export const ASSESSMENT_STATES = ['open', 'complete'] as const;
export type AssessmentState = (typeof ASSESSMENT_STATES)[number];

/** Where a stage stands against its plan and the 12-week due date. */
export type StageTiming = 'done_on_plan' | 'done_late' | 'planned' | 'past_plan' | 'unplanned';

export interface StageView {
  id: string;
  stage: AssessmentStage;
  /** For clinical interviews: who is interviewed ("Young person", or a parent or carer). */
  subject: string | null;
  subjectPersonId: string | null;
  /** The planned date: as set, or by default from the paperwork date ({@link DEFAULT_PLAN_DAYS}). */
  plannedDate: string | null;
  plannedIsDefault: boolean;
  /** When it was done. The paperwork stage's date is the case's paperwork-complete date. */
  actualDate: string | null;
  ownerId: string | null;
  ownerName: string | null;
  timing: StageTiming;
  /** Days after (positive) or before the assessment's due date it was done or is planned. */
  daysAgainstDue: number | null;
  /** The earliest stage not yet done (several interviews can be next together). */
  isNext: boolean;
  version: number;
}

export const stagePlanSchema = z
  .object({
    plannedDate: isoDateSchema.nullable(),
    ownerId: idSchema.nullable(),
  })
  .strict();

// ---------------------------------------------------------------------------------------------
// The harmful sexual behaviour
// ---------------------------------------------------------------------------------------------

const text = (max: number) => z.string().trim().max(max);

export const behaviourSchema = z
  .object({
    occurredOn: isoDateSchema,
    description: text(5000).min(1, 'Describe the behaviour.'),
    setting: text(500).min(1, 'Say where it happened (home, school, online...).'),
    /** Who was harmed, in the service's words; third-party information. */
    harmed: text(1000).nullable().default(null),
    /** Holds information about a third party: left out of bundles unless chosen, redacted for a SAR. */
    thirdParty: z.boolean().default(true),
    hackett: z.enum(HACKETT_LEVELS),
    brookVersion: z.enum(BROOK_VERSION_IDS).nullable().default(null),
    brookBand: text(20).nullable().default(null),
    brookColour: z.enum(BROOK_COLOURS).nullable().default(null),
  })
  .strict()
  .superRefine((b, ctx) => {
    const problem = brookProblem(b.brookVersion, b.brookBand, b.brookColour);
    if (problem) ctx.addIssue({ code: 'custom', path: ['brookColour'], message: problem });
  });
export type BehaviourInput = z.input<typeof behaviourSchema>;
export type Behaviour = z.output<typeof behaviourSchema>;

export interface BehaviourView extends Behaviour {
  id: string;
  assessmentId: string;
  version: number;
}

// ---------------------------------------------------------------------------------------------
// Risks, needs, instruments, formulation
// ---------------------------------------------------------------------------------------------

export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export const riskLevelSchema = z.enum(RISK_LEVELS);
export type RiskLevel = z.infer<typeof riskLevelSchema>;

/** ERASOR 2.0's overall clinical rating. */
export const ERASOR_RATINGS = ['low', 'moderate', 'high'] as const;
/** AIM3's outputs, each as a level. */
export const AIM3_LEVELS = ['low', 'medium', 'high'] as const;

const note = text(20_000).nullable();

/**
 * The assessment's own fields, each optional in a patch. Risk levels come with a rationale;
 * instrument results are domain-level only (DOMAIN.md), entered by a trained user.
 */
export const assessmentPatchSchema = z
  .object({
    riskToOthers: riskLevelSchema.nullable(),
    riskToOthersRationale: note,
    riskToSelf: riskLevelSchema.nullable(),
    riskToSelfRationale: note,
    riskFromOthers: riskLevelSchema.nullable(),
    riskFromOthersRationale: note,
    protectiveFactors: note,
    needDevelopmental: note,
    needFamily: note,
    needEducation: note,
    needEmotional: note,
    needRelationships: note,
    aim3Concern: z.enum(AIM3_LEVELS).nullable(),
    aim3Supervision: z.enum(AIM3_LEVELS).nullable(),
    erasorOverall: z.enum(ERASOR_RATINGS).nullable(),
    /** J-SOAP-II: the percentage of the maximum score. */
    jsoapPercent: z.int().min(0).max(100).nullable(),
    formulation: note,
  })
  .partial()
  .strict();
export type AssessmentPatch = z.output<typeof assessmentPatchSchema>;
export type AssessmentFields = { [K in keyof AssessmentPatch]-?: Exclude<AssessmentPatch[K], undefined> };

// ---------------------------------------------------------------------------------------------
// Recommendations
// ---------------------------------------------------------------------------------------------

/** The four groups an assessment report must recommend on. */
export const RECOMMENDATION_GROUPS = ['case_management', 'safety_planning', 'placement', 'treatment'] as const;
export type RecommendationGroup = (typeof RECOMMENDATION_GROUPS)[number];

export const RECOMMENDATION_GROUP_LABELS: Record<RecommendationGroup, string> = {
  case_management: 'Case management',
  safety_planning: 'Safety planning',
  placement: 'Placement',
  treatment: 'Treatment',
};

export const recommendationSchema = z
  .object({
    group: z.enum(RECOMMENDATION_GROUPS),
    text: text(5000).min(1, 'Write the recommendation.'),
    /** Who will do it: a person or an agency, as the network names them. */
    owner: text(200).min(1, 'Say who owns the recommendation.'),
    /** e.g. "within 4 weeks", "before the review on 12/03/2027". */
    timescale: text(200).min(1, 'Give a timescale.'),
  })
  .strict();
export type RecommendationInput = z.input<typeof recommendationSchema>;

export interface RecommendationView extends z.output<typeof recommendationSchema> {
  id: string;
  assessmentId: string;
  version: number;
}

// ---------------------------------------------------------------------------------------------
// The assessment as the case page shows it
// ---------------------------------------------------------------------------------------------

export interface AssessmentView extends AssessmentFields {
  id: string;
  caseId: string;
  state: AssessmentState;
  openedAt: string;
  openedByName: string | null;
  /** The case's paperwork-complete date (the clock's start) and due date (+ 84 days). */
  paperworkCompleteDate: string | null;
  dueDate: string | null;
  /** When the report was sent (the clock stopped), and in how many days from the paperwork. */
  reportSentDate: string | null;
  completedInDays: number | null;
  completedOnTime: boolean | null;
  stages: StageView[];
  behaviours: BehaviourView[];
  recommendations: RecommendationView[];
  /** Why the report cannot be signed off yet (empty when it can): see `canSignOff`. */
  signOffBlockers: string[];
  /** The assessment report's signed versions and addenda; locked once signed. */
  signoff: SignoffView;
  version: number;
}
