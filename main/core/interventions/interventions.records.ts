/**
 * The stored records of the interventions module, one definition per table: the repo's row
 * mapping and the bundle modules' columns both come from here, and the DDL check compares each
 * with the migrated table (m0120).
 */
import { z } from 'zod';
import { isoDateSchema } from '../../../preload/contract/common';
import {
  attendanceSchema,
  closureReasonSchema,
  goalAreaSchema,
  networkCareSchema,
  planTypeSchema,
  sessionTypeSchema,
  startTimeSchema,
  venueSchema,
} from '../../../preload/contract/intervention-records';
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

const ids = () => json(z.array(z.uuid()), 'Not a list of record ids.');

export const planRecord = registerRecord(
  defineRecord({
    table: 'intervention_plans',
    columns: {
      id: col.uuid(),
      case_id: col.uuid(),
      plan_type: col.as(planTypeSchema),
      start_date: col.as(isoDateSchema),
      clinician_ids: ids(),
      network_care: json(z.array(networkCareSchema), 'Not a list of agencies and their care.'),
      state: col.as(z.enum(['active', 'closed'])),
      closed_on: col.as(isoDateSchema.nullable()),
      closure_reason: col.as(closureReasonSchema.nullable()),
      closing_summary: col.nullableText(20_000),
      closing_recommendations: col.nullableText(20_000),
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
    table: 'intervention_goals',
    columns: {
      id: col.uuid(),
      case_id: col.uuid(),
      plan_id: col.uuid(),
      seq: col.as(z.int().min(1).max(3)),
      area: col.as(goalAreaSchema),
      description: col.text(500, 1),
      version: col.int(1),
    },
  }),
);

export const ratingRecord = registerRecord(
  defineRecord({
    table: 'intervention_goal_ratings',
    columns: {
      id: col.uuid(),
      case_id: col.uuid(),
      goal_id: col.uuid(),
      session_id: col.nullableUuid(),
      rated_on: col.as(isoDateSchema),
      rating: col.as(z.int().min(0).max(10)),
      version: col.int(1),
    },
  }),
);

export const reviewRecord = registerRecord(
  defineRecord({
    table: 'intervention_reviews',
    columns: {
      id: col.uuid(),
      case_id: col.uuid(),
      plan_id: col.uuid(),
      review_date: col.as(isoDateSchema),
      attendees: col.text(2000, 1),
      progress: col.text(20_000, 1),
      changes: col.text(20_000),
      recommendations: col.text(20_000),
      created_at: col.at(),
      created_by: col.uuid(),
      version: col.int(1),
    },
  }),
);

export const sessionRecord = registerRecord(
  defineRecord({
    table: 'intervention_sessions',
    columns: {
      id: col.uuid(),
      case_id: col.uuid(),
      plan_id: col.uuid(),
      session_date: col.as(isoDateSchema),
      start_time: col.as(startTimeSchema),
      duration_minutes: col.as(z.int().min(5).max(480)),
      session_type: col.as(sessionTypeSchema),
      attendees: col.text(2000),
      venue: col.as(venueSchema),
      attendance: col.as(attendanceSchema),
      attendance_reason: col.nullableText(2000),
      goal_ids: ids(),
      content: col.text(50_000),
      observations: col.text(50_000),
      next_steps: col.text(10_000),
      created_at: col.at(),
      created_by: col.uuid(),
      updated_at: col.at(),
      updated_by: col.uuid(),
      version: col.int(1),
    },
  }),
);

export const concernRecord = registerRecord(
  defineRecord({
    table: 'intervention_concerns',
    columns: {
      id: col.uuid(),
      case_id: col.uuid(),
      session_id: col.uuid(),
      description: col.text(10_000, 1),
      action_taken: col.text(10_000, 1),
      informed_person_ids: ids(),
      informed_at: col.at(),
      flag_id: col.uuid(),
      task_id: col.uuid(),
      created_at: col.at(),
      created_by: col.uuid(),
      version: col.int(1),
    },
  }),
);
