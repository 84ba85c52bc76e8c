/**
 * SQL for the training tables (m0140). Column lists and INSERT/UPDATE statements come from the
 * records (`training.records.ts`); names of trainers and uploaders are joined from `users`.
 */
import type {
  TrainingEventView,
  TrainingMaterialView,
  TrainingPackageView,
} from '../../../preload/contract/training-records';
import type { Db } from '../db/connection';
import type { ExpectSameView, RowOf, SameView } from '../db/record';
import { stmt } from '../db/statements';
import {
  toMaterialView,
  trainingEventRecord,
  trainingMaterialRecord,
  trainingPackageRecord,
  type MaterialWithUploader,
} from './training.records';

type PackageRow = RowOf<typeof trainingPackageRecord.columns>;
type EventRow = RowOf<typeof trainingEventRecord.columns>;
type MaterialRow = RowOf<typeof trainingMaterialRecord.columns>;

const packageFields = trainingPackageRecord.viewWithout(['created_by', 'updated_by']);
const eventFields = trainingEventRecord.viewWithout([
  'created_by',
  'updated_by',
  'removed_at',
  'removed_by',
  'removed_reason',
]);

export function insertPackage(db: Db, row: Omit<PackageRow, 'version'>): void {
  stmt(db, trainingPackageRecord.insertSql(trainingPackageRecord.except(['version']))).run(row);
}

const PACKAGE_CHANGES = [
  'title',
  'summary',
  'audience_sectors',
  'current_materials_version',
  'updated_at',
  'updated_by',
] as const;

/** Returns false when the package is not at `expected_version` (someone changed it first). */
export function updatePackageRow(
  db: Db,
  row: Pick<PackageRow, 'id' | (typeof PACKAGE_CHANGES)[number]> & { expected_version: number },
): boolean {
  return stmt(db, trainingPackageRecord.updateSql(PACKAGE_CHANGES)).run(row).changes === 1;
}

function materialsOf(db: Db, packageId: string | null): TrainingMaterialView[] {
  const where = packageId === null ? '' : 'WHERE m.package_id = @packageId';
  const rows = stmt(
    db,
    `SELECT ${trainingMaterialRecord.select('m')}, u.display_name AS uploaded_by_name
       FROM training_materials m LEFT JOIN users u ON u.id = m.uploaded_by
       ${where}
      ORDER BY m.materials_version DESC, m.title, m.id`,
  ).all(packageId === null ? {} : { packageId }) as MaterialWithUploader[];
  return rows.map(toMaterialView);
}

function packageViews(db: Db, rows: (PackageRow & { event_count: number })[]): TrainingPackageView[] {
  const materials = materialsOf(db, rows.length === 1 ? (rows[0]?.id ?? null) : null);
  return rows.map((r) => ({
    ...packageFields(r),
    eventCount: r.event_count,
    materials: materials.filter((m) => m.packageId === r.id),
  }));
}

const PACKAGE_SELECT = `SELECT ${trainingPackageRecord.select('p')},
    (SELECT count(*) FROM training_events e WHERE e.package_id = p.id AND e.removed_at IS NULL) AS event_count
  FROM training_packages p`;

/** Every package by title (there are tens, not thousands), each with its materials. */
export function listPackages(db: Db): TrainingPackageView[] {
  const rows = stmt(db, `${PACKAGE_SELECT} ORDER BY p.title COLLATE NOCASE, p.id`).all() as (PackageRow & {
    event_count: number;
  })[];
  return packageViews(db, rows);
}

export function findPackage(db: Db, id: string): TrainingPackageView | null {
  const row = stmt(db, `${PACKAGE_SELECT} WHERE p.id = ?`).get(id) as
    (PackageRow & { event_count: number }) | undefined;
  return row ? (packageViews(db, [row])[0] ?? null) : null;
}

/** The highest materials version an event (not removed) of the package used, or 0. */
export function highestUsedVersion(db: Db, packageId: string): number {
  const row = stmt(
    db,
    'SELECT max(materials_version) AS v FROM training_events WHERE package_id = ? AND removed_at IS NULL',
  ).get(packageId) as { v: number | null };
  return row.v ?? 0;
}

