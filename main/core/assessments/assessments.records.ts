/**
 * The assessment module's stored records, one definition each (`db/record.ts`): the repo's row
 * mapping and the bundle module's columns both come from here, and the record test checks each
 * against the table migration 90 built.
 */
import { z } from 'zod';
import {
  AIM3_LEVELS,
  ASSESSMENT_STAGES,
  ASSESSMENT_STATES,
  ERASOR_RATINGS,
  RECOMMENDATION_GROUPS,
  RISK_LEVELS,
} from '../../../preload/contract/assessment-records';
import { BROOK_COLOURS, BROOK_VERSION_IDS, HACKETT_LEVELS } from '../../../preload/contract/hsb-frameworks';
import { isoDateSchema } from '../../../preload/contract/case-records';
import { col, defineRecord, registerRecord } from '../db/record';

const date = () => col.as(isoDateSchema);
const nullableDate = () => col.as(isoDateSchema.nullable());
const nullableEnum = <T extends readonly [string, ...string[]]>(values: T) => col.as(z.enum(values).nullable());

export const assessmentRecord = registerRecord(
  defineRecord({
    table: 'assessments',
    columns: {
      id: col.uuid(),
      case_id: col.uuid(),
      state: col.as(z.enum(ASSESSMENT_STATES)),
      stage_reached: nullableEnum(ASSESSMENT_STAGES),
      report_sent_date: nullableDate(),
      risk_to_others: nullableEnum(RISK_LEVELS),
      risk_to_others_rationale: col.nullableText(),
      risk_to_self: nullableEnum(RISK_LEVELS),
      risk_to_self_rationale: col.nullableText(),
      risk_from_others: nullableEnum(RISK_LEVELS),
      risk_from_others_rationale: col.nullableText(),
      protective_factors: col.nullableText(),
      need_developmental: col.nullableText(),
      need_family: col.nullableText(),
      need_education: col.nullableText(),
      need_emotional: col.nullableText(),
      need_relationships: col.nullableText(),
      aim3_concern: nullableEnum(AIM3_LEVELS),
      aim3_supervision: nullableEnum(AIM3_LEVELS),
      erasor_overall: nullableEnum(ERASOR_RATINGS),
      jsoap_percent: col.as(z.int().min(0).max(100).nullable()),
      formulation: col.nullableText(),
      opened_at: col.at(),
      opened_by: col.uuid(),
      updated_at: col.at(),
      updated_by: col.uuid(),
      version: col.int(1),
    },
  }),
);

export const stageRecord = registerRecord(
  defineRecord({
    table: 'assessment_stages',
    columns: {
      id: col.uuid(),
      assessment_id: col.uuid(),
      case_id: col.uuid(),
      stage: col.as(z.enum(ASSESSMENT_STAGES)),
      seq: col.int(0),
      subject_person_id: col.nullableUuid(),
      subject_label: col.nullableText(200),
      planned_date: nullableDate(),
      actual_date: nullableDate(),
      owner_id: col.nullableUuid(),
      updated_at: col.at(),
      updated_by: col.uuid(),
      version: col.int(1),
    },
  }),
);

export const behaviourRecord = registerRecord(
  defineRecord({
    table: 'assessment_behaviours',
    columns: {
      id: col.uuid(),
      assessment_id: col.uuid(),
      case_id: col.uuid(),
      occurred_on: date(),
      description: col.text(5000, 1),
      setting: col.text(500, 1),
      harmed: col.nullableText(1000),
      third_party: col.bool(),
      hackett: col.as(z.enum(HACKETT_LEVELS)),
      brook_version: nullableEnum(BROOK_VERSION_IDS),
      brook_band: col.nullableText(20),
      brook_colour: nullableEnum(BROOK_COLOURS),
      created_at: col.at(),
      created_by: col.uuid(),
      updated_at: col.at(),
      updated_by: col.uuid(),
      version: col.int(1),
    },
  }),
);

export const recommendationRecord = registerRecord(
  defineRecord({
    table: 'assessment_recommendations',
    columns: {
      id: col.uuid(),
      assessment_id: col.uuid(),
      case_id: col.uuid(),
      grp: col.as(z.enum(RECOMMENDATION_GROUPS)),
      text: col.text(5000, 1),
      owner: col.text(200, 1),
      timescale: col.text(200, 1),
      created_at: col.at(),
      updated_at: col.at(),
      updated_by: col.uuid(),
      version: col.int(1),
    },
  }),
);

export type AssessmentRow = Parameters<typeof assessmentRecord.toView>[0];
export type StageRow = Parameters<typeof stageRecord.toView>[0];
export type BehaviourRow = Parameters<typeof behaviourRecord.toView>[0];
export type RecommendationRow = Parameters<typeof recommendationRecord.toView>[0];
