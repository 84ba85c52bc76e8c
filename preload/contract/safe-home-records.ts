/**
 * Safe Home: the programme for the parents and carers of young people who displayed harmful
 * sexual behaviour. A **run** of the programme (a group mixing families, or one family) has a
 * session plan of 12-15 sessions, each covering themes from a list administrators edit; carers
 * are **enrolled** from their case; each session has an attendance **register**, one **group
 * note** placed on every attending family's case, and optional per-carer notes; each family has
 * **safety-plan versions**, each reviewed in a session.
 *
 * Separation of families is the rule everything here keeps: a view, report or bundle of one case
 * holds that family's carers, notes and safety plans and nothing of another family's. The group
 * note is written once for all, so it may name none of the enrolled families' people
 * (`groupNoteNamesProblem` in `safe-home-rules.ts`).
 *
 * Vocabularies and input schemas are here, the views in `safe-home-views.ts` (re-exported); the pure rules (completion, themes covered and
 * missed, the group-note check) in `safe-home-rules.ts`; the channels in `safe-home.ts`.
 */
import { z } from 'zod';
import { idSchema, isoDateSchema, isoDateTimeSchema } from './common';

// ---------------------------------------------------------------------------------------------
// Vocabularies (each with the words the screen and the report use)
// ---------------------------------------------------------------------------------------------

/** The programme's four aims; every theme serves one. */
export const SAFE_HOME_AIMS = ['knowledge', 'pathways', 'patterns', 'processing'] as const;
export const safeHomeAimSchema = z.enum(SAFE_HOME_AIMS, 'Choose the aim of the programme the theme serves.');
export type SafeHomeAim = z.infer<typeof safeHomeAimSchema>;
export const SAFE_HOME_AIM_LABELS: Record<SafeHomeAim, string> = {
  knowledge: 'Knowledge of harmful sexual behaviour',
  pathways: 'Pathways and risk factors',
  patterns: 'Recognising patterns and supporting early',
  processing: 'A safe space to process what happened',
};

/**
 * The published themes the theme list is seeded with (migration), each with a stable key so
 * rules can find one whatever an administrator renames it to. `safety_plan` is the theme of the
 * completion rule's safety-plan session.
 */
export const SEEDED_THEMES: readonly { key: string; label: string; aim: SafeHomeAim }[] = [
  { key: 'processing', label: 'Processing what happened', aim: 'processing' },
  { key: 'behaviour_continuum', label: 'Appropriate, problematic and harmful behaviour', aim: 'knowledge' },
  { key: 'pathways', label: 'Pathways and risk factors', aim: 'pathways' },
  { key: 'emotional_impact', label: 'Emotional impact on the family', aim: 'processing' },
  { key: 'signs_of_abuse', label: 'Signs of sexual abuse', aim: 'knowledge' },
  { key: 'balancing_needs', label: 'Balancing the needs of all children at home', aim: 'patterns' },
  { key: 'patterns_early_support', label: 'Recognising patterns and supporting early', aim: 'patterns' },
  { key: 'safety_plan', label: 'The safety plan', aim: 'patterns' },
];
/** The key of the theme whose session the default completion rule requires. */
export const SAFETY_PLAN_THEME_KEY = 'safety_plan';

export const DELIVERIES = ['group', 'family'] as const;
export const deliverySchema = z.enum(DELIVERIES, 'Choose whether the run is a group or for one family.');
export type Delivery = z.infer<typeof deliverySchema>;
export const DELIVERY_LABELS: Record<Delivery, string> = {
  group: 'Group (several families)',
  family: 'One family',
};

/** How many sessions a run may plan, and the programme's current length. */
export const MIN_PLANNED_SESSIONS = 12;
export const MAX_PLANNED_SESSIONS = 15;
export const DEFAULT_PLANNED_SESSIONS = 13;

/**
 * A session of the plan, or a catch-up: a shorter meeting with one or more carers who missed a
 * planned session, covering its themes. Catch-ups count towards themes covered, never towards
 * the sessions attended of planned.
 */
