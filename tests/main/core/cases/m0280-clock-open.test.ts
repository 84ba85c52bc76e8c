/**
 * Migration 280 on a vault at schema 260 with cases in it: the index of the open cases' running
 * clocks holds exactly those, and the caseload's clock order reads its first part along it.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { caseloadSql } from '../../../../main/core/cases/caseload.repo';
import { openEncrypted } from '../../../../main/core/db/connection';
import { MIGRATIONS, migrate } from '../../../../main/core/db/migrations/index';
import { caseloadQuerySchema } from '../../../../preload/contract/cases';
import { tempDirs } from '../temp-vault';

const dirs = tempDirs('ncats-m280-');
afterEach(() => dirs.cleanup());

const ADMIN = '00000000-0000-4000-8000-0000000000aa';
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('m0280 the running clocks of open cases', () => {
  it('indexes only the open cases whose clock runs, on a vault that already has cases', () => {
    const db = openEncrypted(join(dirs.make(), 'test.db'), randomBytes(32));
    try {
      migrate(
        db,
        MIGRATIONS.filter((m) => m.version < 280),
      );
      db.prepare(
        `INSERT INTO users (id, username, display_name, role, created_at) VALUES (?, 'admin', 'A', 'administrator', 't')`,
      ).run(ADMIN);
      const insertCase = db.prepare(
        `INSERT INTO cases (id, reference, ref_year, ref_seq, status, referral_date, age_at_referral, created_at, updated_at, updated_by,
                            assessment_due_date, assessment_completed_date)
         VALUES (@id, @ref, 2025, @seq, @status, '2025-02-03', 12, 't', 't', '${ADMIN}', @due, @done)`,
      );
      const rows: [string, string | null, string | null][] = [
        ['active', '2025-05-01', null], // running: in the index
        ['accepted', '2025-04-01', null], // running: in the index
        ['active', '2025-03-01', '2025-04-20'], // completed
        ['active', null, null], // awaiting paperwork
        ['closed', '2025-02-01', null], // closed, never assessed
        ['declined', '2025-01-01', null],
      ];
      rows.forEach(([status, due, done], i) =>
        insertCase.run({ id: id(i + 1), ref: `NC-2025-000${i + 1}`, seq: i + 1, status, due, done }),
      );
      migrate(
        db,
        MIGRATIONS.filter((m) => m.version <= 280),
      );
      expect(db.pragma('user_version', { simple: true })).toBe(280);
      expect(
        db
          .prepare(
            "SELECT id FROM cases INDEXED BY cases_clock_open WHERE assessment_due_date IS NOT NULL AND assessment_completed_date IS NULL AND status IN ('referred', 'accepted', 'active') ORDER BY assessment_due_date",
          )
          .all(),
      ).toEqual([{ id: id(2) }, { id: id(1) }]);
      // The caseload's clock order reads its first part (running clocks) along this index.
      const built = caseloadSql(
        { id: ADMIN, username: 'admin', displayName: 'A', role: 'administrator' },
        caseloadQuerySchema.parse({ sort: 'due_date', direction: 'asc' }),
        '2025-06-01',
      );
      const plan = (
        db.prepare(`EXPLAIN QUERY PLAN ${built.parts[0]?.sql ?? ''}`).all(built.params) as { detail: string }[]
      ).map((r) => r.detail);
      expect(plan.join('\n')).toMatch(/SEARCH c USING INDEX cases_clock_open/);
      expect(plan.join('\n')).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
    } finally {
      db.close();
    }
  });
});
