/**
 * The stored records of the training module, one definition per table (m0140): the repo's row
 * mapping comes from here, and the DDL check compares each with the migrated table.
 */
import { z } from 'zod';
import { isoDateSchema } from '../../../preload/contract/common';
import {
  materialsVersionSchema,
  trainingDeliverySchema,
  trainingSectorSchema,
  type TrainingMaterialView,
} from '../../../preload/contract/training-records';
import { col, defineRecord, registerRecord, type Column, type ExpectSameView, type SameView } from '../db/record';

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

/**
 * A confidence average stored as whole tenths (65) and viewed as the number (6.5): "one
 * decimal place" is then exact in the table, whatever binary floating point makes of 6.1.
 */
function tenths(): Column<number | null, number | null> {
  return {
    stored: z.int().min(0).max(100).nullable(),
    fromRow: fromTenths,
    toRow: toTenths,
    nullable: true,
  };
}

/** A confidence average (6.5) as the whole tenths the table stores (65). */
export function toTenths(average: number | null): number | null {
  return average === null ? null : Math.round(average * 10);
}

/** Whole tenths from the table (65) as the average they stand for (6.5). */
export function fromTenths(stored: number | null): number | null {
  return stored === null ? null : stored / 10;
}

export const trainingPackageRecord = registerRecord(
  defineRecord({
    table: 'training_packages',
    columns: {
      id: col.uuid(),
      title: col.text(200, 1),
      summary: col.text(4000),
      audience_sectors: json(z.array(trainingSectorSchema), 'Not a list of sectors.'),
      current_materials_version: col.as(materialsVersionSchema),
      created_at: col.at(),
      created_by: col.uuid(),
      updated_at: col.at(),
      updated_by: col.uuid(),
      version: col.int(1),
    },
  }),
);

export const trainingEventRecord = registerRecord(
  defineRecord({
    table: 'training_events',
    columns: {
      id: col.uuid(),
      title: col.text(200, 1),
      package_id: col.uuid(),
      tailoring: col.text(4000),
      organisation: col.text(200, 1),
      sector: col.as(trainingSectorSchema),
      start_date: col.as(isoDateSchema),
      end_date: col.as(isoDateSchema),
      delivery: col.as(trainingDeliverySchema),
      trainer_ids: json(z.array(z.uuid()), 'Not a list of user ids.'),
      co_trainers: col.text(500),
      attendees: col.int(1),
      evaluations_returned: col.as(z.int().min(0).nullable()),
      pre_confidence: tenths(),
      post_confidence: tenths(),
      themes: col.text(4000),
      materials_version: col.as(materialsVersionSchema),
      created_at: col.at(),
      created_by: col.uuid(),
      updated_at: col.at(),
      updated_by: col.uuid(),
      removed_at: col.nullableAt(),
      removed_by: col.nullableUuid(),
      removed_reason: col.nullableText(1000),
      version: col.int(1),
    },
  }),
);

export const trainingMaterialRecord = registerRecord(
  defineRecord({
    table: 'training_materials',
    columns: {
      id: col.uuid(),
      package_id: col.uuid(),
      materials_version: col.as(materialsVersionSchema),
      title: col.text(300, 1),
      original_filename: col.text(500, 1),
      media_type: col.text(200, 1),
      size_bytes: col.int(0),
      sha256: col.as(z.string().regex(/^[0-9a-f]{64}$/)),
      blob_format: col.int(1),
      chunk_size: col.int(1),
      uploaded_by: col.uuid(),
      uploaded_at: col.at(),
      version: col.int(1),
    },
  }),
);

/** A material as the repo reads it: the row plus the uploader's name (joined from `users`). */
export type MaterialWithUploader = Parameters<typeof trainingMaterialRecord.toView>[0] & {
  uploaded_by_name: string | null;
};

const materialFields = trainingMaterialRecord.viewWithout(['blob_format', 'chunk_size', 'version']);
export function toMaterialView(row: MaterialWithUploader): TrainingMaterialView {
  return { ...materialFields(row), uploadedByName: row.uploaded_by_name ?? 'Unknown user' };
}

export type TrainingMaterialViewMatchesRecord = ExpectSameView<
  SameView<ReturnType<typeof materialFields> & { uploadedByName: string }, TrainingMaterialView>
>;