export const SESSION_KINDS = ['planned', 'catch_up'] as const;
export const safeHomeSessionKindSchema = z.enum(SESSION_KINDS);
export type SafeHomeSessionKind = z.infer<typeof safeHomeSessionKindSchema>;
export const SESSION_KIND_LABELS: Record<SafeHomeSessionKind, string> = {
  planned: 'Programme session',
  catch_up: 'Catch-up session',
};

/** A carer's state in one session's register. */
export const REGISTER_STATES = ['attended', 'apologies', 'did_not_attend', 'withdrawn'] as const;
export const registerStateSchema = z.enum(REGISTER_STATES, 'Choose attended, apologies, did not attend or withdrawn.');
export type RegisterState = z.infer<typeof registerStateSchema>;
export const REGISTER_STATE_LABELS: Record<RegisterState, string> = {
  attended: 'Attended',
  apologies: 'Apologies',
  did_not_attend: 'Did not attend',
  withdrawn: 'Withdrawn',
};
/** One-letter marks for the register grid, always shown with the words for screen readers. */
export const REGISTER_STATE_MARKS: Record<RegisterState, string> = {
  attended: 'A',
  apologies: 'Ap',
  did_not_attend: 'DNA',
  withdrawn: 'W',
};

export const WITHDRAWAL_REASONS = [
  'carer_choice',
  'practical',
  'case_closed',
  'moved_away',
  'service_decision',
  'other',
] as const;
export const withdrawalReasonSchema = z.enum(WITHDRAWAL_REASONS, 'Choose why the carer withdrew.');
export type WithdrawalReason = z.infer<typeof withdrawalReasonSchema>;
export const WITHDRAWAL_REASON_LABELS: Record<WithdrawalReason, string> = {
  carer_choice: 'The carer chose to stop',
  practical: 'Practical reasons (work, travel, childcare)',
  case_closed: 'The case closed',
  moved_away: 'Moved out of the area',
  service_decision: 'The service’s decision',
  other: 'Another reason',
};

/** Carer ratings before and after the programme are whole numbers 0-10. */
export const carerRatingSchema = z
  .int('A rating is a whole number from 0 to 10.')
  .min(0, 'A rating is a whole number from 0 to 10.')
  .max(10, 'A rating is a whole number from 0 to 10.');

const required = (max: number, missing: string) => z.string().trim().min(1, missing).max(max);
const optional = (max: number) => z.string().trim().max(max).default('');

// ---------------------------------------------------------------------------------------------
// Themes and the completion rule (administrators)
// ---------------------------------------------------------------------------------------------

export const themeSchema = z
  .object({
    label: required(200, 'Name the theme.'),
    aim: safeHomeAimSchema,
    /** A retired theme stays on the sessions that covered it but is no longer offered. */
    active: z.boolean().default(true),
  })
  .strict();
export type ThemeInput = z.input<typeof themeSchema>;

export interface ThemeView {
  id: string;
  /** Set for the seeded themes, null for those administrators add. */
  key: string | null;
  label: string;
  aim: SafeHomeAim;
  active: boolean;
  /** Display order (seeded order, then added order). */
  position: number;
  version: number;
}

/**
 * When a carer has completed the programme: attended at least `minAttendancePercent` of the
 * run's planned sessions and, when `requireSafetyPlanSession`, attended a session (planned or
 * catch-up) covering the safety-plan theme.
 */
export const completionRuleSchema = z
  .object({
    minAttendancePercent: z
      .int('Enter a whole percentage.')
      .min(1, 'The share of sessions is at least 1 %.')
      .max(100, 'The share of sessions is at most 100 %.'),
    requireSafetyPlanSession: z.boolean(),
  })
  .strict();
export type CompletionRule = z.output<typeof completionRuleSchema>;
export const DEFAULT_COMPLETION_RULE: CompletionRule = { minAttendancePercent: 75, requireSafetyPlanSession: true };

