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
