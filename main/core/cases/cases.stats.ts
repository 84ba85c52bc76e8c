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
 * (the referral index, then each case's young person and services by key), grouped here.
 */
function referralFigures(db: Db, period: MeasurePeriod): MeasureFigure[] {
  const rows = stmt(
    db,
    `SELECT c.referral_source AS source, y.local_authority AS la,
            (SELECT group_concat(s.service) FROM case_services s WHERE s.case_id = c.id AND s.requested = 1) AS services
       FROM cases c LEFT JOIN young_people y ON y.case_id = c.id
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

/**
 * The cases open on the last day of the period, with their lead worker and allocated clinicians:
 * referred by then, and not declined or closed by then. A case's status then is its current one,
 * unless it changed after that day; only those cases (none, for a period ending today) have their
 * history read, for the last change on or before the day (none recorded: it had just been
 * referred). The currently open cases come from the index on (status, referral date), so the
 * closed majority of a large caseload is never read.
 */
function openCasesAtEnd(db: Db, period: MeasurePeriod): { id: string; lead: string | null }[] {
  const changedAfter = `SELECT DISTINCT h.case_id FROM case_status_history h WHERE h.changed_at >= ${END_OF_PERIOD}`;
  const stillAsNow = stmt(
    db,
    `SELECT c.id, c.lead_worker_id AS lead FROM cases c
      WHERE c.status IN ('referred', 'accepted', 'active') AND c.referral_date <= @to
        AND c.id NOT IN (${changedAfter})`,
  ).all(period) as { id: string; lead: string | null }[];
  const changedSince = stmt(
    db,
    `SELECT c.id, c.lead_worker_id AS lead FROM cases c
      WHERE c.id IN (${changedAfter}) AND c.referral_date <= @to
        AND coalesce((SELECT h.to_status FROM case_status_history h
                       WHERE h.case_id = c.id AND h.changed_at < ${END_OF_PERIOD}
                       ORDER BY h.changed_at DESC LIMIT 1), 'referred') IN ('referred', 'accepted', 'active')`,
  ).all(period) as { id: string; lead: string | null }[];
  return [...stillAsNow, ...changedSince];
}

/** How many open cases each clinician (lead worker or allocated) holds, and the open total. */
function caseloadByClinician(db: Db, period: MeasurePeriod): { open: number; byUser: Map<string | null, number> } {
  const workers = new Map<string, Set<string>>(
    openCasesAtEnd(db, period).map((c) => [c.id, new Set(c.lead ? [c.lead] : [])]),
  );
  for (const a of stmt(db, 'SELECT case_id, user_id FROM case_clinicians').all() as { case_id: string; user_id: string }[]) {
    workers.get(a.case_id)?.add(a.user_id);
  }
  const byUser = new Map<string | null, number>();
  for (const users of workers.values()) {
    // A case with nobody allocated is counted once, as "Not allocated".
    for (const u of users.size ? users : [null]) byUser.set(u, (byUser.get(u) ?? 0) + 1);
  }
  return { open: workers.size, byUser };
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
