import type { Migration } from './index';

/**
 * Retention, legal hold and two-person disposal (`main/core/retention/`).
 *
 * - `case_retention`: one row per case that has been closed at some point. The review date is
 *   computed in TypeScript by `retentionOutcome` (one definition of the rules) and stored here so
 *   the administrators' review list is an indexed range read. Triggers below mark a row `stale`
 *   whenever something the rules read changes (status, a closure, the date of birth); the core
 *   recomputes stale rows before it reads the list, so SQL never restates the rules. The row also
 *   holds what the case records lacked: the date of death and the legal hold.
 * - `disposal_proposals`: the first administrator's proposal, waiting for a second one.
 * - `disposal_tombstones`: what is left of a disposed case: its reference and dates, who proposed
 *   and approved, and why. No case id (the case is gone), no names, no clinical content.
 *
 * A reference once disposed of is never given to a new case (the trigger on `cases`), so a
 * tombstone always names one case.
 */
export const m0200Retention: Migration = {
  version: 200,
  name: 'retention: review dates, legal hold, disposal proposals and tombstones',
  up(db) {
    db.exec(`
      CREATE TABLE case_retention (
        case_id          TEXT PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
        date_of_death    TEXT,
        legal_hold       INTEGER NOT NULL DEFAULT 0 CHECK (legal_hold IN (0, 1)),
        hold_reason      TEXT CHECK (hold_reason IS NULL OR length(hold_reason) BETWEEN 1 AND 1000),
        hold_changed_by  TEXT REFERENCES users (id),
        hold_changed_at  TEXT,
        closed_on        TEXT,
        review_date      TEXT,
        dob_unknown      INTEGER NOT NULL DEFAULT 0 CHECK (dob_unknown IN (0, 1)),
        stale            INTEGER NOT NULL DEFAULT 1 CHECK (stale IN (0, 1)),
        version          INTEGER NOT NULL DEFAULT 1,
        CHECK ((legal_hold = 1) = (hold_reason IS NOT NULL))
      ) STRICT;
      -- The review list: closed cases by review date, read in index order a page at a time.
      CREATE INDEX case_retention_review ON case_retention (review_date, case_id) WHERE review_date IS NOT NULL;
      CREATE INDEX case_retention_stale ON case_retention (case_id) WHERE stale = 1;

      CREATE TABLE disposal_proposals (
        id           TEXT PRIMARY KEY,
        case_id      TEXT NOT NULL UNIQUE REFERENCES cases (id) ON DELETE CASCADE,
        reason       TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
        proposed_by  TEXT NOT NULL REFERENCES users (id),
        proposed_at  TEXT NOT NULL
      ) STRICT;

      CREATE TABLE disposal_tombstones (
        id             TEXT PRIMARY KEY,
        reference      TEXT NOT NULL UNIQUE,
        referral_date  TEXT NOT NULL,
        closed_on      TEXT NOT NULL,
        review_date    TEXT NOT NULL,
        reason         TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
        proposed_by    TEXT NOT NULL REFERENCES users (id),
        proposed_at    TEXT NOT NULL,
        approved_by    TEXT NOT NULL REFERENCES users (id),
        approved_at    TEXT NOT NULL,
        CHECK (approved_by <> proposed_by)
      ) STRICT;
      CREATE INDEX disposal_tombstones_approved ON disposal_tombstones (approved_at);

      CREATE TRIGGER retention_stale_case_insert AFTER INSERT ON cases WHEN new.status = 'closed' BEGIN
        INSERT INTO case_retention (case_id) VALUES (new.id) ON CONFLICT (case_id) DO UPDATE SET stale = 1;
      END;
      CREATE TRIGGER retention_stale_status AFTER UPDATE OF status ON cases
        WHEN new.status = 'closed' OR old.status = 'closed' BEGIN
        INSERT INTO case_retention (case_id) VALUES (new.id) ON CONFLICT (case_id) DO UPDATE SET stale = 1;
      END;
      CREATE TRIGGER retention_stale_closure AFTER INSERT ON case_status_history WHEN new.to_status = 'closed' BEGIN
        INSERT INTO case_retention (case_id) VALUES (new.case_id) ON CONFLICT (case_id) DO UPDATE SET stale = 1;
      END;
      CREATE TRIGGER retention_stale_birth AFTER UPDATE OF date_of_birth ON young_people BEGIN
        UPDATE case_retention SET stale = 1 WHERE case_id = new.case_id;
      END;
      CREATE TRIGGER retention_stale_birth_insert AFTER INSERT ON young_people BEGIN
        UPDATE case_retention SET stale = 1 WHERE case_id = new.case_id;
      END;
      CREATE TRIGGER retention_reference_disposed BEFORE INSERT ON cases
        WHEN EXISTS (SELECT 1 FROM disposal_tombstones WHERE reference = new.reference) BEGIN
        SELECT RAISE(ABORT, 'This case reference belonged to a case that has been disposed of.');
      END;

      INSERT INTO case_retention (case_id) SELECT id FROM cases WHERE status = 'closed';
    `);
  },
};
