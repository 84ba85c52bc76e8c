/**
 * The case file's statistics: referrals received in the period (by source, local authority and
 * service asked for), and the open caseload per clinician (the dashboard's only: a clinician is an
 * identifier, so it never leaves in the anonymised export).
 */
import type { Db } from '../db/connection';
import { stmt } from '../db/statements';
import { groupCountsOf } from '../stats/figures';
import { monthsOf, recordRows, splitPeriod, tallyCells } from '../stats/month-tallies';
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
 * The referrals of the days a period cuts from its months, with their source, local authority and
 * services asked for, in one pass (the referral index, then each case's young person and services
 * by key), grouped here. The source, the local authority and the services come from small covering
 * indexes (migration 150), not from the wide cases, young_people and case_services rows; SQLite,
 * knowing no table sizes, would pick the young person's primary key instead (one row, but read
 * from the table), hence INDEXED BY.
 */
const REFERRALS_OF_DAYS = `SELECT substr(c.referral_date, 1, 7) AS month, c.referral_source AS source, y.local_authority AS la,
            (SELECT group_concat(s.service) FROM case_services s WHERE s.case_id = c.id AND s.requested = 1) AS services
       FROM cases c LEFT JOIN young_people y INDEXED BY young_people_local_authority ON y.case_id = c.id
      WHERE c.referral_date BETWEEN @from AND @to`;

interface ReferralRow {
  month: string;
  source: string | null;
  la: string | null;
  services: string | null;
}

/**
 * The period's referrals: the whole months from the month tallies (by source, which every case
 * has one of, so they also give the total and the months; by local authority, which only a case
 * with its young person recorded is in, the rest being "Not recorded"; by service), the cut months'
 * days from the records. Each referral is in exactly one month, so the sums are the records' own.
 */
function referralFigures(db: Db, period: MeasurePeriod): MeasureFigure[] {
  const split = splitPeriod(period);
  const rows = recordRows(split, (range) => stmt(db, REFERRALS_OF_DAYS).all(range) as ReferralRow[]);
  const bySource = tallyCells(db, 'referral_source', split);
  const total = rows.length + bySource.reduce((sum, c) => sum + c.n, 0);
  const byLa = tallyCells(db, 'referral_la', split);
  const withYoungPerson = byLa.reduce((sum, c) => sum + c.n, 0);
  const months = new Map<string, number>();
  for (const c of [...bySource, ...rows.map((r) => ({ month: r.month, n: 1 }))]) {
    months.set(c.month, (months.get(c.month) ?? 0) + c.n);
  }
  const cells = (list: readonly { grp: string; n: number }[]) => list.map((c) => [c.grp, c.n] as const);
  const one = (g: string | null) => [g, 1] as const;
  return [
    { breakdown: null, group: null, value: total },
    ...groupCountsOf('source', [...cells(bySource), ...rows.map((r) => one(r.source))]),
    ...groupCountsOf('local_authority', [
      ...cells(byLa),
      [null, total - rows.length - withYoungPerson] as const,
      ...rows.map((r) => one(r.la)),
    ]),
    ...groupCountsOf(
      'service',
      [...cells(tallyCells(db, 'referral_service', split)), ...rows.flatMap((r) => (r.services ? r.services.split(',') : []).map(one))],
      SERVICE_LABELS,
    ),
    // Months partition the period: every month of it, 0 for one without referrals, so "referrals
    // over time" draws an unbroken line.
    ...monthsOf(period).map((month) => ({ breakdown: 'month', group: month, value: months.get(month) ?? 0 })),
  ];
}

/** The calendar months a period touches (kept here for the callers that found it here). */
export { monthsOf };

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
  tallies: ['referral_source', 'referral_la', 'referral_service'],
  compute: referralFigures,
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
const OPEN_UNCHANGED_SINCE = `
  SELECT c.id, c.lead_worker_id AS lead FROM cases c INDEXED BY cases_open_lead
   WHERE c.status IN ${OPEN} AND c.referral_date <= @to AND c.id NOT IN (${CHANGED_AFTER})`;