// ---------------------------------------------------------------------------------------------
// Runs, sessions, enrolments
// ---------------------------------------------------------------------------------------------

/** One planned session as the run's plan sets it out: its date and the themes it covers. */
export const plannedSessionSchema = z
  .object({
    /** Kept when editing the plan; null for a session being added. */
    id: idSchema.nullable().default(null),
    sessionDate: isoDateSchema,
    themeIds: z.array(idSchema).max(8, 'A session covers at most 8 themes.').default([]),
  })
  .strict();
export type PlannedSessionInput = z.input<typeof plannedSessionSchema>;

export const runSchema = z
  .object({
    /** What the team calls the run, e.g. "Spring group, north". No family's names. */
    title: required(200, 'Give the run a title the team will recognise (no family names).'),
    delivery: deliverySchema,
    /** Users of this vault who facilitate. */
    facilitatorIds: z
      .array(idSchema)
      .min(1, 'Choose at least one facilitator.')
      .max(6, 'A run can name at most 6 facilitators.'),
    startDate: isoDateSchema,
    plannedSessions: z
      .int('Enter the number of sessions as a whole number.')
      .min(MIN_PLANNED_SESSIONS, `The programme has ${MIN_PLANNED_SESSIONS} to ${MAX_PLANNED_SESSIONS} sessions.`)
      .max(MAX_PLANNED_SESSIONS, `The programme has ${MIN_PLANNED_SESSIONS} to ${MAX_PLANNED_SESSIONS} sessions.`)
      .default(DEFAULT_PLANNED_SESSIONS),
    venue: required(200, 'Say where the sessions are held.'),
    /**
     * The session plan, in date order, exactly `plannedSessions` long. Left empty on creation,
     * the core lays out weekly sessions from the start date with no themes yet.
     */
    sessions: z.array(plannedSessionSchema).max(MAX_PLANNED_SESSIONS).default([]),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.sessions.length > 0 && r.sessions.length !== r.plannedSessions) {
      ctx.addIssue({
        code: 'custom',
        path: ['sessions'],
        message: `The plan lists ${r.sessions.length} sessions but the run has ${r.plannedSessions}: add or remove sessions to match.`,
      });
    }
    for (let i = 1; i < r.sessions.length; i++) {
      const a = r.sessions[i - 1] as { sessionDate: string };
      const b = r.sessions[i] as { sessionDate: string };
      if (b.sessionDate < a.sessionDate) {
        ctx.addIssue({
          code: 'custom',
          path: ['sessions', i, 'sessionDate'],
          message: 'Sessions are listed in date order.',
        });
      }
    }
    const first = r.sessions[0];
    if (first && first.sessionDate < r.startDate) {
      ctx.addIssue({
        code: 'custom',
        path: ['sessions', 0, 'sessionDate'],
        message: 'No session is before the start date.',
      });
    }
  });
export type RunInput = z.input<typeof runSchema>;
export type RunContent = z.output<typeof runSchema>;

export const catchUpSchema = z
  .object({
    /** The planned session whose themes it covers again. */
    forSessionId: idSchema,
    sessionDate: isoDateSchema,
    /** The carers it is for (enrolments of this run). */
    enrolmentIds: z.array(idSchema).min(1, 'Choose the carers the catch-up is for.').max(30),
  })
  .strict();
export type CatchUpInput = z.input<typeof catchUpSchema>;

export const enrolmentSchema = z
  .object({
    caseId: idSchema,
    /** A parent or carer on the case's People tab (family, not a professional). */
    personId: idSchema,
    enrolledOn: isoDateSchema,
    /** Before the programme, 0-10; optional at enrolment, may be added later. */
    confidenceBefore: carerRatingSchema.nullable().default(null),
    knowledgeBefore: carerRatingSchema.nullable().default(null),
    /** Up to three goals in the carer's words, each rated 0-10 at the start. */
    goals: z
      .array(
        z
          .object({
            id: idSchema.nullable().default(null),
            description: required(500, 'Write the goal in the carer’s words.'),
            baselineRating: carerRatingSchema.nullable().default(null),
          })
          .strict(),
      )
      .max(3, 'A carer has at most 3 goals.')
      .default([]),
  })
  .strict();
