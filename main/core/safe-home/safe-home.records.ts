/**
 * The stored records of Safe Home, one definition per table (m0130): the repo's row mapping and
 * the bundle modules' columns both come from here, and the DDL check compares each with the
 * migrated table. Every table that holds a family's data carries `case_id`.
 */
import { z } from 'zod';
import { isoDateSchema, isoDateTimeSchema } from '../../../preload/contract/common';
import {
  deliverySchema,
  registerStateSchema,
  safeHomeAimSchema,
  safeHomeSessionKindSchema,
  withdrawalReasonSchema,
} from '../../../preload/contract/safe-home-records';
import { col, defineRecord, registerRecord, type Column } from '../db/record';

/** A value kept as JSON in one TEXT column, checked against `schema` both ways. */
function json<T>(schema: z.ZodType<T>, what: string): Column<string, T> {
  return {
    stored: z.string().refine((s) => {
      try {
        return schema.safeParse(JSON.parse(s)).success;
      } catch {
        return false;
      }
    }, what),
    fromRow: (v) => schema.parse(JSON.parse(v)),
    toRow: (v) => JSON.stringify(v),
    nullable: false,
  };
}

/** The same, where SQL NULL means "not set" (a session's covered themes: as planned). */
function nullableJson<T>(schema: z.ZodType<T>, what: string): Column<string | null, T | null> {
  const inner = json(schema, what);
  return {
    stored: inner.stored.nullable(),
    fromRow: (v) => (v === null ? null : inner.fromRow(v)),
    toRow: (v) => (v === null ? null : inner.toRow(v)),
    nullable: true,
  };
}

const ids = () => json(z.array(z.uuid()), 'Not a list of record ids.');
const rating = () => col.as(z.int().min(0).max(10).nullable());

export const themeRecord = registerRecord(
  defineRecord({
    table: 'safe_home_themes',
    columns: {
      id: col.uuid(),
      key: col.as(z.string().min(1).max(60).nullable()),
      label: col.text(200, 1),
      aim: col.as(safeHomeAimSchema),
      active: col.bool(),
      position: col.int(1),
      updated_at: col.at(),
      version: col.int(1),
    },
  }),
);

export const runRecord = registerRecord(
  defineRecord({
    table: 'safe_home_runs',
    columns: {
      id: col.uuid(),
      title: col.text(200, 1),
      delivery: col.as(deliverySchema),
      facilitator_ids: ids(),
      start_date: col.as(isoDateSchema),
      planned_sessions: col.as(z.int().min(12).max(15)),
      venue: col.text(200, 1),
      closed_on: col.as(isoDateSchema.nullable()),
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
    table: 'safe_home_sessions',
    columns: {
      id: col.uuid(),
      run_id: col.uuid(),
      kind: col.as(safeHomeSessionKindSchema),
      seq: col.as(z.int().min(1).max(15)),
      session_date: col.as(isoDateSchema),
      theme_ids: ids(),
      covered_theme_ids: nullableJson(z.array(z.uuid()), 'Not a list of theme ids.'),
      for_session_id: col.nullableUuid(),
      for_enrolment_ids: ids(),
      register_taken_at: col.nullableAt(),
      register_taken_by: col.nullableUuid(),
      created_at: col.at(),
      created_by: col.uuid(),
      updated_at: col.at(),
      updated_by: col.uuid(),
      version: col.int(1),
    },
  }),
);

export const groupNoteRecord = registerRecord(
  defineRecord({
    table: 'safe_home_group_notes',
    columns: {
      session_id: col.uuid(),
      run_id: col.uuid(),
      text: col.text(50_000, 1),
      written_at: col.at(),
      written_by: col.uuid(),
      version: col.int(1),
    },
  }),
);

export const enrolmentRecord = registerRecord(
  defineRecord({
    table: 'safe_home_enrolments',
    columns: {
      id: col.uuid(),
      run_id: col.uuid(),
      case_id: col.uuid(),
      person_id: col.uuid(),
      enrolled_on: col.as(isoDateSchema),
      confidence_before: rating(),
      knowledge_before: rating(),
      confidence_after: rating(),
      knowledge_after: rating(),
      withdrawn_on: col.as(isoDateSchema.nullable()),
      withdrawal_reason: col.as(withdrawalReasonSchema.nullable()),
      withdrawal_detail: col.nullableText(2000),
      created_at: col.at(),
      created_by: col.uuid(),
      updated_at: col.at(),
      updated_by: col.uuid(),
      version: col.int(1),
    },
  }),
);

export const goalRecord = registerRecord(
  defineRecord({
    table: 'safe_home_goals',
    columns: {
      id: col.uuid(),
      case_id: col.uuid(),
      enrolment_id: col.uuid(),
      seq: col.as(z.int().min(1).max(3)),
      description: col.text(500, 1),
      baseline_rating: rating(),
      latest_rating: rating(),
      version: col.int(1),
    },
  }),
);

export const registerEntryRecord = registerRecord(
  defineRecord({
    table: 'safe_home_register',
    columns: {
      id: col.uuid(),
      case_id: col.uuid(),
      session_id: col.uuid(),
      enrolment_id: col.uuid(),
      state: col.as(registerStateSchema),
      reason: col.nullableText(2000),
      cancelled_at: col.as(isoDateTimeSchema.nullable()),
      carer_note: col.text(20_000),
      updated_at: col.at(),
      updated_by: col.uuid(),
      version: col.int(1),
    },
  }),
);

export const safetyPlanRecord = registerRecord(
  defineRecord({
    table: 'safe_home_safety_plans',
    columns: {
      id: col.uuid(),
      run_id: col.uuid(),
      case_id: col.uuid(),
      version_date: col.as(isoDateSchema),
      content: col.text(50_000, 1),
      reviewed_in_session_id: col.nullableUuid(),
      created_at: col.at(),
      created_by: col.uuid(),
      updated_at: col.at(),
      updated_by: col.uuid(),
      version: col.int(1),
    },
  }),
);
