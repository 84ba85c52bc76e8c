/**
 * m0060 on a vault that already holds cases: the young_people table is rebuilt with identity
 * and consent columns and a nullable legal status, keeping every row, value and index.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openEncrypted, type Db } from '../../../../main/core/db/connection';
import { MIGRATIONS, migrate, schemaVersion } from '../../../../main/core/db/migrations/index';
import { tempDirs } from '../temp-vault';

const dirs = tempDirs();
const open: Db[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
  dirs.cleanup();
});

const USER = '00000000-0000-4000-8000-00000000000a';

/** A real encrypted database at schema 50 with two cases written the old way. */
function vaultAt50(): Db {
  const db = openEncrypted(join(dirs.make(), 'test.db'), randomBytes(32));
  open.push(db);
  migrate(
    db,
    MIGRATIONS.filter((m) => m.version <= 50),
  );
  db.prepare(
    `INSERT INTO users (id, username, display_name, role, created_at) VALUES (?, 'ada', 'Ada', 'administrator', '2025-01-01T00:00:00Z')`,
  ).run(USER);
  const addCase = db.prepare(
    `INSERT INTO cases (id, reference, ref_year, ref_seq, status, referral_date, age_at_referral, created_at, updated_at, updated_by)
     VALUES (?, ?, 2025, ?, 'referred', '2025-05-01', 14, '2025-05-01T00:00:00Z', '2025-05-01T00:00:00Z', ?)`,
  );
  addCase.run('00000000-0000-4000-8000-000000000001', 'NC-2025-0001', 1, USER);
  addCase.run('00000000-0000-4000-8000-000000000002', 'NC-2025-0002', 2, USER);
  const addYp = db.prepare(
    `INSERT INTO young_people (case_id, given_name, family_name, initials, date_of_birth, legal_status, placement,
       local_authority, search_given, search_family, search_la, phon_given, phon_family)
     VALUES (?, ?, ?, ?, '2011-02-03', ?, ?, 'Leeds', ?, ?, 'leeds', 'X', 'Y')`,
  );
  addYp.run('00000000-0000-4000-8000-000000000001', 'Amelia', 'Hughes', 'AH', 'none', null, 'amelia', 'hughes');
  addYp.run('00000000-0000-4000-8000-000000000002', 'Ben', 'Okafor', 'BO', 'charged', 'foster', 'ben', 'okafor');
  return db;
}

const indexes = (db: Db) =>
  (
    db
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'young_people' AND sql IS NOT NULL ORDER BY name`,
      )
      .all() as {
      name: string;
    }[]
  ).map((r) => r.name);

describe('m0060 young person identity', () => {
  it('keeps every young person and value, including an old "none" (it may have been answered)', () => {
    const db = vaultAt50();
    const before = db.prepare('SELECT * FROM young_people ORDER BY case_id').all();
    const indexesBefore = indexes(db);
    // Up to m0060 only: later migrations add young_people indexes of their own (150: the statistics').
    migrate(db, MIGRATIONS.filter((m) => m.version <= 60));
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(60);
    const after = db.prepare('SELECT * FROM young_people ORDER BY case_id').all() as Record<string, unknown>[];
    expect(after).toHaveLength(2);
    after.forEach((row, i) => {
      expect(row).toMatchObject(before[i] as Record<string, unknown>);
      expect(row).toMatchObject({ nhs_number: null, address: null, consent_status: null, consent_recorded_by: null });
    });
    expect(after.map((r) => r.legal_status)).toEqual(['none', 'charged']);
    expect(indexes(db)).toEqual([...indexesBefore, 'young_people_nhs'].sort());
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    expect(db.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
    const list = db.prepare('PRAGMA table_list').all() as { name: string; strict: number }[];
    expect(list.find((x) => x.name === 'young_people')?.strict).toBe(1);
  });

  it('lets legal status be unanswered or "not known", and refuses values outside the vocabulary', () => {
    const db = vaultAt50();
    const id = '00000000-0000-4000-8000-000000000001';
    expect(() => db.prepare('UPDATE young_people SET legal_status = NULL WHERE case_id = ?').run(id)).toThrow(
      /NOT NULL/,
    );
    migrate(db);
    const set = (sql: string) => db.prepare(`UPDATE young_people SET ${sql} WHERE case_id = ?`).run(id);
    set('legal_status = NULL');
    set(`legal_status = 'not_known', placement = 'not_known', consent_status = 'not_yet_sought'`);
    set(`nhs_number = '9434765919'`);
    expect(() => set(`legal_status = 'unknown'`)).toThrow(/CHECK/);
    expect(() => set(`consent_status = 'maybe'`)).toThrow(/CHECK/);
    expect(() => set(`nhs_number = '943 476 5919'`)).toThrow(/CHECK/);
    expect(() => set(`consent_recorded_by = '00000000-0000-4000-8000-0000000000ff'`)).toThrow(/FOREIGN KEY/);
  });

  it('cascades when a case is deleted, as before', () => {
    const db = vaultAt50();
    migrate(db);
    db.prepare('DELETE FROM cases WHERE id = ?').run('00000000-0000-4000-8000-000000000002');
    expect(db.prepare('SELECT count(*) AS n FROM young_people').get()).toEqual({ n: 1 });
  });
});
