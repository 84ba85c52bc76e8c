/**
 * The attachment module's stored records, one definition each (`db/record.ts`): the repo's row
 * mapping and the bundle module's columns come from here, and the record test checks each
 * against the table migration 110 built. The JSON columns (recordings, modifiers, CARE-Index,
 * acknowledged warnings) are checked with the contract's own schemas when read back or imported.
 */
import { z } from 'zod';
import { isoDateSchema } from '../../../preload/contract/common';
import {
  CODER_AGREEMENTS,
  SUBJECT_KINDS,
  TRANSCRIPT_STATUSES,
  careIndexScoresSchema,
  dmmProcedureCodeSchema,
  modifierEntrySchema,
  type AttachmentView,
  type ProcedureView,
} from '../../../preload/contract/attachment';
import { col, defineRecord, registerRecord, type Column, type ExpectSameView, type SameView } from '../db/record';

/** Text that must parse as JSON and pass `schema`; a corrupt stored value throws on read. */
function jsonText<T>(schema: z.ZodType<T>, maxChars: number): z.ZodType<string> {
  return z
    .string()
    .max(maxChars)
    .refine((text) => {
      try {
        return schema.safeParse(JSON.parse(text)).success;
      } catch {
        return false;
      }
    }, 'Not valid stored data.');
}

function jsonColumn<T>(schema: z.ZodType<T>, maxChars = 50_000): Column<string, T> {
  return {
    stored: jsonText(schema, maxChars),
    fromRow: (text) => schema.parse(JSON.parse(text)),
    toRow: (value) => JSON.stringify(value),
    nullable: false,
  };
}

function nullableJsonColumn<T>(schema: z.ZodType<T>, maxChars = 50_000): Column<string | null, T | null> {
  return {
    stored: jsonText(schema, maxChars).nullable(),
    fromRow: (text) => (text === null ? null : schema.parse(JSON.parse(text))),
    toRow: (value) => (value === null ? null : JSON.stringify(value)),
    nullable: true,
  };
}

/** A warning as stored: what it said, and who saw it and saved anyway (their name as it was). */
export const storedWarningSchema = z
  .object({
    key: z.enum(['age-outside-procedure', 'code-earlier-than-usual']),
    message: z.string().min(1).max(500),
    acknowledgedBy: z.uuid(),
    acknowledgedByName: z.string().max(200),
    acknowledgedAt: z.string().min(10).max(40),
  })
  .strict();
export type StoredWarning = z.output<typeof storedWarningSchema>;

const storedModifiers = z.array(modifierEntrySchema).max(20);
const storedRecordings = z.array(z.uuid()).max(10);
const storedWarnings = z.array(storedWarningSchema).max(10);

export const attachmentRecord = registerRecord(
  defineRecord({
    table: 'attachment_assessments',
    columns: {
      id: col.uuid(),
      case_id: col.uuid(),
      formulation: col.nullableText(20_000),
      strategy_summary: col.nullableText(10_000),
      opened_at: col.at(),
      opened_by: col.uuid(),
      updated_at: col.at(),
      updated_by: col.uuid(),
      version: col.int(1),
    },
  }),
);

export const procedureRecord = registerRecord(
  defineRecord({
    table: 'attachment_procedures',
    columns: {
      id: col.uuid(),
      attachment_id: col.uuid(),
      case_id: col.uuid(),
      procedure: col.as(dmmProcedureCodeSchema),
      subject_kind: col.as(z.enum(SUBJECT_KINDS)),
      subject_person_id: col.nullableUuid(),
      figure_person_id: col.nullableUuid(),
      figure_name: col.nullableText(200),
      figure_is_young_person: col.bool(),
      administered_on: col.as(isoDateSchema),
      administered_by: col.uuid(),
      recording_document_ids: jsonColumn(storedRecordings, 1_000),
      transcript_status: col.as(z.enum(TRANSCRIPT_STATUSES)),
      coder_name: col.nullableText(200),
      coder_reliable: col.nullableBool(),
      blind_coded: col.nullableBool(),
      second_coder_name: col.nullableText(200),
      second_coder_agreement: col.as(z.enum(CODER_AGREEMENTS).nullable()),
      second_coder_resolution: col.nullableText(2000),
      classification: col.nullableText(20),
      modifiers: jsonColumn(storedModifiers),
      care_index: nullableJsonColumn(careIndexScoresSchema, 2_000),
      warnings: jsonColumn(storedWarnings, 10_000),
      notes: col.nullableText(4000),
      created_at: col.at(),
      created_by: col.uuid(),
      updated_at: col.at(),
      updated_by: col.uuid(),
      version: col.int(1),
    },
  }),
);

export type AttachmentRow = Parameters<typeof attachmentRecord.toView>[0];
export type ProcedureRow = Parameters<typeof procedureRecord.toView>[0];
export type ProcedureRecordView = ReturnType<typeof procedureRecord.toView>;

export const toAttachmentFields = attachmentRecord.viewWithout(['opened_at', 'opened_by', 'updated_at', 'updated_by']);
/** A compile error here names the fields in which the record and `AttachmentView` differ. */
export type AttachmentMatchesRecord = ExpectSameView<
  SameView<ReturnType<typeof toAttachmentFields>, Omit<AttachmentView, 'procedures'>>
>;

/** The view's fields that are the stored columns as they are (the rest are derived or joined). */
type StoredProcedureField =
  | 'id'
  | 'caseId'
  | 'procedure'
  | 'subjectKind'
  | 'subjectPersonId'
  | 'figurePersonId'
  | 'figureName'
  | 'figureIsYoungPerson'
  | 'administeredOn'
  | 'administeredBy'
  | 'recordingDocumentIds'
  | 'transcriptStatus'
  | 'coderName'
  | 'coderReliable'
  | 'blindCoded'
  | 'classification'
  | 'notes'
  | 'version';
/** A compile error here names a stored field typed differently from `ProcedureView`'s. */
export type ProcedureMatchesRecord = ExpectSameView<
  SameView<Pick<ProcedureRecordView, StoredProcedureField>, Pick<ProcedureView, StoredProcedureField>>
>;
