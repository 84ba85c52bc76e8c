/**
 * Migration 300 on a vault at schema 290 with cases in it: the Assessments list's order indexes
 * hold exactly the open cases, in the list's order (waiting for paperwork last).
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openEncrypted } from '../../../../main/core/db/connection';
import { MIGRATIONS, migrate } from '../../../../main/core/db/migrations/index';
import { tempDirs } from '../temp-vault';

const dirs = tempDirs('ncats-m300-');
afterEach(() => dirs.cleanup());

const ADMIN = '00000000-0000-4000-8000-0000000000aa';
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('m0300 the open cases in the Assessments list order', () => {
  it('indexes only the open cases, in due-date then reference order, on a vault that already has cases', () => {
    const db = openEncrypted(join(dirs.make(), 'test.db'), randomBytes(32));
    try {
      migrate(
        db,
        MIGRATIONS.filter((m) => m.version < 300),
      );
      db.prepare(
        `INSERT INTO users (id, username, display_name, role, created_at) VALUES (?, 'admin', 'A', 'administrator', 't')`,
      ).run(ADMIN);
      const insertCase = db.prepare(
        `INSERT INTO cases (id, reference, ref_year, ref_seq, status, referral_date, age_at_referral, created_at, updated_at, updated_by,
                            assessment_due_date, lead_worker_id)
         VALUES (@id, @ref, 2025, @seq, @status, '2025-02-03', 12, 't', 't', '${ADMIN}', @due, '${ADMIN}')`,
      );
      const rows: [string, string | null][] = [
        ['active', '2025-05-01'],
        ['accepted', null], // waiting for paperwork: last
        ['active', '2025-03-01'],
        ['referred', '2025-03-01'], // same date: by reference
        ['closed', '2025-02-01'], // closed: not indexed
        ['declined', null],
      ];
      rows.forEach(([status, due], i) =>
        insertCase.run({ id: id(i + 1), ref: `NC-2025-000${i + 1}`, seq: i + 1, status, due }),
      );
      migrate(
        db,
        MIGRATIONS.filter((m) => m.version <= 300),
      );
      expect(db.pragma('user_version', { simple: true })).toBe(300);
      const open = "status IN ('referred', 'accepted', 'active')";
      const order = 'assessment_due_date IS NULL, assessment_due_date, reference';
      for (const [index, where] of [
        ['cases_open_assessment_order', open],
        ['cases_open_assessment_lead', `lead_worker_id = '${ADMIN}' AND ${open}`],
      ] as const) {
        const sql = `SELECT id FROM cases INDEXED BY ${index} WHERE ${where} ORDER BY ${order}`;
        expect(db.prepare(sql).all(), index).toEqual([{ id: id(3) }, { id: id(4) }, { id: id(1) }, { id: id(2) }]);
        const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail);
        expect(plan.join('\n'), index).not.toMatch(/TEMP B-TREE/);
      }
    } finally {
      db.close();
    }
  });
});
