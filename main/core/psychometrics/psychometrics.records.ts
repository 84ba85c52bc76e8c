/**
 * The two stored records of psychometrics, defined once (main/core/db/record.ts): the repo's
 * row mapping and the bundle module's columns are derived from these. The scales and scores are
 * JSON columns, checked with the contract's own schemas when imported and when read back (the
 * scales once per distinct copy, the scores by a cheap shape check: see `jsonColumn`).
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

/** How a JSON column checks what it reads back (a bundle import is always checked with zod). */
interface JsonColumnOptions<T> {
  maxChars?: number;
  /** Check each distinct text with zod once and share the frozen result (see `memoised`). */
  memo?: boolean;
  /** A cheap shape check on read instead of zod, for a small value that differs on every row. */
  readGuard?: (value: unknown) => value is T;
}

/**
 * A JSON column: stored as text that must parse and pass `schema`, viewed as the parsed value.
 * A stored value that does not parse is refused by the stored schema (a bundle import) and
 * throws on read (a corrupt row should fail loudly, not show as empty).
 */
function jsonColumn<T>(schema: z.ZodType<T>, options: JsonColumnOptions<T> = {}): Column<string, T> {
  const { maxChars = 200_000, memo = false, readGuard } = options;
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
  const parse = (text: string): T => {
    const value: unknown = JSON.parse(text);
    if (!readGuard) return schema.parse(value);
    if (!readGuard(value)) throw new Error('A stored psychometrics value is not valid data.');
    return value;
  };
  return {
    stored,
    fromRow: memo ? memoised(parse) : parse,
    toRow: (value) => JSON.stringify(value),
    nullable: false,
  };
}

/** The most distinct texts a memoised column remembers (the catalogue has a few dozen entries). */
const MEMO_SIZE = 128;

/** Freeze a parsed value all the way down, so rows sharing one memoised copy cannot change it. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * Parse each distinct text once. Every administration copies its instrument's scales, so a
 * case's list holds a handful of identical texts; checking the same scales and bands with zod on
 * every row was most of the Psychometrics tab's time on a long case (`psychometrics_case_ms`).
 * A text is still checked in full the first time it is seen, then shared, frozen.
 */
function memoised<T>(parse: (text: string) => T): (text: string) => T {
  const seen = new Map<string, T>();
  return (text) => {
    const hit = seen.get(text);
    if (hit !== undefined) return hit;
    const value = deepFreeze(parse(text));
    if (seen.size >= MEMO_SIZE) seen.delete(seen.keys().next().value as string);
    seen.set(text, value);
    return value;
  };
}

type StoredScore = z.infer<typeof scoreEntrySchema>;

/** The read-side check of the scores: what zod would check of their shape, without its cost per row. */
function isScoreList(value: unknown): value is StoredScore[] {
  return (
    Array.isArray(value) &&
    value.length >= 1 &&
    value.length <= 40 &&
    value.every(
      (e: unknown) =>
        typeof e === 'object' &&
        e !== null &&
        typeof (e as StoredScore).scaleKey === 'string' &&
        ((e as StoredScore).score === null || Number.isFinite((e as StoredScore).score)),
    )
  );
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
      scales: jsonColumn(storedScales, { memo: true }),
      scores: jsonColumn(storedScores, { maxChars: 20_000, readGuard: isScoreList }),
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
