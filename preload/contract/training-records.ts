/**
 * Teaching and training: the packages the service teaches (reused by later events, each with a
 * current materials version whose slides and handouts are stored as encrypted files) and the
 * events at which a package was delivered (who commissioned it, when, how, by whom, to how many,
 * and how the attendees rated their confidence before and after).
 *
 * Training records are not case records: they name no child and are audited as their own kinds
 * (`training_package`, `training_event`, `training_material`). The channels are in `training.ts`.
 */
import { z } from 'zod';
import { idSchema, isoDateSchema } from './common';

// ---------------------------------------------------------------------------------------------
// Vocabularies
// ---------------------------------------------------------------------------------------------

export const TRAINING_SECTORS = ['social_care', 'health', 'education', 'police', 'university', 'conference'] as const;
export const trainingSectorSchema = z.enum(TRAINING_SECTORS, 'Choose the sector the training was for.');
export type TrainingSector = z.infer<typeof trainingSectorSchema>;
export const TRAINING_SECTOR_LABELS: Record<TrainingSector, string> = {
  social_care: 'Social care',
  health: 'Health',
  education: 'Education',
  police: 'Police',
  university: 'University',
  conference: 'Conference',
};

export const TRAINING_DELIVERIES = ['in_person', 'virtual'] as const;
export const trainingDeliverySchema = z.enum(TRAINING_DELIVERIES, 'Say whether the training was in person or virtual.');
export type TrainingDelivery = z.infer<typeof trainingDeliverySchema>;
export const TRAINING_DELIVERY_LABELS: Record<TrainingDelivery, string> = {
  in_person: 'In person',
  virtual: 'Virtual',
};

/** The most attendees one event may record (a large conference hall). */
export const MAX_TRAINING_ATTENDEES = 5000;
/** The highest materials version a package may reach. */
export const MAX_MATERIALS_VERSION = 999;

const AVERAGE_MESSAGE = 'A confidence average is a number from 0 to 10 with at most one decimal place, such as 6.5.';

/**
 * Whether `value` has at most one decimal place. Compared on tenths with a small tolerance, so
 * 6.1 (which binary floating point holds as 6.0999...) counts as one decimal.
 */
export function hasOneDecimalAtMost(value: number): boolean {
  const tenths = value * 10;
  return Math.abs(tenths - Math.round(tenths)) < 1e-6;
}

/** An average confidence rating of the evaluations returned: 0 to 10, one decimal place at most. */
export const confidenceAverageSchema = z
  .number(AVERAGE_MESSAGE)
  .min(0, AVERAGE_MESSAGE)
  .max(10, AVERAGE_MESSAGE)
  .refine(hasOneDecimalAtMost, AVERAGE_MESSAGE);

export const materialsVersionSchema = z
  .int('A materials version is a whole number, such as 3.')
  .min(1, 'A materials version starts at 1.')
  .max(MAX_MATERIALS_VERSION, `A materials version is at most ${MAX_MATERIALS_VERSION}.`);

const required = (max: number, missing: string, tooLong: string) => z.string().trim().min(1, missing).max(max, tooLong);
const optional = (max: number, tooLong: string) => z.string().trim().max(max, tooLong).default('');

// ---------------------------------------------------------------------------------------------
// Package
// ---------------------------------------------------------------------------------------------

/** A training package as the user writes it (create and update). */
export const trainingPackageSchema = z
  .object({
    title: required(200, 'Give the package a title.', 'A package title is at most 200 characters.'),
    summary: optional(4000, 'A package summary is at most 4,000 characters.'),
    audienceSectors: z
      .array(trainingSectorSchema)
      .min(1, 'Choose at least one sector the package is meant for.')
      .max(TRAINING_SECTORS.length)
      .refine((s) => new Set(s).size === s.length, 'Each audience sector is listed once.'),
    currentMaterialsVersion: materialsVersionSchema.default(1),
  })
  .strict();
export type TrainingPackageInput = z.output<typeof trainingPackageSchema>;

/** One file of a package's materials (slides, a handout) as stored, without its bytes. */
export interface TrainingMaterialView {
  id: string;
  packageId: string;
  materialsVersion: number;
  title: string;
  originalFilename: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  uploadedBy: string;
  uploadedByName: string;
  uploadedAt: string;
}

export interface TrainingPackageView {
  id: string;
  title: string;
  summary: string;
  audienceSectors: TrainingSector[];
  currentMaterialsVersion: number;
  createdAt: string;
  updatedAt: string;
  version: number;
  /** Events (not removed) that delivered this package. */
  eventCount: number;
  /** Every version's materials, newest version first, then by title. */
  materials: TrainingMaterialView[];
}

