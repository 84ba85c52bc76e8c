/**
 * The case file's statistics: referrals received in the period (by source, local authority and
 * service asked for), and the open caseload per clinician (the dashboard's only: a clinician is an
 * identifier, so it never leaves in the anonymised export).
 */
import type { Db } from '../db/connection';
import { stmt } from '../db/statements';
import { groupsOf } from '../stats/figures';
import { registerMeasure, type MeasureFigure, type MeasurePeriod } from '../stats/measure-registry';

/** The services as a referral asks for them (the case page's words). */
const SERVICE_LABELS: Record<string, string> = {
  consultation: 'Professional consultation',
  assessment: 'Assessment',
  attachment_assessment: 'Attachment assessment',
  intervention: 'Intervention (treatment)',
  safe_home: 'Safe Home',
};

/**
 * The period's referrals with their source, local authority and services asked for, in one pass
 * (the referral index, then each case's young person and services by key), grouped here. The
 * source, the local authority and the services come from small covering indexes (migration 150),
 * not from the wide cases, young_people and case_services rows; SQLite, knowing no table sizes,
 * would pick the young person's primary key instead (one row, but read from the table), hence
 * INDEXED BY.
 */
function referralFigures(db: Db, period: MeasurePeriod): MeasureFigure[] {
  const rows = stmt(
    db,
    `SELECT c.referral_source AS source, y.local_authority AS la,
            (SELECT group_concat(s.service) FROM case_services s WHERE s.case_id = c.id AND s.requested = 1) AS services
       FROM cases c LEFT JOIN young_people y INDEXED BY young_people_local_authority ON y.case_id = c.id
      WHERE c.referral_date BETWEEN @from AND @to`,
  ).all(period) as { source: string | null; la: string | null; services: string | null }[];
  const services = rows.flatMap((r) => (r.services ? r.services.split(',') : []));
  return [
    { breakdown: null, group: null, value: rows.length },
    ...groupsOf('source', rows.map((r) => r.source)),
    ...groupsOf('local_authority', rows.map((r) => r.la)),
    ...groupsOf('service', services, SERVICE_LABELS),
  ];
}

/** The calendar months the period touches, `yyyy-mm`, first to last (a month cut by an edge included). */
export function monthsOf(period: { from: string; to: string }): string[] {
  const months: string[] = [];
  let [year, month] = period.from.split('-').map(Number) as [number, number];
  const last = period.to.slice(0, 7);
  for (;;) {
    const m = `${year}-${String(month).padStart(2, '0')}`;
    months.push(m);
    if (m >= last) return months;
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
}

/**
 * The period's referrals by the month they were made in (`yyyy-mm`, the months in order, a month
 * without referrals as 0, so "referrals over time" draws an unbroken line). A second pass over the
 * referral index alone (`cases_referral` covers the date), so the breakdown costs no case read.
 */
function referralsByMonth(db: Db, period: MeasurePeriod): MeasureFigure[] {
  const counts = new Map(
    (
      stmt(
        db,
        `SELECT substr(referral_date, 1, 7) AS month, count(*) AS n FROM cases
          WHERE referral_date BETWEEN @from AND @to GROUP BY month`,
      ).all({ from: period.from, to: period.to }) as { month: string; n: number }[]
    ).map((r) => [r.month, r.n]),
  );
  return monthsOf(period).map((month) => ({ breakdown: 'month', group: month, value: counts.get(month) ?? 0 }));
}

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
    // Months partition the period: each referral is made in exactly one of them.
    { id: 'month', label: 'Month', partition: true },
  ],
  compute: (db, period) => [...referralFigures(db, period), ...referralsByMonth(db, period)],
});

/** After every time on the period's last day: `changed_at < @to || 'T~'` is "on or before it". */
const END_OF_PERIOD = `@to || 'T~'`;
const OPEN = `('referred', 'accepted', 'active')`;

