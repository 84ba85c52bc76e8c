/**
 * Zod schemas for the case record: one definition used by IPC validation, forms and (later)
 * bundle import. Output shapes are plain interfaces next to them.
 */
import { z } from 'zod';
import { MAX_AGE_AT_REFERRAL } from './age';
import { idSchema, isoDateSchema, optionalText, trimmedText } from './common';
import { nhsNumberSchema } from './nhs-number';
import { personSchema, type PersonView } from './people';

// ---------------------------------------------------------------------------------------------
// Vocabulary
// ---------------------------------------------------------------------------------------------

export const CASE_STATUSES = ['referred', 'accepted', 'declined', 'active', 'closed'] as const;
export const caseStatusSchema = z.enum(CASE_STATUSES);
export type CaseStatus = z.infer<typeof caseStatusSchema>;

export const SERVICES = ['consultation', 'assessment', 'attachment_assessment', 'intervention', 'safe_home'] as const;
export const serviceSchema = z.enum(SERVICES);
export type Service = z.infer<typeof serviceSchema>;

/**
 * Police and court involvement. `none` is an answer (there is none); `not_known` is an answer
 * too (nobody knows yet). A field nobody has answered is null, never `none`.
 */
export const LEGAL_STATUSES = ['police_investigation_active', 'charged', 'court_order', 'none', 'not_known'] as const;
export const legalStatusSchema = z.enum(LEGAL_STATUSES);
export type LegalStatus = z.infer<typeof legalStatusSchema>;

export const PLACEMENTS = ['family_home', 'kinship', 'foster', 'residential', 'secure', 'other', 'not_known'] as const;
export const placementSchema = z.enum(PLACEMENTS);
export type Placement = z.infer<typeof placementSchema>;

/**
 * Consent to the service's work and to sharing information about the young person. "Given with
 * limits" says what may not be shared in the consent details.
 */
export const CONSENT_STATUSES = ['given', 'given_with_limits', 'refused', 'not_yet_sought', 'not_known'] as const;
export const consentStatusSchema = z.enum(CONSENT_STATUSES);
export type ConsentStatus = z.infer<typeof consentStatusSchema>;

/** A GP practice's ODS code (e.g. `A81001`): letters and digits, stored in capitals. */
export const odsCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{3,10}$/, 'An ODS code is 3 to 10 letters and digits, for example A81001.');

/**
 * Assessment clock: 12 weeks from the date all required paperwork was received. It follows the
 * case: `not_started` (awaiting paperwork), `on_track` / `due_soon` / `overdue` (running),
 * `complete` (an assessment completed date is set), `not_assessed` (closed without one) and
 * `none` (declined, consultation only, or no assessment among the services: no clock at all).
 */
export const CLOCK_STATUSES = [
  'not_started',
  'on_track',
  'due_soon',
  'overdue',
  'complete',
  'not_assessed',
  'none',
] as const;
export type ClockStatus = (typeof CLOCK_STATUSES)[number];

// ---------------------------------------------------------------------------------------------
// Records
// ---------------------------------------------------------------------------------------------

/**
 * The young person. Names may be left out only on consultation-only cases (data minimisation:
 * initials and an age are enough); the service enforces that rule, since it depends on the case.
 */
export const youngPersonSchema = z
  .object({
    givenName: optionalText(100),
    familyName: optionalText(100),
    initials: z
      .string()
      .trim()
      .regex(/^[A-Za-z]{1,4}$/, 'Initials are 1-4 letters.')
      .nullable()
      .default(null),
    dateOfBirth: isoDateSchema.nullable().default(null),
    /** Only for consultation-only cases without a date of birth. */
    ageAtReferral: z.int().min(0).max(MAX_AGE_AT_REFERRAL).nullable().default(null),
    gender: optionalText(60),
    ethnicity: optionalText(100),
    firstLanguage: optionalText(60),
    developmentalNeeds: optionalText(2000),
    learningNeeds: optionalText(2000),
    communicationNeeds: optionalText(2000),
    /** Null until someone answers; "Not known" is an answer. */
    legalStatus: legalStatusSchema.nullable().default(null),
    placement: placementSchema.nullable().default(null),
    localAuthority: optionalText(100),
    school: optionalText(200),
    /** Accepted with or without spaces; stored as 10 digits (see nhs-number.ts). Never required. */
    nhsNumber: nhsNumberSchema.nullable().default(null),
    address: optionalText(500),
    gpPracticeName: optionalText(200),
    gpPracticeOdsCode: odsCodeSchema.nullable().default(null),
    /** Consent and information-sharing status; who recorded it is set by the service. */
    consentStatus: consentStatusSchema.nullable().default(null),
    /** The date consent was given, refused or sought. */
    consentDate: isoDateSchema.nullable().default(null),
    /** What was agreed: limits on sharing, who gave it (the young person, a parent). */
    consentDetails: optionalText(2000),
  })
  .strict();
export type YoungPersonInput = z.input<typeof youngPersonSchema>;
export type YoungPerson = z.output<typeof youngPersonSchema>;

