/**
 * The case file's statistics: referrals received in the period (by source, local authority and
 * service asked for), and the open caseload per clinician (the dashboard's only: a clinician is an
 * identifier, so it never leaves in the anonymised export).
 */
import { countFor, groupFigures } from '../stats/figures';
import { registerMeasure } from '../stats/measure-registry';

const IN_PERIOD = 'c.referral_date BETWEEN @from AND @to';

/** The services as a referral asks for them (the case page's words). */
const SERVICE_LABELS: Record<string, string> = {
  consultation: 'Professional consultation',
  assessment: 'Assessment',
  attachment_assessment: 'Attachment assessment',
  intervention: 'Intervention (treatment)',
  safe_home: 'Safe Home',
};

registerMeasure({
  id: 'referrals_received',
  label: 'Referrals received',
  unit: 'count',
  order: 10,
  exportable: true,
  breakdowns: [
    { id: 'source', label: 'Referral source', partition: true, freeText: true },
    { id: 'local_authority', label: 'Local authority', partition: true, freeText: true },
    // A referral may ask for several services, or none yet: these groups overlap.
    { id: 'service', label: 'Service asked for', partition: false },
  ],
  compute: (db, period) => [
    { breakdown: null, group: null, value: countFor(db, `SELECT count(*) AS n FROM cases c WHERE ${IN_PERIOD}`, period) },
    ...groupFigures(
      db,
      'source',
      `SELECT c.referral_source AS grp, count(*) AS n FROM cases c WHERE ${IN_PERIOD} GROUP BY grp`,
      period,
    ),
    ...groupFigures(
      db,
      'local_authority',
      `SELECT y.local_authority AS grp, count(*) AS n FROM cases c
         LEFT JOIN young_people y ON y.case_id = c.id WHERE ${IN_PERIOD} GROUP BY grp`,
      period,
    ),
    ...groupFigures(
      db,
      'service',
      `SELECT s.service AS grp, count(*) AS n FROM cases c
         JOIN case_services s ON s.case_id = c.id AND s.requested = 1 WHERE ${IN_PERIOD} GROUP BY grp`,
      period,
      SERVICE_LABELS,
    ),
  ],
});

/**
 * The cases open on the last day of the period: referred by then, and not declined or closed by
 * then (their status then is the last change made on or before that day; a case with no change
 * recorded by then had just been referred). `@to || 'T~'` sorts after every time on that day.
 */
const OPEN_AT_END = `c.referral_date <= @to AND coalesce(
    (SELECT h.to_status FROM case_status_history h
      WHERE h.case_id = c.id AND h.changed_at < @to || 'T~' ORDER BY h.changed_at DESC LIMIT 1),
    'referred') IN ('referred', 'accepted', 'active')`;

registerMeasure({
  id: 'open_caseload',
  label: 'Open caseload at the end of the period',
  unit: 'count',
  order: 20,
  // By clinician: a clinician is an identifier, so this stays on the service's own dashboard.
  exportable: false,
  breakdowns: [
    // A case counts for its lead worker and for each allocated clinician: the groups overlap.
    { id: 'clinician', label: 'Clinician', partition: false },
  ],
  compute: (db, period) => [
    { breakdown: null, group: null, value: countFor(db, `SELECT count(*) AS n FROM cases c WHERE ${OPEN_AT_END}`, period) },
    ...groupFigures(
      db,
      'clinician',
      `WITH open_cases AS (SELECT c.id, c.lead_worker_id FROM cases c WHERE ${OPEN_AT_END}),
            workers AS (
              SELECT id AS case_id, lead_worker_id AS user_id FROM open_cases
              UNION
              SELECT cc.case_id, cc.user_id FROM case_clinicians cc JOIN open_cases o ON o.id = cc.case_id)
       SELECT coalesce(u.display_name, 'Not allocated') AS grp, count(*) AS n
         FROM workers w LEFT JOIN users u ON u.id = w.user_id
        WHERE w.user_id IS NOT NULL OR NOT EXISTS (SELECT 1 FROM workers x WHERE x.case_id = w.case_id AND x.user_id IS NOT NULL)
        GROUP BY w.user_id`,
      period,
    ),
  ],
});
