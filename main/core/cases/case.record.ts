/**
 * The case (`cases`) and its young person (`young_people`): the definitions the cases repo's rows
 * and the bundle's case record come from. Stored schemas are what an incoming bundle is checked
 * against (the contract's enums and ISO dates, the forms' maximum lengths).
 */
import { z } from 'zod';
import {
  caseStatusSchema,
  consentStatusSchema,
  isoDateSchema,
  legalStatusSchema,
  odsCodeSchema,
  placementSchema,
  type YoungPerson,
} from '../../../preload/contract/case-records';
import { isValidNhsNumber } from '../../../preload/contract/nhs-number';
import { col, defineRecord, registerRecord, type Column, type ExpectSameView, type SameView } from '../db/record';

/** Kept as stored (0 or 1), not mapped to a boolean: the service reads the row as it is. */
const bit = col.as(z.union([z.literal(0), z.literal(1)]));

export const caseRecord = registerRecord(
  defineRecord({
    table: 'cases',
    columns: {
      id: col.uuid(),
      reference: col.as(z.string().regex(/^NC-\d{4}-\d{4,}$/)),
      ref_year: col.as(z.int()),
      ref_seq: col.int(1),
      status: col.as(caseStatusSchema),
      referral_date: col.as(isoDateSchema),
      referral_source: col.nullableText(200),
      referral_reason: col.nullableText(4000),
      consultation_only: bit,
      lead_worker_id: col.nullableUuid(),
      decline_reason: col.nullableText(2000),
      closure_reason: col.nullableText(2000),
      closing_summary: col.nullableText(20_000),
      age_at_referral: col.as(z.int().min(0).max(21)),
      paperwork_complete_date: col.as(isoDateSchema.nullable()),
      assessment_due_date: col.as(isoDateSchema.nullable()),
      assessment_completed_date: col.as(isoDateSchema.nullable()),
      created_at: col.at(),
      updated_at: col.at(),
      updated_by: col.uuid(),
      version: col.int(1),
    },
  }),
);

export type CaseRecordRow = Parameters<typeof caseRecord.toView>[0];

/** Identity and consent came in m0060: a bundle from before them has none, so they default to null. */
const since60 = <T>(column: Column<T | null, T | null>) => col.as(column.stored.default(null));

export const youngPersonRecord = registerRecord(
  defineRecord({
    table: 'young_people',
    // Lower-case, accent-free and phonetic keys of the names, for search and the possible-
    // duplicate warning: derived from the names wherever the row is written, never carried.
    localOnly: ['search_given', 'search_family', 'search_la', 'phon_given', 'phon_family'],
    columns: {
      case_id: col.uuid(),
      given_name: col.nullableText(100),
      family_name: col.nullableText(100),
      initials: col.text(8),
      date_of_birth: col.as(isoDateSchema.nullable()),
      gender: col.nullableText(60),
      ethnicity: col.nullableText(100),
      first_language: col.nullableText(60),
      developmental_needs: col.nullableText(2000),
      learning_needs: col.nullableText(2000),
      communication_needs: col.nullableText(2000),
      legal_status: col.as(legalStatusSchema.nullable()),
      placement: col.as(placementSchema.nullable()),
      local_authority: col.nullableText(100),
      school: col.nullableText(200),
      nhs_number: since60(
        col.as(
          z
            .string()
            .regex(/^\d{10}$/)
            .refine(isValidNhsNumber, 'The NHS number’s check digit does not match.')
            .nullable(),
        ),
      ),
      address: since60(col.nullableText(500)),
      gp_practice_name: since60(col.nullableText(200)),
      gp_practice_ods_code: since60(col.as(odsCodeSchema.nullable())),
      consent_status: since60(col.as(consentStatusSchema.nullable())),
      consent_date: since60(col.as(isoDateSchema.nullable())),
      consent_details: since60(col.nullableText(2000)),
      consent_recorded_by: since60(col.nullableUuid()),
      consent_recorded_at: since60(col.nullableAt()),
    },
  }),
);

export type YoungPersonRecordRow = Parameters<typeof youngPersonRecord.toView>[0];

/** The young person's own fields; who recorded the consent is kept beside them. */
export const youngPersonFields = youngPersonRecord.viewWithout([
  'case_id',
  'consent_recorded_by',
  'consent_recorded_at',
]);

/**
 * The contract's `YoungPerson` has the age at referral too (stored on the case), and may have
 * no initials on input (they are then made from the name): stored, they always are.
 */
export type YoungPersonMatchesRecord = ExpectSameView<
  SameView<
    Omit<ReturnType<typeof youngPersonFields>, 'initials'> & { initials: string | null; ageAtReferral: number | null },
    YoungPerson
  >
>;