// ---------------------------------------------------------------------------------------------
// Event
// ---------------------------------------------------------------------------------------------

const optionalAverage = confidenceAverageSchema.nullable().default(null);

/**
 * A training event as the user writes it (create and update). `endDate` null means a one-day
 * event; `materialsVersion` null means the package's current version. Cross-field rules: the
 * end date is not before the start, evaluations returned are no more than the attendees, an
 * average needs at least one evaluation returned, and someone delivered it (a trainer from this
 * vault or a named co-trainer). A post-course average without a pre-course one is allowed.
 */
export const trainingEventSchema = z
  .object({
    title: required(200, 'Give the event a title.', 'An event title is at most 200 characters.'),
    packageId: idSchema,
    tailoring: optional(4000, 'How the package was tailored is at most 4,000 characters.'),
    organisation: required(
      200,
      'Name the organisation that commissioned the training.',
      'An organisation name is at most 200 characters.',
    ),
    sector: trainingSectorSchema,
    startDate: isoDateSchema,
    endDate: isoDateSchema.nullable().default(null),
    delivery: trainingDeliverySchema,
    trainerIds: z.array(idSchema).max(20, 'At most 20 trainers from this vault.').default([]),
    coTrainers: optional(500, 'Co-trainers are at most 500 characters.'),
    attendees: z
      .int('The number of attendees is a whole number.')
      .min(1, 'An event has at least one attendee.')
      .max(MAX_TRAINING_ATTENDEES, `At most ${MAX_TRAINING_ATTENDEES.toLocaleString('en-GB')} attendees.`),
    evaluationsReturned: z
      .int('The number of evaluations returned is a whole number.')
      .min(0, 'The number of evaluations returned cannot be negative.')
      .nullable()
      .default(null),
    preConfidence: optionalAverage,
    postConfidence: optionalAverage,
    themes: optional(4000, 'The evaluation themes are at most 4,000 characters.'),
    materialsVersion: materialsVersionSchema.nullable().default(null),
  })
  .strict()
  .superRefine((e, ctx) => {
    if (e.endDate !== null && e.endDate < e.startDate) {
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'The last day cannot be before the first day.' });
    }
    if (e.evaluationsReturned !== null && e.evaluationsReturned > e.attendees) {
      ctx.addIssue({
        code: 'custom',
        path: ['evaluationsReturned'],
        message: 'More evaluations were returned than there were attendees: check both numbers.',
      });
    }
    const hasAverage = e.preConfidence !== null || e.postConfidence !== null;
    if (hasAverage && !e.evaluationsReturned) {
      ctx.addIssue({
        code: 'custom',
        path: ['evaluationsReturned'],
        message: 'Say how many evaluations were returned: the confidence averages are taken from them.',
      });
    }
    if (e.trainerIds.length === 0 && e.coTrainers === '') {
      ctx.addIssue({
        code: 'custom',
        path: ['trainerIds'],
        message: 'Name at least one trainer: a colleague from this vault or a co-trainer.',
      });
    }
    if (new Set(e.trainerIds).size !== e.trainerIds.length) {
      ctx.addIssue({ code: 'custom', path: ['trainerIds'], message: 'Each trainer is listed once.' });
    }
  });
export type TrainingEventInput = z.output<typeof trainingEventSchema>;

export interface TrainingEventView {
  id: string;
  title: string;
  packageId: string;
  packageTitle: string;
  tailoring: string;
  organisation: string;
  sector: TrainingSector;
  startDate: string;
  /** The last day (the start date for a one-day event). */
  endDate: string;
  delivery: TrainingDelivery;
  trainerIds: string[];
  trainerNames: string[];
  coTrainers: string;
  attendees: number;
  evaluationsReturned: number | null;
  preConfidence: number | null;
  postConfidence: number | null;
  themes: string;
  materialsVersion: number;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** One row of the Training area's list. */
export type TrainingEventListItem = Pick<
  TrainingEventView,
  | 'id'
  | 'title'
  | 'packageTitle'
  | 'organisation'
  | 'sector'
  | 'startDate'
  | 'endDate'
  | 'delivery'
  | 'attendees'
  | 'preConfidence'
  | 'postConfidence'
>;

/** The Training area's filters: a sector, and a period the event's first day falls in (both ends included). */
export const trainingListFilterShape = {
  sector: trainingSectorSchema.nullable().default(null),
  from: isoDateSchema.nullable().default(null),
  to: isoDateSchema.nullable().default(null),
};

/** Refuses a period that ends before it starts. */
export function checkTrainingPeriod(f: { from: string | null; to: string | null }, ctx: z.RefinementCtx): void {
  if (f.from !== null && f.to !== null && f.to < f.from) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'The end of the period cannot be before its start.' });
  }
}
