/**
 * A bundle module for one table whose rows have a TEXT uuid `id`, a `case_id` and a `version`:
 * records are the rows as stored (column names as keys), checked by a zod row schema built from
 * the contract's field schemas, and applied by id. Local-only columns (an INTEGER rowid such as
 * notes.seq) are left out; `caseSql` lets a child table reach its case through its parent.
 */
import { z } from 'zod';
import type { Db } from '../../db/connection';
import type { BundleModule, BundleRecord, CollectOptions, SummarySection } from '../registry';

export type Row = BundleRecord & Record<string, unknown>;

export interface TableModuleSpec {
  name: string;
  table: string;
  schemaVersion: number;
  /** Column schemas, excluding id, version and case_id (added here). */
  columns: Record<string, z.ZodType>;
  after?: readonly string[];
  /** SQL selecting the rows of case `?`, when the table has no case_id column of its own. */
  caseSql?: string;
  /** Rows left out unless third-party-sensitive content was chosen. */
  sensitive?: (row: Row) => boolean;
  summarise?: (rows: readonly Row[]) => SummarySection[];
  order?: string;
  /** The table has no version column: every row is version 1 and never changes once written. */
  immutable?: boolean;
  /** Rows never change once written (history): an existing one is left alone. */
  insertOnly?: boolean;
  /** See `BundleModule.lockedBy`: why the local row may not be changed by a bundle. */
  lockedBy?: (db: Db, incoming: Row) => string | null;
}

const ident = /^[a-z_][a-z0-9_]*$/;

export function tableModule(spec: TableModuleSpec): BundleModule<Row> {
  const names = Object.keys(spec.columns);
  for (const n of [spec.table, ...names]) if (!ident.test(n)) throw new Error(`bad identifier ${n}`);
  const hasCaseColumn = spec.caseSql === undefined;
  const shape = { id: z.uuid(), version: z.int().min(1), case_id: z.uuid(), ...spec.columns };
  const schema = z.object(shape).strict() as unknown as z.ZodType<Row>;
  const stored = hasCaseColumn ? ['case_id', ...names] : names;
  const cols = spec.immutable ? ['id', ...stored] : ['id', 'version', ...stored];
  const selectList = [
    ...cols.map((c) => `t.${c}`),
    ...(spec.immutable ? ['1 AS version'] : []),
    ...(hasCaseColumn ? [] : ['x.case_id']),
  ].join(', ');
  const from = hasCaseColumn ? `${spec.table} t` : `${spec.table} t JOIN (${spec.caseSql}) x ON x.id = t.id`;
  const order = spec.order ?? 't.id';
  return {
    name: spec.name,
    ...(spec.immutable || spec.insertOnly ? { insertOnly: true } : {}),
    schemaVersion: spec.schemaVersion,
    schema,
    ...(spec.after ? { after: spec.after } : {}),
    collect(db: Db, caseId: string, options: CollectOptions) {
      const where = hasCaseColumn ? 't.case_id = ?' : 'x.case_id = ?';
      const rows = db
        .prepare(`SELECT ${selectList} FROM ${from} WHERE ${where} ORDER BY ${order}`)
        .all(caseId) as Row[];
      return rows.filter((r) => options.includeThirdPartySensitive || !spec.sensitive?.(r));
    },
    get(db: Db, id: string) {
      return (db.prepare(`SELECT ${selectList} FROM ${from} WHERE t.id = ?`).get(id) as Row | undefined) ?? null;
    },
    belongsTo: (record, caseId) => record.case_id === caseId,
    ...(spec.lockedBy ? { lockedBy: spec.lockedBy } : {}),
    insert(db, record) {
      db.prepare(`INSERT INTO ${spec.table} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(
        pick(record, cols),
      );
    },
    update(db, record) {
      const set = cols
        .filter((c) => c !== 'id')
        .map((c) => `${c} = @${c}`)
        .join(', ');
      db.prepare(`UPDATE ${spec.table} SET ${set} WHERE id = @id`).run(pick(record, cols));
    },
    ...(spec.summarise ? { summarise: spec.summarise } : {}),
  };
}

function pick(record: Row, cols: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const c of cols) out[c] = record[c] ?? null;
  return out;
}

/** Column-schema helpers: SQLite keeps booleans as 0/1 and optional text as NULL. */
export const bit = z.union([z.literal(0), z.literal(1)]);
export const text = (max = 20_000) => z.string().max(max);
export const nullableText = (max = 20_000) => text(max).nullable();
export const userRef = z.uuid();
