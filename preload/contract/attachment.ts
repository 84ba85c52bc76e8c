/**
 * Attachment (DMM) assessment channels: one attachment assessment per case, with its procedures
 * (one person each, and for a child one named attachment figure), their coding, and the family
 * view that sets every procedure of the young person and their parents or carers side by side.
 *
 * The DMM itself (procedures, codes, modifiers, CARE-Index scales, age rules) is data in
 * `dmm.ts`; the schemas here check an input against it with the same pure functions the form
 * uses, so the form's message and the router's refusal are the same words.
 */
import { z } from 'zod';
import { idSchema, isoDateSchema, optionalText } from './common';
import { ANY_USER, CASE_WRITERS, channel } from './define';
import {
  DMM_MODIFIER_CODES,
  DMM_PROCEDURE_CODES,
  NON_RESOLUTION_FORM_KEYS,
  careIndexProblem,
  classificationProblem,
  modifiersProblem,
  type DmmModifierCode,
  type DmmProcedureCode,
  type DmmTierOrFlag,
  type DmmWarning,
  type NonResolutionForm,
} from './dmm';

export const dmmProcedureCodeSchema = z.enum(DMM_PROCEDURE_CODES);

/** Whose procedure it is: the case's young person, or one of its parents or carers. */
export const SUBJECT_KINDS = ['young_person', 'parent_carer'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

export const TRANSCRIPT_STATUSES = ['not_needed', 'awaiting', 'transcribed', 'checked'] as const;
export const TRANSCRIPT_STATUS_LABELS: Record<(typeof TRANSCRIPT_STATUSES)[number], string> = {
  not_needed: 'Not needed',
  awaiting: 'Awaiting transcription',
  transcribed: 'Transcribed',
  checked: 'Transcribed and checked',
};
export type TranscriptStatus = (typeof TRANSCRIPT_STATUSES)[number];

export const CODER_AGREEMENTS = ['agreed', 'disagreed'] as const;
export type CoderAgreement = (typeof CODER_AGREEMENTS)[number];

export const modifierEntrySchema = z
  .object({
    code: z.enum(DMM_MODIFIER_CODES),
    about: optionalText(300),
    forms: z.array(z.enum(NON_RESOLUTION_FORM_KEYS)).max(4).default([]),
    otherForm: optionalText(200),
    target: optionalText(100),
  })
  .strict();
export type ModifierEntryInput = z.input<typeof modifierEntrySchema>;

const careScaleSheet = z.record(z.string().max(40), z.int().min(0).max(14));

/** A CARE-Index score sheet: the adult's three scales and the child's four (or five). */
export const careIndexScoresSchema = z.object({ adult: careScaleSheet, child: careScaleSheet }).strict();
export type CareIndexScores = z.output<typeof careIndexScoresSchema>;

/** The second coder's check: who, and whether they agreed (a disagreement needs its resolution). */
export const secondCodingSchema = z
  .object({
    coderName: z.string().trim().min(1, 'Name the second coder.').max(200),
    agreement: z.enum(CODER_AGREEMENTS).nullable().default(null),
    resolution: optionalText(2000),
  })
  .strict()
  .superRefine((s, ctx) => {
    if (s.agreement === 'disagreed' && !s.resolution) {
      ctx.addIssue({ code: 'custom', path: ['resolution'], message: 'Say how the coders’ disagreement was resolved.' });
    }
  });

/** What a procedure records; the rules that depend on the procedure are checked together below. */
export const procedureInputSchema = z
  .object({
    procedure: dmmProcedureCodeSchema,
    subjectKind: z.enum(SUBJECT_KINDS),
    /** The parent or carer (a person of the case) when `subjectKind` is `parent_carer`. */
    subjectPersonId: idSchema.nullable().default(null),
    /**
     * The attachment figure of a child's procedure, or the named child of a Parents Interview:
     * a person of the case, or (for a figure not on the case) a name.
     */
    figurePersonId: idSchema.nullable().default(null),
    figureName: optionalText(200),
    /** For the Parents Interview, the child spoken about is the young person. */
    figureIsYoungPerson: z.boolean().default(false),
    administeredOn: isoDateSchema,
    administeredBy: idSchema,
    /** Recordings, transcripts: documents of the same case (encrypted like every document). */
    recordingDocumentIds: z.array(idSchema).max(10).default([]),
    transcriptStatus: z.enum(TRANSCRIPT_STATUSES).default('not_needed'),
    coderName: optionalText(200),
    coderReliable: z.boolean().nullable().default(null),
    blindCoded: z.boolean().nullable().default(null),
    secondCoding: secondCodingSchema.nullable().default(null),
    /** Classification procedures: "B3", "B4-5", "A4/C5", "AC" (`parseClassification`). */
    classification: optionalText(20),
    modifiers: z.array(modifierEntrySchema).max(20).default([]),
    /** CARE-Index procedures only. */
    careIndex: careIndexScoresSchema.nullable().default(null),
    /** The coder's notes on this procedure (free text). */
    notes: optionalText(4000),
  })
  .strict()
  .superRefine((p, ctx) => {
    const issue = (path: string, message: string): void => ctx.addIssue({ code: 'custom', path: [path], message });
    if (p.subjectKind === 'parent_carer' && !p.subjectPersonId) issue('subjectPersonId', 'Choose the parent or carer.');
    if (p.subjectKind === 'young_person' && p.subjectPersonId) {
      issue('subjectPersonId', 'A procedure for the young person names no other subject.');
    }
    const classProblem = classificationProblem(p.procedure, p.classification);
    if (classProblem) issue('classification', classProblem);
    const modProblem = modifiersProblem(p.procedure, p.modifiers);
    if (modProblem) issue('modifiers', modProblem);
    if (p.careIndex) {
      const careProblem = careIndexProblem(p.procedure, p.careIndex.adult, p.careIndex.child);
      if (careProblem) issue('careIndex', careProblem);
    }
  });
export type ProcedureInput = z.input<typeof procedureInputSchema>;
export type ProcedureParsed = z.output<typeof procedureInputSchema>;

export interface ModifierView {
  code: DmmModifierCode;
  about: string | null;
  forms: NonResolutionForm[];
  otherForm: string | null;
  target: string | null;
  /** As the family view and the report write it: "Utr (…: dismissed)". */
  text: string;
}

/** A warning a coder saw and acknowledged when saving (who and when). */
export interface AcknowledgedWarningView extends DmmWarning {
  acknowledgedByName: string;
  acknowledgedAt: string;
}

export interface CareIndexView {
  adult: Record<string, number>;
  child: Record<string, number>;
  /** The band of the adult's sensitive scale ("adequate") and its tier. */
  sensitivityBand: string;
}

export interface ProcedureView {
  id: string;
  caseId: string;
  procedure: DmmProcedureCode;
  /** "SAA (School-age Assessment of Attachment)". */
  procedureLabel: string;
  subjectKind: SubjectKind;
  subjectPersonId: string | null;
  /** The young person's display name, or the parent's or carer's. */
  subjectName: string;
  /** "Young person", or the person's relationship to the young person ("Mother"). */
  relationship: string;
  figurePersonId: string | null;
  figureName: string | null;
  figureIsYoungPerson: boolean;
  /** How the figure reads: "with Mother (Jane Smith)", "about the young person", or null. */
  figureLabel: string | null;
  administeredOn: string;
  administeredBy: string;
  administeredByName: string;
  /** The person's age on the day, in months; null when their date of birth is not known. */
  ageMonths: number | null;
  recordingDocumentIds: string[];
  transcriptStatus: TranscriptStatus;
  coderName: string | null;
  coderReliable: boolean | null;
  blindCoded: boolean | null;
  secondCoding: { coderName: string; agreement: CoderAgreement | null; resolution: string | null } | null;
  classification: string | null;
  /** What the classification means, from `parseClassification`. */
  classificationMeaning: string | null;
  modifiers: ModifierView[];
  careIndex: CareIndexView | null;
  /** The tier from the classification, or from the CARE-Index sensitivity band; null when not coded yet. */
  tier: DmmTierOrFlag | null;
  /** The warnings that hold for the record as saved, each acknowledged when it was saved. */
  warnings: AcknowledgedWarningView[];
  notes: string | null;
  version: number;
}

export const attachmentFieldsSchema = z
  .object({
    /** The functional formulation: how the strategies make sense of the behaviour (free text). */
    formulation: optionalText(20_000),
    /** The young person's self-protective strategy and what it means for the behaviour and for risk. */
    strategySummary: optionalText(10_000),
  })
  .strict();

export interface AttachmentView {
  id: string;
  caseId: string;
  formulation: string | null;
  strategySummary: string | null;
  /** Every procedure, the young person's first, then each parent or carer's, by date. */
  procedures: ProcedureView[];
  version: number;
}

/** One row of the family view: a procedure, read across at a glance. */
export interface FamilyViewRow {
  procedureId: string;
  subjectKind: SubjectKind;
  subjectName: string;
  relationship: string;
  procedure: DmmProcedureCode;
  figureLabel: string | null;
  administeredOn: string;
  /** The classification, or the CARE-Index band ("sensitivity: adequate"); null when not coded. */
  classification: string | null;
  modifiers: string[];
  tier: DmmTierOrFlag | null;
  coderReliable: boolean | null;
}

/** The family view: one column per person (the young person first), their procedures by date. */
export interface FamilyView {
  caseId: string;
  people: {
    subjectKind: SubjectKind;
    personId: string | null;
    name: string;
    relationship: string;
    rows: FamilyViewRow[];
  }[];
}

const procedureSave = {
  procedure: procedureInputSchema,
  /** The warnings (`dmmWarnings`) were shown and the coder saves anyway; without it a warning is CONFIRMATION_REQUIRED. */
  acknowledgeWarnings: z.boolean().default(false),
};

export const attachmentChannels = {
  /** The case's attachment assessment with its procedures, or null. Audited as a read of the case. */
  'attachment:get': channel<AttachmentView | null>()(z.object({ caseId: idSchema }).strict(), ANY_USER),
  /** Start the case's attachment assessment (idempotent: an existing one is returned). */
  'attachment:open': channel<AttachmentView>()(z.object({ caseId: idSchema }).strict(), CASE_WRITERS),
  /** The formulation and the strategy summary; CONFLICT when changed since `expectedVersion`. */
  'attachment:update': channel<AttachmentView>()(
    z.object({ caseId: idSchema, expectedVersion: z.int().min(1), fields: attachmentFieldsSchema }).strict(),
    CASE_WRITERS,
  ),
  /**
   * Add a procedure. Refused (INVALID_INPUT, with the reason) when the procedure does not take the
   * code or a modifier, a CARE-Index sheet does not sum to 14, the subject or figure is not of this
   * case, or a recording is not one of its documents. A person outside the procedure's age range,
   * or a code earlier than its usual age, is CONFIRMATION_REQUIRED (the message lists the
   * warnings) until sent again with `acknowledgeWarnings`, which records who acknowledged them.
   */
  'attachment:addProcedure': channel<ProcedureView>()(
    z.object({ caseId: idSchema, ...procedureSave }).strict(),
    CASE_WRITERS,
  ),
  /** Change a procedure, with the same rules; CONFLICT when changed since `expectedVersion`. */
  'attachment:updateProcedure': channel<ProcedureView>()(
    z.object({ procedureId: idSchema, expectedVersion: z.int().min(1), ...procedureSave }).strict(),
    CASE_WRITERS,
  ),
  /** Remove a procedure entered in error (audited with what it was). */
  'attachment:removeProcedure': channel<{ removed: true }>()(
    z.object({ procedureId: idSchema, expectedVersion: z.int().min(1) }).strict(),
    CASE_WRITERS,
  ),
  /** The family view of the case. Audited as a read of the case. */
  'attachment:familyView': channel<FamilyView>()(z.object({ caseId: idSchema }).strict(), ANY_USER),
} as const;
