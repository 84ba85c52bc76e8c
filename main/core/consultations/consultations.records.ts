/**
 * The stored records of the consultations module, one definition each: the repo's row mapping
 * and the bundle module's columns both come from here, and the DDL check
 * (`tests/main/core/consultations/records.test.ts`) compares each with the migrated table.
 */
import { z } from 'zod';
import { isoDateSchema } from '../../../preload/contract/case-records';
import {
  meetingModeSchema,
  policeInvestigationSchema,
  suitabilitySchema,
} from '../../../preload/contract/consultations';
import { col, defineRecord, registerRecord, type Column } from '../db/record';

/** A list of record ids kept as a JSON array in one TEXT column. */
function idList(): Column<string, string[]> {
  const ids = z.array(z.uuid());
  return {
    stored: z.string().refine((s) => {
      try {
        return ids.safeParse(JSON.parse(s)).success;
      } catch {
        return false;
      }
    }, 'Not a list of record ids.'),
    fromRow: (v) => ids.parse(JSON.parse(v)),
    toRow: (v) => JSON.stringify(v),
    nullable: false,
  };
}

export const consultationRecord = registerRecord(
  defineRecord({
    table: 'consultations',
    columns: {
      id: col.uuid(),
      case_id: col.uuid(),
      meeting_date: col.as(isoDateSchema),
      meeting_mode: col.as(meetingModeSchema),
      attendee_ids: idList(),
      document_ids: idList(),
      police_investigation: col.as(policeInvestigationSchema),
      reason: col.text(5000, 1),
      network_questions: col.text(10_000, 1),
      discussion: col.text(50_000, 1),
      recommendations: col.text(20_000, 1),
      suitability: col.as(suitabilitySchema),
      suitability_reason: col.nullableText(5000),
      created_at: col.at(),
      created_by: col.uuid(),
      updated_at: col.at(),
      updated_by: col.uuid(),
      version: col.int(1),
    },
  }),
);

export const agreementRecord = registerRecord(
  defineRecord({
    table: 'batch_agreements',
    columns: {
      id: col.uuid(),
      organisation: col.text(200, 1),
      team: col.nullableText(200),
      frequency: col.text(100, 1),
      start_date: col.as(isoDateSchema),
      end_date: col.as(isoDateSchema.nullable()),
      contact: col.nullableText(300),
      created_at: col.at(),
      created_by: col.uuid(),
      updated_at: col.at(),
      updated_by: col.uuid(),
      version: col.int(1),
    },
  }),
);

export const sessionRecord = registerRecord(
  defineRecord({
    table: 'batch_sessions',
    columns: {
      id: col.uuid(),
      agreement_id: col.uuid(),
      session_date: col.as(isoDateSchema),
      attendees: col.text(2000),
      themes: col.text(5000),
      reflective_notes: col.text(50_000),
      advice: col.text(20_000),
      created_at: col.at(),
      created_by: col.uuid(),
      updated_at: col.at(),
      updated_by: col.uuid(),
      version: col.int(1),
    },
  }),
);

export const discussedCaseRecord = registerRecord(
  defineRecord({
    table: 'batch_session_cases',
    columns: {
      id: col.uuid(),
      session_id: col.uuid(),
      case_id: col.nullableUuid(),
      anonymous_ref: col.nullableText(60),
      discussion: col.text(10_000),
    },
  }),
);
