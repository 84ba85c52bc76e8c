/**
 * Interventions: a case's intervention plan (type, start, clinicians, the other agencies' care
 * alongside, up to three Goal Based Outcomes), its reviews and closure; the session log (each
 * session's attendance, the goals worked on, GBO ratings when taken, next steps); and a
 * safeguarding concern raised in a session, which always comes with a case flag and a task.
 *
 * The vocabularies and input schemas are here; the rules both sides apply (GBO change,
 * reliable change, attendance and the DNA rate, starting a note from the last session) are in
 * `intervention-outcomes.ts`; the channels in `interventions.ts`.
 */
import { z } from 'zod';
import { idSchema, isoDateSchema } from './common';
import type { AttendanceSummary, GboChange } from './intervention-outcomes';
import type { SignoffView } from './signoff';

// ---------------------------------------------------------------------------------------------
// Vocabularies (each with the words the screen and the report use)
// ---------------------------------------------------------------------------------------------

export const PLAN_TYPES = ['individual', 'family', 'both'] as const;
export const planTypeSchema = z.enum(PLAN_TYPES, 'Choose the type of intervention: individual, family or both.');
export type PlanType = z.infer<typeof planTypeSchema>;
export const PLAN_TYPE_LABELS: Record<PlanType, string> = {
  individual: 'Individual',
  family: 'Family',
  both: 'Individual and family',
};

/**
 * The goal areas of the service's aims, as data: a goal names the area it serves. `other` is
 * for a goal the young person set that sits outside the three.
 */
export const GOAL_AREAS = ['making_sense', 'healthy_strategies', 'emotions_relationships', 'other'] as const;
export const goalAreaSchema = z.enum(GOAL_AREAS, 'Choose the area the goal belongs to.');
export type GoalArea = z.infer<typeof goalAreaSchema>;
export const GOAL_AREA_LABELS: Record<GoalArea, string> = {
  making_sense: 'Making sense of the behaviour',
  healthy_strategies: 'Strategies to meet needs in healthy, non-harmful ways',
  emotions_relationships: 'Managing emotions and relating to others',
  other: 'Another goal of the young person',
};

export const SESSION_TYPES = ['individual', 'family', 'parent_carer', 'network'] as const;
export const sessionTypeSchema = z.enum(SESSION_TYPES, 'Choose the type of session.');
export type SessionType = z.infer<typeof sessionTypeSchema>;
export const SESSION_TYPE_LABELS: Record<SessionType, string> = {
  individual: 'Individual',
  family: 'Family',
  parent_carer: 'Parent or carer',
  network: 'Network',
};

export const VENUES = ['clinic', 'home', 'school', 'secure_setting', 'virtual'] as const;
export const venueSchema = z.enum(VENUES, 'Choose where the session took place.');
export type Venue = z.infer<typeof venueSchema>;
export const VENUE_LABELS: Record<Venue, string> = {
  clinic: 'Clinic',
  home: 'Home',
  school: 'School',
  secure_setting: 'Secure setting',
  virtual: 'Virtual',
};

/**
 * Attendance. `planned` is a session booked and not yet held: it is the "next session" and is
 * left out of every attendance count until it is recorded as one of the others.
 */
export const ATTENDANCES = [
  'planned',
  'attended',
  'cancelled_by_family',
  'cancelled_by_service',
  'did_not_attend',
] as const;
export const attendanceSchema = z.enum(ATTENDANCES, 'Say whether the session was attended, cancelled or not attended.');
export type Attendance = z.infer<typeof attendanceSchema>;
export const ATTENDANCE_LABELS: Record<Attendance, string> = {
  planned: 'Planned',
  attended: 'Attended',
  cancelled_by_family: 'Cancelled by the family',
  cancelled_by_service: 'Cancelled by the service',
  did_not_attend: 'Did not attend',
};

/** Attendances that must say why (a cancellation or a DNA). */
export function attendanceNeedsReason(a: Attendance): boolean {
  return a === 'cancelled_by_family' || a === 'cancelled_by_service' || a === 'did_not_attend';
}

export const CLOSURE_REASONS = [
  'goals_met',
  'goals_partly_met',
  'disengaged',
  'moved_away',
  'transferred',
  'other',
] as const;
export const closureReasonSchema = z.enum(CLOSURE_REASONS, 'Choose why the intervention is closing.');
export type ClosureReason = z.infer<typeof closureReasonSchema>;
export const CLOSURE_REASON_LABELS: Record<ClosureReason, string> = {
  goals_met: 'Goals met',
  goals_partly_met: 'Goals partly met',
  disengaged: 'The young person or family disengaged',
  moved_away: 'Moved out of the area',
  transferred: 'Transferred to another service',
  other: 'Another reason',
};