/** The cases that changed status after the period's last day and were open on it. */
const OPEN_THEN_CHANGED_SINCE = `
  SELECT c.id, c.lead_worker_id AS lead FROM cases c
   WHERE c.id IN (${CHANGED_AFTER}) AND c.referral_date <= @to
     AND coalesce((SELECT h.to_status FROM case_status_history h
                    WHERE h.case_id = c.id AND h.changed_at < ${END_OF_PERIOD}
                    ORDER BY h.changed_at DESC LIMIT 1), 'referred') IN ${OPEN}`;
const OPEN_AT_END = `${OPEN_UNCHANGED_SINCE} UNION ALL ${OPEN_THEN_CHANGED_SINCE}`;

/** Currently open cases that were referred after the period's last day or changed status after it. */
const OPEN_NOW_NOT_AS_THEN = `
  SELECT c.id, c.lead_worker_id AS lead FROM cases c INDEXED BY cases_open_lead
   WHERE c.status IN ${OPEN} AND c.referral_date > @to
  UNION
  SELECT c.id, c.lead_worker_id FROM cases c WHERE c.id IN (${CHANGED_AFTER}) AND c.status IN ${OPEN}`;

/**
 * The total (the row with `total` 1), then how many of `cases` each clinician holds: a case
 * counts once for its lead worker and once for each other allocated clinician, and a case with
 * nobody is counted once as "Not allocated" (user_id null). Counted in SQLite, so the thousands of
 * (case, clinician) pairs of a large caseload never become rows here.
 */
const caseloadOf = (cases: string) => `
  WITH open_cases AS MATERIALIZED (${cases}),
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

/**
 * The open caseload as it is now, kept by triggers (`stats_open_caseload`, migration 290): '*' is
 * the total and '' "Not allocated", as `caseloadOf` counts them.
 */
const CASELOAD_NOW = `SELECT user_key = '*' AS total, nullif(user_key, '') AS user_id, n FROM stats_open_caseload`;

interface CaseloadRow {
  total: number;
  user_id: string | null;
  n: number;
}

/**
 * How many open cases each clinician (lead worker or allocated) holds at the period's end, and the
 * open total. From the records: every case open then. From the kept counts: the open caseload now,
 * less the open cases that were not open as they are now at the period's end (referred after it,
 * or changed status since), plus those of them that were open then; for a period ending today,
 * neither, so the dashboard reads one small row per clinician.
 */
function caseloadByClinician(db: Db, period: MeasurePeriod): { open: number; byUser: Map<string | null, number> } {
  const add = (rows: CaseloadRow[], sign: 1 | -1, into: Map<string | null, number>, totals: { open: number }) => {
    for (const r of rows) {
      if (r.total === 1) totals.open += sign * r.n;
      else into.set(r.user_id, (into.get(r.user_id) ?? 0) + sign * r.n);
    }
  };
  const byUser = new Map<string | null, number>();
  const totals = { open: 0 };
  const read = (sql: string) => stmt(db, sql).all({ to: period.to }) as CaseloadRow[];
  if (period.fromRecords) add(read(caseloadOf(OPEN_AT_END)), 1, byUser, totals);
  else {
    add(stmt(db, CASELOAD_NOW).all() as CaseloadRow[], 1, byUser, totals);
    add(read(caseloadOf(OPEN_NOW_NOT_AS_THEN)), -1, byUser, totals);
    add(read(caseloadOf(OPEN_THEN_CHANGED_SINCE)), 1, byUser, totals);
  }
  for (const [user, n] of byUser) if (n === 0) byUser.delete(user);
  return { open: totals.open, byUser };
}

registerMeasure({
  id: 'open_caseload',
  label: 'Open caseload at the end of the period',
  unit: 'count',
  order: 20,
  // By clinician: a clinician is an identifier, so this stays on the service's own dashboard.
  exportable: false,
  // Not a sum of months but a snapshot: the counts kept now (migration 290), corrected by the
  // cases referred or changed after the period's end.
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
