/**
 * Psychometrics channels: the instrument catalogue (administrators edit it) and the
 * administrations of a case (date, instrument, respondent, scores, each score's band).
 *
 * The catalogue holds names, scales, ranges and public scoring bands only, never questionnaire
 * items. An administration keeps a copy of the instrument as it was used (name, version,
 * respondent, scales with their bands), so editing the catalogue never changes a past result,
 * and a bundle carries administrations without the catalogue.
 */
import { z } from 'zod';
import { idSchema, isoDateSchema } from './case-records';
import { ADMIN_ONLY, ANY_USER, CASE_WRITERS, channel } from './define';
import { scaleProblem, type ScaleDefinition, type ScoreBand } from './psychometric-bands';

export type { ScaleDefinition, ScoreBand } from './psychometric-bands';

export const RESPONDENT_TYPES = ['young_person', 'carer', 'teacher'] as const;
export const respondentTypeSchema = z.enum(RESPONDENT_TYPES);
export type RespondentType = z.infer<typeof respondentTypeSchema>;

/** How the screens and the chronology name a respondent type. */
export const RESPONDENT_LABELS: Record<RespondentType, string> = {
  young_person: 'young person',
  carer: 'carer',
  teacher: 'teacher',
};

/** The most scales one instrument may have (RCADS has eight; room to spare). */
export const MAX_SCALES = 20;
/** The most bands one scale may have (SDQ has four). */
export const MAX_BANDS = 10;

const score = z.number().min(-10_000).max(10_000);

export const scoreBandSchema = z
  .object({
    from: score,
    to: score,
    label: z.string().trim().min(1, 'Give the band a label.').max(80),
  })
  .strict();

export const scaleDefinitionSchema = z
  .object({
    key: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'A scale key is lower-case letters, digits and dashes.'),
    name: z.string().trim().min(1, 'Give the scale a name.').max(100),
    min: score,
    max: score,
    integer: z.boolean(),
    bands: z.array(scoreBandSchema).max(MAX_BANDS, `A scale may have at most ${MAX_BANDS} bands.`),
  })
  .strict()
  .superRefine((scale, ctx) => {
    const problem = scaleProblem(scale);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['bands'] });
  });

/** The scales of an instrument: at least one, keys unique. The first is the headline score. */
export const scalesSchema = z
  .array(scaleDefinitionSchema)
  .min(1, 'An instrument needs at least one scale.')
  .max(MAX_SCALES, `An instrument may have at most ${MAX_SCALES} scales.`)
  .refine((scales) => new Set(scales.map((s) => s.key)).size === scales.length, {
    message: 'Two scales have the same key.',
  });

export const instrumentInputSchema = z
  .object({
    name: z.string().trim().min(1, 'Give the instrument a name.').max(100),
    respondent: respondentTypeSchema,
    /** The edition or form in use, e.g. "2005" or "RCADS-P"; free text. */
    version: z.string().trim().max(60).default(''),
    scales: scalesSchema,
  })
  .strict();
export type InstrumentInput = z.input<typeof instrumentInputSchema>;

/** A catalogue entry. */
export interface InstrumentView {
  id: string;
  name: string;
  respondent: RespondentType;
  version: string;
  scales: ScaleDefinition[];
  /** Retired entries stay for the record but are not offered for new administrations. */
  retired: boolean;
  updatedAt: string;
  updatedByName: string;
  /** The record's version, for `expectedVersion`. */
  recordVersion: number;
}

/** One score as entered: null when that scale was not scored this time. */
export const scoreEntrySchema = z.object({ scaleKey: z.string().max(40), score: score.nullable() }).strict();

export const administrationInputSchema = z
  .object({
    administeredOn: isoDateSchema,
    instrumentId: idSchema,
    /** The parent or carer from the case's people; required when the instrument's respondent is a carer. */
    respondentPersonId: idSchema.nullable().default(null),
    /** The teacher's name; required when the respondent is a teacher. */
    respondentName: z.string().trim().max(200).nullable().default(null),
    administeredBy: idSchema,
    scores: z.array(scoreEntrySchema).min(1).max(MAX_SCALES),
    notes: z.string().trim().max(2000).nullable().default(null),
  })
  .strict();
export type AdministrationInput = z.input<typeof administrationInputSchema>;

/**
 * A correction of an administration: everything but the questionnaire itself (a different
 * questionnaire is a different administration: remove this one as entered in error and record
 * the other). The scores are checked against the administration's own copy of the scales.
 */
export const administrationCorrectionSchema = administrationInputSchema.omit({ instrumentId: true });
export type AdministrationCorrection = z.input<typeof administrationCorrectionSchema>;