/** The cases whose status changed after the period's last day, from the index on the date. */
const CHANGED_AFTER = `SELECT h.case_id FROM case_status_history h WHERE h.changed_at >= ${END_OF_PERIOD}`;

/**
 * The cases open on the last day of the period, with their lead worker: referred by then, and not
 * declined or closed by then. A case's status then is its current one, unless it changed after
 * that day; only those cases (none, for a period ending today) have their history read, for the
 * last change on or before the day (none recorded: it had just been referred). The currently open
 * cases come from the small index of open cases (`cases_open_lead`, which holds the lead worker
 * too), so neither the closed majority of a large caseload nor any case's row is read.
 */
const OPEN_AT_END = `
  SELECT c.id, c.lead_worker_id AS lead FROM cases c INDEXED BY cases_open_lead
   WHERE c.status IN ${OPEN} AND c.referral_date <= @to AND c.id NOT IN (${CHANGED_AFTER})
  UNION ALL
  SELECT c.id, c.lead_worker_id FROM cases c
   WHERE c.id IN (${CHANGED_AFTER}) AND c.referral_date <= @to
     AND coalesce((SELECT h.to_status FROM case_status_history h
                    WHERE h.case_id = c.id AND h.changed_at < ${END_OF_PERIOD}
                    ORDER BY h.changed_at DESC LIMIT 1), 'referred') IN ${OPEN}`;

/**
 * The open total (the row with `total` 1), then how many open cases each clinician holds: a case
 * counts once for its lead worker and once for each other allocated clinician, and a case with
 * nobody is counted once as "Not allocated" (user_id null). Counted in SQLite, so the thousands of
 * (case, clinician) pairs of a large caseload never become rows here.
 */
const CASELOAD_BY_CLINICIAN = `
  WITH open_cases AS MATERIALIZED (${OPEN_AT_END}),
  workers AS (
    SELECT o.lead AS user_id FROM open_cases o WHERE o.lead IS NOT NULL
    UNION ALL
    -- CROSS JOIN keeps this order: each open case's clinicians by key, not every allocation.
    SELECT cc.user_id FROM open_cases o CROSS JOIN case_clinicians cc ON cc.case_id = o.id
     WHERE o.lead IS NULL OR cc.user_id <> o.lead
    UNION ALL
    SELECT NULL FROM open_cases o
     WHERE o.lead IS NULL AND NOT EXISTS (SELECT 1 FROM case_clinicians cc WHERE cc.case_id = o.id)
  )
  SELECT 1 AS total, NULL AS user_id, count(*) AS n FROM open_cases
  UNION ALL
  SELECT 0, user_id, count(*) FROM workers GROUP BY user_id`;

/** How many open cases each clinician (lead worker or allocated) holds, and the open total. */
function caseloadByClinician(db: Db, period: MeasurePeriod): { open: number; byUser: Map<string | null, number> } {
  const rows = stmt(db, CASELOAD_BY_CLINICIAN).all({ to: period.to }) as {
    total: number;
    user_id: string | null;
    n: number;
  }[];
  const byUser = new Map<string | null, number>();
  for (const r of rows) if (r.total === 0) byUser.set(r.user_id, r.n);
  return { open: rows.find((r) => r.total === 1)?.n ?? 0, byUser };
}

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
  compute(db, period) {
    const { open, byUser } = caseloadByClinician(db, period);
    const names = new Map(
      (stmt(db, 'SELECT id, display_name FROM users').all() as { id: string; display_name: string }[]).map((u) => [
        u.id,
        u.display_name,
      ]),
    );
    const groups = [...byUser].map(([user, value]) => ({
      breakdown: 'clinician',
      group: user === null ? 'Not allocated' : (names.get(user) ?? 'Unknown user'),
      value,
    }));
    groups.sort((a, b) => b.value - a.value || (a.group < b.group ? -1 : 1));
    return [{ breakdown: null, group: null, value: open }, ...groups];
  },
});
