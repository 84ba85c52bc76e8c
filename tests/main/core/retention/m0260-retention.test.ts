/** Migration 260 on a vault at schema 220: declined referrals get a row to compute; the new columns start cleared. */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openEncrypted } from '../../../../main/core/db/connection';
import { MIGRATIONS, migrate } from '../../../../main/core/db/migrations/index';
import { refreshStale } from '../../../../main/core/retention/retention.repo';
import { tempDirs } from '../temp-vault';

const dirs = tempDirs('ncats-m260-');
afterEach(() => dirs.cleanup());

const ADMIN = '00000000-0000-4000-8000-0000000000aa';
const CLOSED = '00000000-0000-4000-8000-000000000001';
const DECLINED = '00000000-0000-4000-8000-000000000002';
const ACTIVE = '00000000-0000-4000-8000-000000000003';

describe('m0260 retention: care-experienced, declined referrals', () => {
  it('gives each declined referral a stale row, keeps the closed ones, and adds the care columns cleared', () => {
    const db = openEncrypted(join(dirs.make(), 'test.db'), randomBytes(32));
    try {
      migrate(
        db,
        MIGRATIONS.filter((m) => m.version < 260),
      );
      db.prepare(
        `INSERT INTO users (id, username, display_name, role, created_at) VALUES (?, 'admin', 'A', 'administrator', 't')`,
      ).run(ADMIN);
      const insertCase = db.prepare(
        `INSERT INTO cases (id, reference, ref_year, ref_seq, status, referral_date, age_at_referral, created_at, updated_at, updated_by)
         VALUES (?, ?, 2001, ?, ?, '2001-02-03', 12, 't', '2001-09-09T10:00:00.000Z', ?)`,
      );
      insertCase.run(CLOSED, 'NC-2001-0001', 1, 'closed', ADMIN);
      insertCase.run(DECLINED, 'NC-2001-0002', 2, 'declined', ADMIN);
      insertCase.run(ACTIVE, 'NC-2001-0003', 3, 'active', ADMIN);
      for (const id of [CLOSED, DECLINED, ACTIVE])
        db.prepare(`INSERT INTO young_people (case_id, initials, date_of_birth) VALUES (?, 'AB', '1989-01-01')`).run(
          id,
        );
      db.prepare(
        `INSERT INTO case_status_history (id, case_id, from_status, to_status, reason, changed_at, changed_by)
         VALUES ('00000000-0000-4000-8000-0000000000d1', ?, 'referred', 'declined', 'Not for us', '2001-03-04T11:00:00.000Z', ?)`,
      ).run(DECLINED, ADMIN);
      // Before 260 a declined case had no retention row, so no review date ever.
      expect(db.prepare('SELECT case_id FROM case_retention ORDER BY case_id').all()).toEqual([{ case_id: CLOSED }]);
      migrate(db);
      expect(refreshStale(db)).toBe(2);
      expect(
        db
          .prepare(
            `SELECT case_id, closed_on, review_date, care_experienced, care_checked_for FROM case_retention ORDER BY case_id`,
          )
          .all(),
      ).toEqual([
        {
          case_id: CLOSED,
          closed_on: '2001-09-09',
          review_date: '2021-09-09',
          care_experienced: 0,
          care_checked_for: null,
        },
        // Declined on 04/03/2001: the day the history says, not the last update.
        {
          case_id: DECLINED,
          closed_on: '2001-03-04',
          review_date: '2021-03-04',
          care_experienced: 0,
          care_checked_for: null,
        },
      ]);
      // The replaced triggers: declining a case (or reopening a declined one) marks its row stale.
      db.prepare(`UPDATE cases SET status = 'declined' WHERE id = ?`).run(ACTIVE);
      db.prepare(`UPDATE cases SET status = 'referred' WHERE id = ?`).run(DECLINED);
      expect(db.prepare('SELECT case_id FROM case_retention WHERE stale = 1 ORDER BY case_id').all()).toEqual([
        { case_id: DECLINED },
        { case_id: ACTIVE },
      ]);
      expect(() => db.prepare(`UPDATE case_retention SET care_experienced = 2 WHERE case_id = ?`).run(CLOSED)).toThrow(
        /CHECK/,
      );
    } finally {
      db.close();
    }
  });
});