/** Why an administration is removed as entered in error; kept in the audit trail. */
export const removalReasonSchema = z
  .string()
  .trim()
  .min(1, 'Say why this questionnaire is being removed, for example that it was entered on the wrong case.')
  .max(500, 'Keep the reason to 500 characters.');

/** A score with the band it fell in (from the administration's own copy of the bands). */
export interface ScoredScale {
  scaleKey: string;
  scaleName: string;
  min: number;
  max: number;
  score: number | null;
  /** Null when not scored, or when the scale had no bands when it was administered. */
  band: ScoreBand | null;
  /** The band's position, 0 for the lowest, so the screen can mark it without colour alone. */
  bandIndex: number | null;
  bandCount: number;
}

export interface AdministrationView {
  id: string;
  caseId: string;
  administeredOn: string;
  instrumentId: string | null;
  instrumentName: string;
  instrumentVersion: string;
  respondentType: RespondentType;
  /** Who answered: "Young person", the carer's or teacher's name. */
  respondentLabel: string;
  respondentPersonId: string | null;
  /** The carer's or teacher's name as recorded (null for the young person). */
  respondentName: string | null;
  administeredBy: string;
  administeredByName: string;
  scores: ScoredScale[];
  /** The headline as the chronology shows it, e.g. "total difficulties 18, slightly raised". */
  summary: string;
  notes: string | null;
  /**
   * The scales and bands as they were when it was recorded: a correction is checked and banded
   * against these, never against today's catalogue.
   */
  scales: ScaleDefinition[];
  createdAt: string;
  version: number;
}

export const psychometricsChannels = {
  /**
   * The catalogue, by name then respondent. Retired entries only with `includeRetired`. No case
   * data, so not audited.
   */
  'psychometrics:listInstruments': channel<InstrumentView[]>()(
    z.object({ includeRetired: z.boolean().default(false) }).strict(),
    ANY_USER,
  ),
  /**
   * Add a catalogue entry (administrators). Refused, with the reason, when a scale's range or
   * bands do not hold together (order, overlap, gaps, coverage). Audited `instrument.create`.
   */
  'psychometrics:createInstrument': channel<InstrumentView>()(
    z.object({ instrument: instrumentInputSchema }).strict(),
    ADMIN_ONLY,
  ),
  /**
   * Change or retire a catalogue entry (administrators); CONFLICT when it changed since
   * `expectedVersion`. Past administrations keep the bands they were scored with.
   * Audited `instrument.update`.
   */
  'psychometrics:updateInstrument': channel<InstrumentView>()(
    z
      .object({
        instrumentId: idSchema,
        expectedVersion: z.int().min(1),
        instrument: instrumentInputSchema,
        retired: z.boolean().default(false),
      })
      .strict(),
    ADMIN_ONLY,
  ),
  /** The case's administrations, newest first. Audited as a read of the case. */
  'psychometrics:listForCase': channel<AdministrationView[]>()(z.object({ caseId: idSchema }).strict(), ANY_USER),
  /**
   * Record an administration: each score is checked against its scale's range (refused with the
   * range in the message) and its band derived and kept with the instrument's current bands.
   * Audited `psychometrics.record` in the same transaction.
   */
  'psychometrics:record': channel<AdministrationView>()(
    z.object({ caseId: idSchema, administration: administrationInputSchema }).strict(),
    CASE_WRITERS,
  ),
  /**
   * Correct an administration: date, respondent, who administered it, scores and notes. The
   * scores are checked and banded against the administration's own copy of the scales (never
   * today's catalogue). CONFLICT when it changed since `expectedVersion`; refused with the
   * sign-off message once the case's assessment report is signed off (corrections are then
   * addenda). Audited `psychometrics.update` with the fields changed, never the scores.
   */
  'psychometrics:update': channel<AdministrationView>()(
    z
      .object({
        administrationId: idSchema,
        expectedVersion: z.int().min(1),
        administration: administrationCorrectionSchema,
      })
      .strict(),
    CASE_WRITERS,
  ),
  /**
   * Remove an administration entered in error, saying why. Refused like `psychometrics:update`
   * once the assessment report is signed off; CONFLICT when it changed since `expectedVersion`.
   * Audited `psychometrics.remove` with the reason and what it was (questionnaire, date,
   * respondent; not the scores).
   */
  'psychometrics:remove': channel<{ removed: true }>()(
    z.object({ administrationId: idSchema, expectedVersion: z.int().min(1), reason: removalReasonSchema }).strict(),
    CASE_WRITERS,
  ),
} as const;
