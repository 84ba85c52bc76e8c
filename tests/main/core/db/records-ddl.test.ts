/**
 * Every registered record definition against the table the migrations built: a column added to
 * a migration and not to its record (or the other way round), or NOT NULL on one side only,
 * fails here. Loading the core registers every record, as it does when the app starts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import '../../../../main/core/core';
import { registeredRecords, tableMismatches } from '../../../../main/core/db/record';
import type { OpenVault } from '../../../../main/core/vault/vault';
import { newVault, tempDirs, vaultDirIn } from '../temp-vault';

describe('record definitions and the migrated DDL', () => {
  const dirs = tempDirs('ncats-records-');
  let vault: OpenVault;
  beforeEach(async () => {
    vault = (await newVault(vaultDirIn(dirs.make()))).vault;
  });
  afterEach(() => {
    vault.close();
    dirs.cleanup();
  });

  it('registers a definition for each record moved onto it, once each', () => {
    const tables = registeredRecords().map((r) => r.table);
    expect(tables).toEqual(
      expect.arrayContaining([
        'case_people',
        'notes',
        'note_revisions',
        'flags',
        'tasks',
        'documents',
        'drafts',
        'users',
        'colleagues',
        'cases',
        'young_people',
      ]),
    );
    expect(new Set(tables).size).toBe(tables.length);
  });

  it('finds no mismatch between any definition and its table', () => {
    const mismatches = registeredRecords().flatMap((r) => tableMismatches(vault.db, r));
    expect(mismatches).toEqual([]);
  });

  it('fails for a column added by ALTER TABLE and not to the definition', () => {
    const tasks = registeredRecords().find((r) => r.table === 'tasks');
    if (!tasks) throw new Error('no tasks record');
    vault.db.exec("ALTER TABLE tasks ADD COLUMN priority TEXT NOT NULL DEFAULT 'normal'");
    expect(tableMismatches(vault.db, tasks)).toEqual(['tasks.priority is in the table but not in the definition']);
  });

  it('fails for a definition whose NOT NULL disagrees with the table', () => {
    const people = registeredRecords().find((r) => r.table === 'case_people');
    if (!people) throw new Error('no people record');
    const loosened = { ...people, columns: { ...people.columns, name: { nullable: true } } };
    expect(tableMismatches(vault.db, loosened)).toEqual([
      'case_people.name is NOT NULL in the table but not in the definition',
    ]);
  });
});
