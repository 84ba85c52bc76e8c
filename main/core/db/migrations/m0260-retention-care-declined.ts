import type { Migration } from './index';

/**
 * Retention, completed (`main/core/retention/`):
 *
 * - The care-experienced flag on `case_retention`, set and cleared by an administrator, and the
 *   documented check a care-experienced person's records need before they may be disposed of:
 *   its note, who made it, when, and the review date it was made for (a later change of review
 *   date, such as a reopening and a new closure, needs a new check).
 * - Declined referrals get a review date (their care ends the day they were declined:
 *   `retention.rules.ts`). The triggers of migration 200 marked a row stale only for closures;
 *   they are replaced by the same triggers for closed or declined, and every declined case gets
 *   a row to compute.
 */
export const m0260RetentionCareDeclined: Migration = {
  version: 260,
  name: 'retention: care-experienced flag and its check; declined referrals get a review date',
  up(db) {
    db.exec(`
      ALTER TABLE case_retention ADD COLUMN care_experienced INTEGER NOT NULL DEFAULT 0
        CHECK (care_experienced IN (0, 1));
      ALTER TABLE case_retention ADD COLUMN care_changed_by TEXT REFERENCES users (id);
      ALTER TABLE case_retention ADD COLUMN care_changed_at TEXT;
      ALTER TABLE case_retention ADD COLUMN care_check_note TEXT
        CHECK (care_check_note IS NULL OR length(care_check_note) BETWEEN 1 AND 1000);
      ALTER TABLE case_retention ADD COLUMN care_checked_by TEXT REFERENCES users (id);
      ALTER TABLE case_retention ADD COLUMN care_checked_at TEXT;
      ALTER TABLE case_retention ADD COLUMN care_checked_for TEXT;

      DROP TRIGGER retention_stale_case_insert;
      DROP TRIGGER retention_stale_status;
      DROP TRIGGER retention_stale_closure;
      CREATE TRIGGER retention_stale_case_insert AFTER INSERT ON cases
        WHEN new.status IN ('closed', 'declined') BEGIN
        INSERT INTO case_retention (case_id) VALUES (new.id) ON CONFLICT (case_id) DO UPDATE SET stale = 1;
      END;
      CREATE TRIGGER retention_stale_status AFTER UPDATE OF status ON cases
        WHEN new.status IN ('closed', 'declined') OR old.status IN ('closed', 'declined') BEGIN
        INSERT INTO case_retention (case_id) VALUES (new.id) ON CONFLICT (case_id) DO UPDATE SET stale = 1;
      END;
      CREATE TRIGGER retention_stale_closure AFTER INSERT ON case_status_history
        WHEN new.to_status IN ('closed', 'declined') BEGIN
        INSERT INTO case_retention (case_id) VALUES (new.case_id) ON CONFLICT (case_id) DO UPDATE SET stale = 1;
      END;

      INSERT INTO case_retention (case_id) SELECT id FROM cases WHERE status = 'declined'
        ON CONFLICT (case_id) DO UPDATE SET stale = 1;
    `);
  },
};
