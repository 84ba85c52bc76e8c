import { describe, expect, it } from 'vitest';
import {
  col,
  defineRecord,
  tableMismatches,
  type ExpectSameView,
  type SameView,
  type ViewOf,
} from '../../../../main/core/db/record';
import { personKindSchema } from '../../../../preload/contract/case-records';
import { makeVault } from '../cases/fixtures';

const sample = defineRecord({
  table: 'sample_things',
  columns: {
    id: col.uuid(),
    kind: col.as(personKindSchema),
    display_name: col.text(100, 1),
    third_party: col.bool(),
    parental_responsibility: col.nullableBool(),
    notes: col.nullableText(),
    version: col.int(1),
  },
});

// Compile-time: the view's keys are the camelCase of the columns, with the mapped types.
type SampleView = ViewOf<typeof sample.columns>;
const typed: SampleView = {
  id: '3f1c1d2e-8a55-4a0e-9c8e-0d6f5b1a2c3d',
  kind: 'referrer',
  displayName: 'Ann',
  thirdParty: true,
  parentalResponsibility: null,
  notes: null,
  version: 1,
};

// Compile-time: a derived view is checked field by field against a contract's view type.
const noNotes = sample.viewWithout(['notes', 'version']);
interface ContractView {
  id: string;
  kind: SampleView['kind'];
  displayName: string;
  thirdParty: boolean;
  parentalResponsibility: boolean | null;
}
export type _Matches = ExpectSameView<SameView<ReturnType<typeof noNotes>, ContractView>>;
// @ts-expect-error a field the contract has and the record does not is a compile error
export type _Missing = ExpectSameView<SameView<ReturnType<typeof noNotes>, ContractView & { extra: string }>>;
// @ts-expect-error so is a field typed differently (nullable on one side only)
export type _Retyped = ExpectSameView<SameView<ReturnType<typeof noNotes>, ContractView & { displayName: null }>>;

describe('defineRecord', () => {
  it('maps rows to views and back, converting booleans', () => {
    const row = sample.toRow(typed);
    expect(row).toEqual({
      id: typed.id,
      kind: 'referrer',
      display_name: 'Ann',
      third_party: 1,
      parental_responsibility: null,
      notes: null,
      version: 1,
    });
    expect(sample.toView(row as Parameters<typeof sample.toView>[0])).toEqual(typed);
    expect(sample.toRow({ thirdParty: false })).toEqual({ third_party: 0 });
  });

  it('derives the column list, the INSERT and the stored schemas', () => {
    expect(sample.select('t')).toBe(
      't.id, t.kind, t.display_name, t.third_party, t.parental_responsibility, t.notes, t.version',
    );
    expect(sample.insertSql(['id', 'kind'])).toBe('INSERT INTO sample_things (id, kind) VALUES (@id, @kind)');
    const schemas = sample.storedSchemas(['id', 'version']);
    expect(Object.keys(schemas)).toEqual(['kind', 'display_name', 'third_party', 'parental_responsibility', 'notes']);
    expect(schemas.third_party?.safeParse(2).success).toBe(false);
    expect(schemas.display_name?.safeParse('').success).toBe(false);
    expect(sample.columns.notes.nullable).toBe(true);
    expect(sample.columns.display_name.nullable).toBe(false);
  });

  it('maps a row to a view without the columns left out', () => {
    const row = sample.toRow(typed) as Parameters<typeof sample.toView>[0];
    expect(noNotes(row)).toEqual({
      id: typed.id,
      kind: 'referrer',
      displayName: 'Ann',
      thirdParty: true,
      parentalResponsibility: null,
    });
    expect(sample.except(['id', 'notes', 'version'])).toEqual([
      'kind',
      'display_name',
      'third_party',
      'parental_responsibility',
    ]);
  });

  it('derives an UPDATE that bumps the version and refuses a lost update by default', () => {
    expect(sample.updateSql(['display_name', 'notes'])).toBe(
      'UPDATE sample_things SET display_name = @display_name, notes = @notes, version = version + 1 ' +
        'WHERE id = @id AND version = @expected_version',
    );
    expect(sample.updateSql(['notes'], 'id = @id AND notes IS NULL')).toBe(
      'UPDATE sample_things SET notes = @notes, version = version + 1 WHERE id = @id AND notes IS NULL',
    );
    const unversioned = defineRecord({ table: 'plain', columns: { id: col.uuid(), note: col.text() } });
    expect(unversioned.updateSql(['note'], 'id = @id')).toBe('UPDATE plain SET note = @note WHERE id = @id');
    expect(() => sample.updateSql([])).toThrow(/Nothing to set/);
  });

  it('refuses names that are not SQL identifiers', () => {
    expect(() => defineRecord({ table: 'x; drop', columns: { id: col.uuid() } })).toThrow(/identifier/);
  });

  it('round-trips through a real encrypted table', async () => {
    const { vault, cleanup } = await makeVault();
    try {
      vault.db.exec(`CREATE TABLE sample_things (id TEXT PRIMARY KEY, kind TEXT NOT NULL, display_name TEXT NOT NULL,
        third_party INTEGER NOT NULL, parental_responsibility INTEGER, notes TEXT, version INTEGER NOT NULL)`);
      vault.db.prepare(sample.insertSql()).run(sample.toRow(typed));
      const renamed = vault.db
        .prepare(sample.updateSql(['display_name']))
        .run({ id: typed.id, display_name: 'Anne', expected_version: 1 });
      expect(renamed.changes).toBe(1);
      const stale = vault.db
        .prepare(sample.updateSql(['display_name']))
        .run({ id: typed.id, display_name: 'Ann', expected_version: 1 });
      expect(stale.changes).toBe(0);
      vault.db.prepare(sample.updateSql(['display_name', 'version'], 'id = @id')).run({
        id: typed.id,
        display_name: 'Ann',
        version: 1,
      });
      const back = vault.db.prepare(`SELECT ${sample.select()} FROM sample_things`).get();
      expect(sample.toView(back as Parameters<typeof sample.toView>[0])).toEqual(typed);
      expect(tableMismatches(vault.db, sample)).toEqual([]);
      vault.db.exec('ALTER TABLE sample_things ADD COLUMN extra TEXT');
      expect(tableMismatches(vault.db, sample)).toEqual([
        'sample_things.extra is in the table but not in the definition',
      ]);
    } finally {
      cleanup();
    }
  });
});