// ---------------------------------------------------------------------------------------------
// Events

export function insertEvent(
  db: Db,
  row: Omit<EventRow, 'version' | 'removed_at' | 'removed_by' | 'removed_reason'>,
): void {
  stmt(
    db,
    trainingEventRecord.insertSql(
      trainingEventRecord.except(['version', 'removed_at', 'removed_by', 'removed_reason']),
    ),
  ).run(row);
}

const EVENT_CHANGES = trainingEventRecord.except([
  'id',
  'created_at',
  'created_by',
  'removed_at',
  'removed_by',
  'removed_reason',
  'version',
]);

/** Returns false when the event is removed or not at `expected_version`. */
export function updateEventRow(
  db: Db,
  row: Omit<EventRow, 'version' | 'created_at' | 'created_by' | 'removed_at' | 'removed_by' | 'removed_reason'> & {
    expected_version: number;
  },
): boolean {
  const sql = trainingEventRecord.updateSql(
    EVENT_CHANGES,
    'id = @id AND version = @expected_version AND removed_at IS NULL',
  );
  return stmt(db, sql).run(row).changes === 1;
}

export function removeEventRow(
  db: Db,
  row: { id: string; expected_version: number; removed_at: string; removed_by: string; removed_reason: string },
): boolean {
  const sql = trainingEventRecord.updateSql(
    ['removed_at', 'removed_by', 'removed_reason'],
    'id = @id AND version = @expected_version AND removed_at IS NULL',
  );
  return stmt(db, sql).run(row).changes === 1;
}

/** An event that is not removed, with its package's title and its trainers' names. */
export function findEvent(db: Db, id: string): TrainingEventView | null {
  const row = stmt(
    db,
    `SELECT ${trainingEventRecord.select('e')}, p.title AS package_title
       FROM training_events e JOIN training_packages p ON p.id = e.package_id
      WHERE e.id = ? AND e.removed_at IS NULL`,
  ).get(id) as (EventRow & { package_title: string }) | undefined;
  if (!row) return null;
  const fields = eventFields(row);
  return { ...fields, packageTitle: row.package_title, trainerNames: fields.trainerIds.map((u) => userName(db, u)) };
}

/** An event's version even when removed, so a second removal can say it is already gone. */
export function eventState(db: Db, id: string): { removed: boolean } | null {
  const row = stmt(db, 'SELECT removed_at FROM training_events WHERE id = ?').get(id) as
    { removed_at: string | null } | undefined;
  return row ? { removed: row.removed_at !== null } : null;
}

export function userName(db: Db, userId: string): string {
  const row = stmt(db, 'SELECT display_name AS n FROM users WHERE id = ?').get(userId) as { n: string } | undefined;
  return row?.n ?? 'Unknown user';
}

// ---------------------------------------------------------------------------------------------
// Materials

export function insertMaterial(db: Db, row: Omit<MaterialRow, 'version'>): void {
  stmt(db, trainingMaterialRecord.insertSql(trainingMaterialRecord.except(['version']))).run(row);
}

export function findMaterial(db: Db, id: string): TrainingMaterialView | null {
  const row = stmt(
    db,
    `SELECT ${trainingMaterialRecord.select('m')}, u.display_name AS uploaded_by_name
       FROM training_materials m LEFT JOIN users u ON u.id = m.uploaded_by WHERE m.id = ?`,
  ).get(id) as MaterialWithUploader | undefined;
  return row ? toMaterialView(row) : null;
}

type PackageViewFields = ReturnType<typeof packageFields> & Pick<TrainingPackageView, 'eventCount' | 'materials'>;
type EventViewFields = ReturnType<typeof eventFields> & Pick<TrainingEventView, 'packageTitle' | 'trainerNames'>;
export type TrainingPackageViewMatchesRecord = ExpectSameView<SameView<PackageViewFields, TrainingPackageView>>;
export type TrainingEventViewMatchesRecord = ExpectSameView<SameView<EventViewFields, TrainingEventView>>;
