import type { Migration } from './index';

/**
 * Indexes for the service's statistics (`main/core/stats/`), so a year's figures read a few small
 * indexes instead of the wide tables. The database is encrypted page by page: every page read that
 * is not in the page cache is decrypted again, and the tables the measures used to read (cases,
 * young people, the sessions, the status history: thousands of pages at 10,000 cases) pushed each
 * other out of the cache within one computation. Each index covers its query (no table row is
 * read) and starts with the measure's date, so only the period's entries are visited. No table
 * changes; the indexes are derived and rebuilt by SQLite, never carried in a bundle.
 */
export const m0150StatisticsIndexes: Migration = {
  version: 150,
  name: 'indexes for the statistics',
  up(db) {
    db.exec(`
      -- Sessions offered by attendance (interventions.stats.ts): the period's sessions only.
      CREATE INDEX intervention_sessions_date ON intervention_sessions (session_date, attendance);

      -- Median days from paperwork to report (assessments.stats.ts): reports sent in the period.
      CREATE INDEX cases_report_sent ON cases (assessment_completed_date, paperwork_complete_date, id)
        WHERE assessment_completed_date IS NOT NULL;

      -- The open caseload at the period's end (cases.stats.ts): the open cases with their lead
      -- worker, and the status changes after the period's end (none for a period ending today).
      -- The status is in the columns too: without it SQLite reads each row to check the WHERE.
      CREATE INDEX cases_open_lead ON cases (referral_date, id, lead_worker_id, status)
        WHERE status IN ('referred', 'accepted', 'active');
      CREATE INDEX case_status_history_changed ON case_status_history (changed_at, case_id);

      -- Referrals by source (the period's cases without their rows), then by local authority and
      -- by service asked for (cases.stats.ts), by case.
      CREATE INDEX cases_referral_source ON cases (referral_date, id, referral_source);
      CREATE INDEX young_people_local_authority ON young_people (case_id, local_authority);
      CREATE INDEX case_services_requested ON case_services (case_id, service) WHERE requested = 1;
    `);
  },
};
