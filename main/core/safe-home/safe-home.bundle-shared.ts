/**
 * Bundle modules for Safe Home's shared rows: a run, its sessions and their group notes belong to
 * the group, not to one case, so they have no `case_id` and a table module (which selects and
 * checks by it) cannot carry them. A shared module carries the rows a case's bundle may hold
 * (`carried`: SQL of their keys for `@caseId`, always reached through that family's own rows),
 * keyed by id, with the record's stored schemas, and applies them by id: a run already on the
 * receiving laptop is merged (updated or kept as a conflict by version, like every record);
 * one that is not is created with only what came.
 *
 * The record carries no case, so that the copy of a run in case A's bundle and in case B's is
 * the same record with the same content hash on both laptops (a case column would make every
 * import of the other family look like a change). `belongsTo` therefore accepts any: what a
 * shared row can say is the group's (a title, dates, themes, a note that names no family).
 */
import { z } from 'zod';
import type { Db } from '../db/connection';
import type { Columns, RecordDef } from '../db/record';
import type { BundleModule, BundleRecord, SummarySection } from '../bundles/registry';

export type SharedRow = BundleRecord & Record<string, unknown>;

export interface SharedModuleSpec<C extends Columns> {
  name: string;
  schemaVersion: number;
  after?: readonly string[];
  def: RecordDef<C>;
  /** The primary-key column, carried as the record's `id`. */
  key: keyof C & string;
  /** Columns that stay in this vault; `insertDefaults` gives their value on a new row. */
  leaveOut?: readonly (keyof C & string)[];
  insertDefaults?: Record<string, unknown>;
  /** SELECT of the keys of the rows a bundle of case `@caseId` carries. */
  carried: string;
  order: string;
  summarise?: (rows: readonly SharedRow[]) => SummarySection[];
}

export function sharedModule<C extends Columns>(spec: SharedModuleSpec<C>): BundleModule<SharedRow> {
  const { def, key } = spec;
  const leaveOut = spec.leaveOut ?? [];
  const columns = def.storedSchemas([key, 'version', ...leaveOut]);
  const names = Object.keys(columns);
  const schema = z
    .object({ id: z.uuid(), version: z.int().min(1), ...columns })
    .strict() as unknown as z.ZodType<SharedRow>;
  const selectList = [`t.${key} AS id`, 't.version', ...names.map((n) => `t.${n}`)].join(', ');
  const defaults = spec.insertDefaults ?? {};
  const inserted = [key, 'version', ...names, ...Object.keys(defaults)];
  return {
    name: spec.name,
    schemaVersion: spec.schemaVersion,
    schema,
    ...(spec.after ? { after: spec.after } : {}),
    collect: (db: Db, caseId: string) =>
      db
        .prepare(`SELECT ${selectList} FROM ${def.table} t WHERE t.${key} IN (${spec.carried}) ORDER BY ${spec.order}`)
        .all({ caseId }) as SharedRow[],
    get: (db: Db, id: string) =>
      (db.prepare(`SELECT ${selectList} FROM ${def.table} t WHERE t.${key} = ?`).get(id) as SharedRow | undefined) ??
      null,
    belongsTo: () => true,
    insert(db, record) {
      db.prepare(
        `INSERT INTO ${def.table} (${inserted.join(', ')}) VALUES (${inserted.map((c) => `@${c}`).join(', ')})`,
      ).run({ ...pick(record, names), ...defaults, [key]: record.id, version: record.version });
    },
    update(db, record) {
      const set = ['version', ...names].map((c) => `${c} = @${c}`).join(', ');
      db.prepare(`UPDATE ${def.table} SET ${set} WHERE ${key} = @id`).run({
        ...pick(record, names),
        id: record.id,
        version: record.version,
      });
    },
    ...(spec.summarise ? { summarise: spec.summarise } : {}),
  };
}

function pick(record: SharedRow, cols: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const c of cols) out[c] = record[c] ?? null;
  return out;
}
