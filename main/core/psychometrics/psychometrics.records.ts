/**
 * The two stored records of psychometrics, defined once (main/core/db/record.ts): the repo's
 * row mapping and the bundle module's columns are derived from these. The scales and scores are
 * JSON columns, checked with the contract's own schemas when read back or imported.
 */
import { z } from 'zod';
import { isoDateSchema } from '../../../preload/contract/case-records';
import {
  respondentTypeSchema,
  scaleDefinitionSchema,
  scoreEntrySchema,
  type ScaleDefinition,
} from '../../../preload/contract/psychometrics';
import { col, defineRecord, registerRecord, type Column } from '../db/record';

/**
 * A JSON column: stored as text that must parse and pass `schema`, viewed as the parsed value.
 * A stored value that does not parse is refused by the stored schema (a bundle import) and
 * throws on read (a corrupt row should fail loudly, not show as empty).
 */
function jsonColumn<T>(schema: z.ZodType<T>, maxChars = 200_000): Column<string, T> {
  const stored = z
    .string()
    .max(maxChars)
    .refine((text) => {
      try {
        return schema.safeParse(JSON.parse(text)).success;
      } catch {
        return false;
      }
    }, 'Not valid stored data.');
  return {
    stored,
    fromRow: (text) => schema.parse(JSON.parse(text)),
    toRow: (value) => JSON.stringify(value),
    nullable: false,
  };
}

/** Stored scales: each valid on its own; the set checked again (keys, count) by the service. */
const storedScales = z.array(scaleDefinitionSchema).min(1).max(40) as z.ZodType<ScaleDefinition[]>;
const storedScores = z.array(scoreEntrySchema).min(1).max(40);

export const instrumentRecord = registerRecord(
  defineRecord({
    table: 'psychometric_instruments',
    columns: {
      id: col.uuid(),
      name: col.text(100, 1),
      respondent: col.as(respondentTypeSchema),
      version_label: col.text(60),
      scales: jsonColumn(storedScales),
      retired: col.bool(),
      created_at: col.at(),
      updated_at: col.at(),
      updated_by: col.nullableUuid(),
      version: col.int(1),
    },
  }),
);

export const administrationRecord = registerRecord(
  defineRecord({
    table: 'psychometric_administrations',
    columns: {
      id: col.uuid(),
      case_id: col.uuid(),
      administered_on: col.as(isoDateSchema),
      instrument_id: col.nullableUuid(),
      instrument_name: col.text(100, 1),
      instrument_version: col.text(60),
      respondent_type: col.as(respondentTypeSchema),
      respondent_person_id: col.nullableUuid(),
      respondent_name: col.nullableText(200),
      administered_by: col.uuid(),
      scales: jsonColumn(storedScales),
      scores: jsonColumn(storedScores, 20_000),
      summary: col.text(300),
      notes: col.nullableText(2000),
      created_at: col.at(),
      updated_at: col.at(),
      updated_by: col.uuid(),
      version: col.int(1),
    },
  }),
);

export type InstrumentRow = Parameters<typeof instrumentRecord.toView>[0];
export type InstrumentRecordView = ReturnType<typeof instrumentRecord.toView>;
export type AdministrationRow = Parameters<typeof administrationRecord.toView>[0];
export type AdministrationRecordView = ReturnType<typeof administrationRecord.toView>;