export type EnrolmentInput = z.input<typeof enrolmentSchema>;

/** Ratings taken at the end (or on withdrawal, when the carer gives them). */
export const enrolmentOutcomeSchema = z
  .object({
    confidenceBefore: carerRatingSchema.nullable().default(null),
    knowledgeBefore: carerRatingSchema.nullable().default(null),
    confidenceAfter: carerRatingSchema.nullable().default(null),
    knowledgeAfter: carerRatingSchema.nullable().default(null),
    goalRatings: z
      .array(z.object({ goalId: idSchema, rating: carerRatingSchema }).strict())
      .max(3)
      .default([]),
  })
  .strict();
export type EnrolmentOutcomeInput = z.input<typeof enrolmentOutcomeSchema>;

export const withdrawalSchema = z
  .object({
    withdrawnOn: isoDateSchema,
    reason: withdrawalReasonSchema,
    detail: optional(2000),
  })
  .strict();
export type WithdrawalInput = z.input<typeof withdrawalSchema>;

// ---------------------------------------------------------------------------------------------
// The register, the group note, per-carer notes
// ---------------------------------------------------------------------------------------------

export const registerEntrySchema = z
  .object({
    enrolmentId: idSchema,
    state: registerStateSchema,
    /** Why apologies were given, the carer did not attend, or withdrew. */
    reason: z.string().trim().max(2000).nullable().default(null),
    /** When the carer sent apologies (date and time), if they did. */
    cancelledAt: isoDateTimeSchema.nullable().default(null),
    /** A note about this carer only, placed on their case alone. */
    carerNote: optional(20_000),
  })
  .strict()
  .superRefine((e, ctx) => {
    if (e.state === 'apologies' && !e.cancelledAt) {
      ctx.addIssue({ code: 'custom', path: ['cancelledAt'], message: 'Say when the apologies were sent.' });
    }
    if (e.state !== 'apologies' && e.cancelledAt) {
      ctx.addIssue({ code: 'custom', path: ['cancelledAt'], message: 'Only apologies have a time they were sent.' });
    }
    if (e.state === 'withdrawn' && !e.reason) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Say why the carer withdrew.' });
    }
  });
export type RegisterEntryInput = z.input<typeof registerEntrySchema>;

/**
 * Taking (or correcting) one session's register: an entry for every carer expected at it, and
 * the group note. The group note is refused if it names anyone of an enrolled family.
 */
export const registerSchema = z
  .object({
    entries: z.array(registerEntrySchema).min(1, 'Mark at least one carer.').max(30),
    /** Written once, placed on each attending family's case. About the group, never a family. */
    groupNote: optional(50_000),
    /** The themes actually covered, when they differ from the plan (null: as planned). */
    themeIdsCovered: z.array(idSchema).max(8).nullable().default(null),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (new Set(r.entries.map((e) => e.enrolmentId)).size !== r.entries.length) {
      ctx.addIssue({ code: 'custom', path: ['entries'], message: 'Mark each carer once.' });
    }
  });
export type RegisterInput = z.input<typeof registerSchema>;

export const safetyPlanVersionSchema = z
  .object({
    caseId: idSchema,
    /** The date of this version of the plan. */
    versionDate: isoDateSchema,
    content: required(50_000, 'Write the safety plan.'),
    /** The session of the run it was reviewed in (null: not yet reviewed). */
    reviewedInSessionId: idSchema.nullable().default(null),
  })
  .strict();
export type SafetyPlanVersionInput = z.input<typeof safetyPlanVersionSchema>;

export type * from './safe-home-views';
