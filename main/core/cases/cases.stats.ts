/**
 * The case file's statistics: referrals received in the period (by source, local authority and
 * service asked for), and the open caseload per clinician (the dashboard's only: a clinician is an
 * identifier, so it never leaves in the anonymised export).
 */
import type { Db } from '../db/connection';
import { stmt } from '../db/statements';
import { countFor, groupFigures } from '../stats/figures';
import { registerMeasure, type MeasurePeriod } from '../stats/measure-registry';

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

/**
 * The open cases' lead workers and allocated clinicians, read in two passes: the open cases (each
 * case's status then is one index lookup), and the allocations of all cases (a small table).
 */
function caseloadByClinician(db: Db, period: MeasurePeriod): { open: number; byUser: Map<string | null, number> } {
  const open = stmt(db, `SELECT c.id, c.lead_worker_id AS lead FROM cases c WHERE ${OPEN_AT_END}`).all(period) as {
    id: string;
    lead: string | null;
  }[];
  const workers = new Map<string, Set<string>>(open.map((c) => [c.id, new Set(c.lead ? [c.lead] : [])]));
  for (const a of stmt(db, 'SELECT case_id, user_id FROM case_clinicians').all() as { case_id: string; user_id: string }[]) {
    workers.get(a.case_id)?.add(a.user_id);
  }
  const byUser = new Map<string | null, number>();
  for (const users of workers.values()) {
    // A case with nobody allocated is counted once, as "Not allocated".
    for (const u of users.size ? users : [null]) byUser.set(u, (byUser.get(u) ?? 0) + 1);
  }
  return { open: open.length, byUser };
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
