import type { Migration } from './index';

/**
 * The Assessments area's order (assessments-list.ts): open cases soonest due first, those
 * waiting for paperwork last, then by reference. Its page used to join every open assessment
 * to its case and sort them all (about 2,900 at 50,000 cases) to return 50. Walking these
 * indexes in order, each case is tested against `assessments_one_open` and the walk stops once
 * the page is full. They hold only open cases (the list shows no other), and carry what the
 * status and clinician filters test, so a case is skipped without reading its row. The second
 * is the same order for one lead worker. No table changes; SQLite builds them from the rows.
 */
export const m0300OpenAssessmentOrder: Migration = {
  version: 300,
  name: 'indexes of open cases in the Assessments list order',
  up(db) {
    db.exec(`
      CREATE INDEX cases_open_assessment_order
        ON cases (assessment_due_date IS NULL, assessment_due_date, reference, id, lead_worker_id, status)
        WHERE status IN ('referred', 'accepted', 'active');
      CREATE INDEX cases_open_assessment_lead
        ON cases (lead_worker_id, assessment_due_date IS NULL, assessment_due_date, reference, id, status)
        WHERE status IN ('referred', 'accepted', 'active');
    `);
  },
};