/** The lowest and highest Goal Based Outcome rating. */
export const GBO_MIN = 0;
export const GBO_MAX = 10;
/** At most this many Goal Based Outcomes per plan. */
export const MAX_GOALS = 3;

/** A GBO rating: a whole number from 0 (not at all met) to 10 (fully met). */
export const gboRatingSchema = z
  .int('A goal rating is a whole number from 0 to 10.')
  .min(GBO_MIN, 'A goal rating is a whole number from 0 to 10.')
  .max(GBO_MAX, 'A goal rating is a whole number from 0 to 10.');

// ---------------------------------------------------------------------------------------------
// Plan
// ---------------------------------------------------------------------------------------------

const required = (max: number, missing: string) => z.string().trim().min(1, missing).max(max);
const optional = (max: number) => z.string().trim().max(max).default('');

/** One other agency's care alongside the intervention: a professional on the case's People tab. */
export const networkCareSchema = z
  .object({
    personId: idSchema,
    care: required(500, 'Say what care or support the agency gives alongside the intervention.'),
  })
  .strict();
export type NetworkCare = z.output<typeof networkCareSchema>;

/**
 * A Goal Based Outcome. `id` names a goal that exists already (when editing a plan); a goal
 * without one is new. `baselineRating` is the first rating, taken when the goal is set.
 */
export const goalSchema = z
  .object({
    id: idSchema.nullable().default(null),
    area: goalAreaSchema,
    description: required(500, 'Write the goal in the young person’s words.'),
    baselineRating: gboRatingSchema.nullable().default(null),
  })
  .strict();
export type GoalInput = z.input<typeof goalSchema>;

export const planSchema = z
  .object({
    planType: planTypeSchema,
    startDate: isoDateSchema,
    /** The clinicians delivering the intervention: active clinicians or administrators. */
    clinicianIds: z
      .array(idSchema)
      .min(1, 'Choose at least one clinician for the intervention.')
      .max(10, 'A plan can name at most 10 clinicians.'),
    networkCare: z.array(networkCareSchema).max(20, 'A plan can list at most 20 agencies.').default([]),
    goals: z
      .array(goalSchema)
      .min(1, 'Set at least one goal.')
      .max(MAX_GOALS, `A plan has at most ${MAX_GOALS} Goal Based Outcomes.`),
  })
  .strict();
export type PlanInput = z.input<typeof planSchema>;
export type PlanContent = z.output<typeof planSchema>;

export const reviewSchema = z
  .object({
    reviewDate: isoDateSchema,
    /** Names and roles as typed (families and professionals). */
    attendees: required(2000, 'Say who attended the review.'),
    progress: required(20_000, 'Write a summary of the progress made.'),
    changes: optional(20_000),
    recommendations: optional(20_000),
  })
  .strict();
export type ReviewInput = z.input<typeof reviewSchema>;

export const closureSchema = z
  .object({
    closedOn: isoDateSchema,
    reason: closureReasonSchema,
    summary: required(20_000, 'Write the closing summary.'),
    recommendations: optional(20_000),
  })
  .strict();
export type ClosureInput = z.input<typeof closureSchema>;

// ---------------------------------------------------------------------------------------------
// Session
// ---------------------------------------------------------------------------------------------

/** `HH:MM`, 24-hour. */
export const startTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter the start time as HH:MM (24-hour).');

export const sessionRatingSchema = z.object({ goalId: idSchema, rating: gboRatingSchema }).strict();

export const interventionSessionSchema = z
  .object({
    sessionDate: isoDateSchema,
    startTime: startTimeSchema,
    durationMinutes: z
      .int('Enter the length in whole minutes.')
      .min(5, 'A session lasts at least 5 minutes.')
      .max(480, 'A session lasts at most 8 hours (480 minutes).'),
    sessionType: sessionTypeSchema,
    /** Names and roles as typed. */
    attendees: optional(2000),
    venue: venueSchema,
    attendance: attendanceSchema,
    /** Required for a cancellation or a DNA; cleared otherwise. */
    attendanceReason: z.string().trim().max(2000).nullable().default(null),
    /** Goals of the same plan worked on in the session. */
    goalIds: z.array(idSchema).max(MAX_GOALS).default([]),
    content: optional(50_000),
    observations: optional(50_000),
    /** GBO ratings taken in this session, at most one per goal. */
    ratings: z.array(sessionRatingSchema).max(MAX_GOALS).default([]),
    nextSteps: optional(10_000),
  })
  .strict()
  .superRefine((s, ctx) => {
    if (attendanceNeedsReason(s.attendance) && !s.attendanceReason) {
      ctx.addIssue({
        code: 'custom',
        path: ['attendanceReason'],
        message:
          s.attendance === 'did_not_attend'
            ? 'Say why the session was not attended, if known ("not known" is an answer).'
            : 'Say why the session was cancelled.',
      });
    }
    if (s.attendance !== 'attended' && s.ratings.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['ratings'],
        message: 'Goal ratings can only be taken in a session that was attended.',
      });
    }
    if (new Set(s.ratings.map((r) => r.goalId)).size !== s.ratings.length) {
      ctx.addIssue({ code: 'custom', path: ['ratings'], message: 'Rate each goal at most once in a session.' });
    }
  });
