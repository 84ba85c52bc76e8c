import type { Migration } from './index';

/**
 * The running clocks of open cases, in due-date order, for the caseload's clock order
 * (caseload.clock-order.ts, its first part: "what is due next"). That part used to walk
 * cases_due from the oldest due date, reading the row of every case that ever had a due date
 * (completed, closed) to find the few hundred open ones with a clock still running: about 5,000
 * rows at 10,000 cases, and five times as many at 50,000. This index holds only those few
 * hundred. No table changes; SQLite builds it from the rows already there.
 */
export const m0280ClockOpen: Migration = {
  version: 280,
  name: 'index of the running clocks of open cases',
  up(db) {
    db.exec(`
      -- The other columns the clock order's first part and the overdue filter test (the
      -- completed date is always null here, but SQLite reads the row for it otherwise), so a
      -- count reads the index alone and a page skips a case without reading its row.
      CREATE INDEX cases_clock_open ON cases (assessment_due_date, id, status, consultation_only, assessment_completed_date)
        WHERE assessment_due_date IS NOT NULL AND assessment_completed_date IS NULL
          AND status IN ('referred', 'accepted', 'active');
    `);
  },
};
