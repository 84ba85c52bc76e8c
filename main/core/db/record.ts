/**
 * One definition of a stored record: its table and, per column, the stored value's schema and
 * how it maps to the contract's view. The repo's row mapping (`toView`, `toRow`, column lists,
 * INSERT/UPDATE statements) and the bundle module's columns are derived from it, and a test
 * checks each definition against the table the migrations actually built (`PRAGMA table_info`),
 * so a column added to the DDL but not here (or here but not in the DDL) fails the suite.
 *
 * Column keys are the SQL names (snake_case); view keys are their camelCase (`third_party` ->
 * `thirdParty`), worked out in the types as well, so a view built from a record is checked
 * against the contract's view type by the compiler (`ViewOf`).
 */
import { z } from 'zod';
import type { Db } from './connection';

/** A column: the schema of the value as SQLite stores it, and the mapping to the view's value. */
export interface Column<Stored, Viewed> {
  readonly stored: z.ZodType<Stored>;
  fromRow(value: Stored): Viewed;
  toRow(value: Viewed): Stored;
  /** SQL NULL is allowed (checked against the DDL's NOT NULL). */
  readonly nullable: boolean;
}

const same = <T>(v: T): T => v;

/** A column stored exactly as the view holds it (text, enums, ISO dates, integers). */
export function as<T>(schema: z.ZodType<T>): Column<T, T> {
  return { stored: schema, fromRow: same, toRow: same, nullable: schema.safeParse(null).success };
}

/** SQLite's booleans: 0 or 1 stored, true or false viewed. */
const bit = z.union([z.literal(0), z.literal(1)]);

export const col = {
  as,
  text: (max = 20_000, min = 0) => as(z.string().min(min).max(max)),
  nullableText: (max = 20_000) => as(z.string().max(max).nullable()),
  /** A timestamp as the app writes it (ISO 8601 with time). */
  at: () => as(z.string().min(10).max(40)),
  nullableAt: () => as(z.string().min(10).max(40).nullable()),
  uuid: () => as(z.uuid()),
  nullableUuid: () => as(z.uuid().nullable()),
  int: (min = 0) => as(z.int().min(min)),
  bool: (): Column<0 | 1, boolean> => ({
    stored: bit,
    fromRow: (v) => v === 1,
    toRow: (v) => (v ? 1 : 0),
    nullable: false,
  }),
  /** Yes, no or not recorded. */
  nullableBool: (): Column<0 | 1 | null, boolean | null> => ({
    stored: bit.nullable(),
    fromRow: (v) => (v === null ? null : v === 1),
    toRow: (v) => (v === null ? null : v ? 1 : 0),
    nullable: true,
  }),
};

// ---------------------------------------------------------------------------------------------
// Type-level naming: snake_case column names to camelCase view keys.

export type Camel<S extends string> = S extends `${infer H}_${infer T}` ? `${H}${Capitalize<Camel<T>>}` : S;

export type Columns = Record<string, Column<unknown, unknown>>;

type StoredOf<C> = C extends Column<infer S, unknown> ? S : never;
type ViewedOf<C> = C extends Column<unknown, infer V> ? V : never;

/** Each column's stored-value schema, keyed by column name, without the columns in `O`. */
export type StoredSchemas<C extends Columns, O extends string = never> = {
  [K in Exclude<keyof C & string, O>]: z.ZodType<StoredOf<C[K]>>;
};

/** The row as SQLite returns it. */
export type RowOf<C extends Columns> = { [K in keyof C & string]: StoredOf<C[K]> };
/** The record as the contract's views name it. */
export type ViewOf<C extends Columns> = { [K in keyof C & string as Camel<K>]: ViewedOf<C[K]> };

// ---------------------------------------------------------------------------------------------
// Compile-time check of a derived view against the contract's view type.

type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/** The fields two object types disagree on: present on one side only, or typed differently. */
export type FieldsThatDiffer<A, B> = {
  [K in keyof A | keyof B]: K extends keyof A
    ? K extends keyof B
      ? Same<A[K], B[K]> extends true
        ? never
        : K
      : K
    : K;
}[keyof A | keyof B];

/**
 * `true` when a record's derived view has exactly the contract view's fields and types;
 * otherwise `{ fieldsThatDiffer: ... }` naming them, which `ExpectSameView` reports as the
 * compile error: `export type Check = ExpectSameView<SameView<Derived, PersonView>>`.
 */
export type SameView<Derived, Contract> = [FieldsThatDiffer<Derived, Contract>] extends [never]
  ? true
  : { fieldsThatDiffer: FieldsThatDiffer<Derived, Contract> };
export type ExpectSameView<T extends true> = T;