/** A new referral: creates the case, its young person and (optionally) the referrer. */
export const referralSchema = z
  .object({
    referralDate: isoDateSchema,
    referralSource: optionalText(200),
    referralReason: optionalText(4000),
    consultationOnly: z.boolean().default(false),
    servicesRequested: z.array(serviceSchema).max(SERVICES.length).default([]),
    leadWorkerId: idSchema.nullable().default(null),
    youngPerson: youngPersonSchema,
    referrer: personSchema.omit({ kind: true }).nullable().default(null),
  })
  .strict();
export type ReferralInput = z.input<typeof referralSchema>;
export type Referral = z.output<typeof referralSchema>;

/**
 * The young person's fields as a patch: every key optional and, unlike `.partial()` of a schema
 * with defaults, an absent key stays absent (a default would overwrite the stored value).
 */
export const youngPersonPatchSchema = z
  .object(
    Object.fromEntries(
      Object.entries(youngPersonSchema.shape).map(([key, field]) => [key, field.unwrap().optional()]),
    ) as {
      [K in keyof typeof youngPersonSchema.shape]: z.ZodOptional<
        ReturnType<(typeof youngPersonSchema.shape)[K]['unwrap']>
      >;
    },
  )
  .strict();

/** Fields of a case that `case:update` may change. Absent keys stay as they are. */
export const casePatchSchema = z
  .object({
    referralDate: isoDateSchema,
    referralSource: trimmedText(200).nullable(),
    referralReason: trimmedText(4000).nullable(),
    consultationOnly: z.boolean(),
    servicesRequested: z.array(serviceSchema).max(SERVICES.length),
    servicesProvided: z.array(serviceSchema).max(SERVICES.length),
    leadWorkerId: idSchema.nullable(),
    allocatedClinicianIds: z.array(idSchema).max(50),
    assessmentCompletedDate: isoDateSchema.nullable(),
    youngPerson: youngPersonPatchSchema,
  })
  .partial()
  .strict();
export type CasePatch = z.output<typeof casePatchSchema>;

// ---------------------------------------------------------------------------------------------
// Outputs
// ---------------------------------------------------------------------------------------------

export interface YoungPersonView extends YoungPerson {
  /** Whole years today (null when only an age at referral is held). */
  age: number | null;
  /** Who last set the consent status or its date (the signed-in user at the time). */
  consentRecordedBy: string | null;
  consentRecordedByName: string | null;
  consentRecordedAt: string | null;
}

export interface StatusChange {
  id: string;
  fromStatus: CaseStatus | null;
  toStatus: CaseStatus;
  reason: string | null;
  changedAt: string;
  changedBy: string;
  changedByName: string;
}

export interface PaperworkItemView {
  typeId: string;
  name: string;
  required: boolean;
  receivedDate: string | null;
  notes: string | null;
}

/** Where the assessment clock stands today (core/cases/dates.ts `readClock`). */
export interface ClockReading {
  status: ClockStatus;
  /** Days until due (negative when overdue); null unless the clock is running. */
  daysRemaining: number | null;
  /** The week of the twelve (1-12) a running clock is in; null when overdue or not running. */
  week: number | null;
  /** Completed: days from paperwork complete to the completed date; null if not known. */
  completedInDays: number | null;
  /** Completed: true when on or before the due date; null when there was no due date. */
  completedOnTime: boolean | null;
}

export interface AssessmentClock extends ClockReading {
  paperworkCompleteDate: string | null;
  assessmentDueDate: string | null;
  assessmentCompletedDate: string | null;
}

export interface CaseSummary {
  id: string;
  reference: string;
  status: CaseStatus;
  displayName: string;
  initials: string;
  dateOfBirth: string | null;
  referralDate: string;
  leadWorkerId: string | null;
  leadWorkerName: string | null;
  assessmentDueDate: string | null;
  /** Same as `clock.status`, kept for callers that need only the state. */
  clockStatus: ClockStatus;
  clock: ClockReading;
  openFlags: number;
}

export interface CaseDetail {
  id: string;
  reference: string;
  status: CaseStatus;
  referralDate: string;
  referralSource: string | null;
  referralReason: string | null;
  consultationOnly: boolean;
  declineReason: string | null;
  closureReason: string | null;
  closingSummary: string | null;
  leadWorkerId: string | null;
  leadWorkerName: string | null;
  allocatedClinicians: { id: string; displayName: string }[];
  servicesRequested: Service[];
  servicesProvided: Service[];
  youngPerson: YoungPersonView;
  ageAtReferral: number;
  people: PersonView[];
  statusHistory: StatusChange[];
  paperwork: PaperworkItemView[];
  clock: AssessmentClock;
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
  version: number;
}

export interface DuplicateCandidate {
  caseId: string;
  reference: string;
  initials: string;
  dateOfBirth: string | null;
  status: CaseStatus;
  reason: 'same_nhs_number' | 'same_dob_similar_name' | 'same_name_same_local_authority';
}

// ---------------------------------------------------------------------------------------------
// Moved elsewhere
// ---------------------------------------------------------------------------------------------

// Shared fields and paging now live in common.ts and paging.ts, and the people linked to a case
// in people.ts. Re-exported so modules that import them from here keep compiling; new code
// imports them from their own files.
export { idSchema, isoDateSchema, isoDateTimeSchema } from './common';
export type { Page } from './paging';
export * from './people';