export type InterventionSessionInput = z.input<typeof interventionSessionSchema>;
export type InterventionSessionContent = z.output<typeof interventionSessionSchema>;

/** A safeguarding concern raised in a session, with the follow-up task it creates. */
export const concernSchema = z
  .object({
    description: required(10_000, 'Describe the safeguarding concern.'),
    actionTaken: required(10_000, 'Say what action was taken.'),
    /** Who was informed: people of the case's professional network (People tab). */
    informedPersonIds: z
      .array(idSchema)
      .min(1, 'Say who was informed of the concern (from the People tab).')
      .max(20, 'At most 20 people can be listed as informed.'),
    informedAt: z.iso.datetime({ offset: true, message: 'Say when they were informed (date and time).' }),
    followUp: z
      .object({
        title: required(500, 'Give the follow-up task a title.'),
        ownerId: idSchema,
        dueDate: isoDateSchema.nullable().default(null),
      })
      .strict(),
  })
  .strict();
export type ConcernInput = z.input<typeof concernSchema>;

// ---------------------------------------------------------------------------------------------
// Views
// ---------------------------------------------------------------------------------------------

/** One rating of a goal: when, the score, and the session it was taken in (null: at the start). */
export interface GoalRatingView {
  ratedOn: string;
  rating: number;
  sessionId: string | null;
}

export interface GoalView {
  id: string;
  /** 1 to 3, in the order the goals were set. */
  seq: number;
  area: GoalArea;
  description: string;
  /** Oldest first. */
  ratings: GoalRatingView[];
  /** First, latest, change and whether it is reliable (see `gboChange`). */
  change: GboChange | null;
}

export interface NetworkCareView extends NetworkCare {
  /** As the person is now on the People tab. */
  name: string;
  role: string | null;
  agency: string | null;
}

export interface ReviewView {
  id: string;
  reviewDate: string;
  attendees: string;
  progress: string;
  changes: string;
  recommendations: string;
  createdByName: string;
}

export interface ClosureView {
  closedOn: string;
  reason: ClosureReason;
  summary: string;
  recommendations: string;
}

export interface PlanView {
  id: string;
  caseId: string;
  planType: PlanType;
  startDate: string;
  clinicians: { id: string; name: string }[];
  networkCare: NetworkCareView[];
  goals: GoalView[];
  /** Oldest first. */
  reviews: ReviewView[];
  /** Null while the plan is active. */
  closure: ClosureView | null;
  attendance: AttendanceSummary;
  /** The earliest planned session from today on, if one is booked. */
  nextSessionDate: string | null;
  version: number;
}

export interface ConcernView {
  id: string;
  description: string;
  actionTaken: string;
  informed: { id: string; name: string; role: string | null; agency: string | null }[];
  informedAt: string;
  /** The case flag raised with it (never absent: they are written together). */
  flagId: string;
  /** The follow-up task created with it. */
  taskId: string;
  raisedByName: string;
  raisedAt: string;
}

export interface InterventionSessionView extends InterventionSessionContent {
  id: string;
  planId: string;
  caseId: string;
  concerns: ConcernView[];
  createdByName: string;
  createdAt: string;
  version: number;
  /** Signed, the note is locked; corrections are addenda. */
  signoff: SignoffView;
}

/** A row of the Interventions area: an active plan with its next session and DNA rate. */
export interface InterventionListItem {
  planId: string;
  caseId: string;
  caseReference: string;
  /** The young person's name (initials on consultation-only cases). */
  youngPersonName: string;
  planType: PlanType;
  startDate: string;
  clinicianNames: string[];
  nextSessionDate: string | null;
  sessionsOffered: number;
  didNotAttend: number;
  /** See `attendanceSummary`: null before any session counts. */
  dnaRate: number | null;
}