export function camel(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

const identifier = /^[a-z_][a-z0-9_]*$/;

export interface RecordSpec<C extends Columns> {
  table: string;
  columns: C;
  /** Columns in the table that belong to this machine only and never leave it (an INTEGER
   *  rowid such as `notes.seq`): allowed by the DDL check, never mapped or carried. */
  localOnly?: readonly string[];
}

export interface RecordDef<C extends Columns> {
  readonly table: string;
  readonly columns: C;
  readonly names: readonly (keyof C & string)[];
  readonly localOnly: readonly string[];
  /** Row to view, every column. */
  toView(row: RowOf<C>): ViewOf<C>;
  /**
   * A row-to-view mapper that leaves out the given columns (the audit columns, or the case a
   * record belongs to, that the contract's view does not show).
   */
  viewWithout<O extends keyof C & string>(omit: readonly O[]): (row: RowOf<C>) => Omit<ViewOf<C>, Camel<O>>;
  /** The column names without the given ones, in the definition's order. */
  except(omit: readonly (keyof C & string)[]): (keyof C & string)[];
  /** The fields present in a view (or part of one) as named SQL parameters, keyed by column name. */
  toRow(view: Partial<ViewOf<C>>): Partial<RowOf<C>>;
  /** `a.col, a.col2 ...` for a SELECT. */
  select(alias?: string): string;
  /** `INSERT INTO t (cols) VALUES (@cols)` over the given columns (all by default). */
  insertSql(only?: readonly (keyof C & string)[]): string;
  /**
   * `UPDATE t SET col = @col, ... WHERE <where>`, adding `version = version + 1` when the record
   * has a version column not being set; by default the row must still be at the version the
   * user saw (`@id`, `@expected_version`), so a lost update is refused rather than made.
   */
  updateSql(set: readonly (keyof C & string)[], where?: string): string;
  /** Stored-value schemas of the given columns, for a bundle module or an import check. */
  storedSchemas<O extends string = never>(omit?: readonly O[]): StoredSchemas<C, O>;
}

export function defineRecord<C extends Columns>(spec: RecordSpec<C>): RecordDef<C> {
  const names = Object.keys(spec.columns) as (keyof C & string)[];
  for (const n of [spec.table, ...names, ...(spec.localOnly ?? [])]) {
    if (!identifier.test(n)) throw new Error(`Not an SQL identifier: ${n}`);
  }
  const column = (n: string) => spec.columns[n] as Column<unknown, unknown>;
  return {
    table: spec.table,
    columns: spec.columns,
    names,
    localOnly: spec.localOnly ?? [],
    toView(row) {
      const out: Record<string, unknown> = {};
      for (const n of names) out[camel(n)] = column(n).fromRow((row as Record<string, unknown>)[n]);
      return out as ViewOf<C>;
    },
    viewWithout(omit) {
      const kept = names.filter((n) => !(omit as readonly string[]).includes(n)).map((n) => [n, camel(n)] as const);
      return (row) => {
        const out: Record<string, unknown> = {};
        for (const [n, key] of kept) out[key] = column(n).fromRow((row as Record<string, unknown>)[n]);
        return out as Omit<ViewOf<C>, Camel<(typeof omit)[number]>>;
      };
    },
    except: (omit) => names.filter((n) => !omit.includes(n)),
    toRow(view) {
      const out: Record<string, unknown> = {};
      for (const n of names) {
        const v = (view as Record<string, unknown>)[camel(n)];
        if (v !== undefined) out[n] = column(n).toRow(v);
      }
      return out as Partial<RowOf<C>>;
    },
    select: (alias) => names.map((n) => (alias ? `${alias}.${n}` : n)).join(', '),
    insertSql(only) {
      const cols = only ?? names;
      return `INSERT INTO ${spec.table} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`;
    },
    updateSql(set, where = 'id = @id AND version = @expected_version') {
      if (set.length === 0) throw new Error(`Nothing to set in ${spec.table}`);
      const assignments = set.map((c) => `${c} = @${c}`);
      if (names.includes('version') && !set.includes('version')) assignments.push('version = version + 1');
      return `UPDATE ${spec.table} SET ${assignments.join(', ')} WHERE ${where}`;
    },
    storedSchemas<O extends string = never>(omit: readonly O[] = []) {
      const out: Record<string, z.ZodType> = {};
      for (const n of names) if (!(omit as readonly string[]).includes(n)) out[n] = column(n).stored;
      return out as StoredSchemas<C, O>;
    },
  };
}

/** What the DDL check needs of a definition (any `RecordDef` has it). */
export interface RecordShape {
  readonly table: string;
  readonly names: readonly string[];
  readonly localOnly: readonly string[];
  readonly columns: Readonly<Record<string, { readonly nullable: boolean }>>;
}

/** Every record definition, for the DDL check. A module adds its own with `registerRecord`. */
const records: RecordShape[] = [];

export function registerRecord<D extends RecordShape>(def: D): D {
  records.push(def);
  return def;
}

export function registeredRecords(): readonly RecordShape[] {
  return records;
}

/**
 * How a definition differs from the table the migrations built: columns missing on either side,
 * and NOT NULL that disagrees with the column's schema. Empty when they agree.
 */
export function tableMismatches(db: Db, def: RecordShape): string[] {
  const info = db.prepare('SELECT name, "notnull" AS not_null, pk FROM pragma_table_info(?)').all(def.table) as {
    name: string;
    not_null: number;
    pk: number;
  }[];
  if (info.length === 0) return [`${def.table} does not exist`];
  const out: string[] = [];
  const inTable = new Map(info.map((c) => [c.name, c]));
  for (const name of def.names) {
    const c = inTable.get(name);
    if (!c) {
      out.push(`${def.table}.${name} is in the definition but not in the table`);
      continue;
    }
    // A TEXT PRIMARY KEY may hold NULL in SQLite unless declared NOT NULL; the app never writes one.
    const tableAllowsNull = c.not_null === 0 && c.pk === 0;
    if (tableAllowsNull !== def.columns[name]?.nullable) {
      out.push(
        `${def.table}.${name} is ${tableAllowsNull ? 'nullable' : 'NOT NULL'} in the table but not in the definition`,
      );
    }
  }
  for (const c of info) {
    if (!def.names.includes(c.name) && !def.localOnly.includes(c.name)) {
      out.push(`${def.table}.${c.name} is in the table but not in the definition`);
    }
  }
  return out;
}
