/** Migration 200 on a vault that already holds cases: closed ones get a retention row to compute. */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openEncrypted } from '../../../../main/core/db/connection';
import { MIGRATIONS, migrate } from '../../../../main/core/db/migrations/index';
import { refreshStale } from '../../../../main/core/retention/retention.repo';
import { tempDirs } from '../temp-vault';

const dirs = tempDirs('ncats-m200-');
afterEach(() => dirs.cleanup());

describe('m0200 retention', () => {
  it('gives each case already closed a stale retention row, computed on first read; open cases get none', () => {
    const db = openEncrypted(join(dirs.make(), 'test.db'), randomBytes(32));
    try {
      migrate(
        db,
        MIGRATIONS.filter((m) => m.version < 200),
      );
      db.prepare(
        `INSERT INTO users (id, username, display_name, role, created_at) VALUES ('00000000-0000-4000-8000-0000000000aa', 'admin', 'A', 'administrator', 't')`,
      ).run();
      const insertCase = db.prepare(
        `INSERT INTO cases (id, reference, ref_year, ref_seq, status, referral_date, age_at_referral, created_at, updated_at, updated_by)
         VALUES (?, ?, 2001, ?, ?, '2001-02-03', 12, 't', '2001-09-09T10:00:00.000Z', '00000000-0000-4000-8000-0000000000aa')`,
      );
      insertCase.run('00000000-0000-4000-8000-000000000001', 'NC-2001-0001', 1, 'closed');
      insertCase.run('00000000-0000-4000-8000-000000000002', 'NC-2001-0002', 2, 'active');
      db.prepare(
        `INSERT INTO young_people (case_id, initials, date_of_birth) VALUES ('00000000-0000-4000-8000-000000000001', 'AB', '1989-01-01')`,
      ).run();
      migrate(db);
      expect(db.prepare('SELECT case_id, stale, review_date FROM case_retention').all()).toEqual([
        { case_id: '00000000-0000-4000-8000-000000000001', stale: 1, review_date: null },
      ]);
      // No status history row: the closure falls back to the case's last update.
      expect(refreshStale(db)).toBe(1);
      expect(db.prepare('SELECT closed_on, review_date, stale FROM case_retention').get()).toEqual({
        closed_on: '2001-09-09',
        review_date: '2021-09-09',
        stale: 0,
      });
    } finally {
      db.close();
    }
  });
});
