/**
 * The Interventions area's list: every active plan with its next planned session and its DNA
 * rate, soonest next session first and plans with none booked last. The active plans come from
 * the partial index `intervention_plans_one_active` (one row per case in intervention); the next
 * session and the counts are index lookups on `intervention_sessions_plan`, and names are read
 * for the page's rows only.
 */
import type { InterventionListItem } from '../../../preload/contract/intervention-records';
import { attendanceSummary } from '../../../preload/contract/intervention-outcomes';
import type { Page } from '../../../preload/contract/paging';
import { displayName } from '../../../preload/contract/young-person-name';
import { today } from '../cases/cases.service';
import { visibleCaseCondition } from '../cases/visibility';
import type { Db } from '../db/connection';
import { stmt } from '../db/statements';
import type { SessionUser } from '../../../preload/contract/common';
import type { OpenVault } from '../vault/vault';
import type { Attendance, PlanType } from '../../../preload/contract/intervention-records';

interface ListRow {
  plan_id: string;
  case_id: string;
  reference: string;
  plan_type: PlanType;
  start_date: string;
  clinician_ids: string;
  next: string | null;
  given_name: string | null;
  family_name: string | null;
  initials: string | null;
}

const count = (attendance: Attendance) =>
  `(SELECT count(*) FROM intervention_sessions s WHERE s.plan_id = p.plan_id AND s.attendance = '${attendance}')`;

/**
 * The page's SQL (exported so a test can read its plan). Every active plan's next session comes
 * from one pass over the partial index of booked sessions (`nexts`), so ordering a thousand plans
 * by it costs one small scan and one sort, not a lookup per plan. Ties are broken by the plan's
 * own start date and id, not the case reference: reading each case's row (one encrypted page
 * each) for every active plan cost more than the rest of the query (about 13 ms at 887 plans),
 * and the sort reads only the covering index `intervention_plans_active_start`.
 * The case, the young person and the counts are read for the page's rows only.
 */
export function interventionListSql(visible: string): { page: string; count: string } {
  const active = `ip.state = 'active' AND ${visible}`;
  return {
    page: `WITH nexts AS (
             SELECT s.plan_id, min(s.session_date) AS next
               FROM intervention_sessions s INDEXED BY intervention_sessions_planned
              WHERE s.attendance = 'planned' AND s.session_date >= @today
              GROUP BY s.plan_id)
           SELECT p.*, pl.plan_type, pl.clinician_ids, c.reference, ${count('attended')} AS attended, ${count('cancelled_by_family')} AS by_family,
             ${count('cancelled_by_service')} AS by_service, ${count('did_not_attend')} AS dna,
             y.given_name, y.family_name, y.initials
           FROM (SELECT ip.id AS plan_id, ip.case_id, ip.start_date, n.next
                 FROM intervention_plans ip INDEXED BY intervention_plans_active_start
                 LEFT JOIN nexts n ON n.plan_id = ip.id
                 WHERE ${active}
                 ORDER BY n.next IS NULL, n.next, ip.start_date, ip.id LIMIT @limit OFFSET @offset) p
           CROSS JOIN intervention_plans pl ON pl.id = p.plan_id
           JOIN cases c ON c.id = p.case_id
           LEFT JOIN young_people y ON y.case_id = p.case_id
           ORDER BY p.next IS NULL, p.next, p.start_date, p.plan_id`,
    count: `SELECT count(*) AS n FROM intervention_plans ip INDEXED BY intervention_plans_one_active WHERE ${active}`,
  };
}

type CountedRow = ListRow & { attended: number; by_family: number; by_service: number; dna: number };

export function queryInterventionList(
  db: Db,
  user: SessionUser,
  todayDate: string,
  limit: number,
  offset: number,
): Page<InterventionListItem> {
  const visible = visibleCaseCondition(user, 'ip.case_id');
  const sql = interventionListSql(visible.sql);
  const rows = stmt(db, sql.page).all({ ...visible.params, today: todayDate, limit, offset }) as CountedRow[];
  const { n } = stmt(db, sql.count).get(visible.params) as { n: number };
  const names = new Map<string, string>();
  const nameOf = (id: string) => {
    if (!names.has(id)) {
      const row = stmt(db, 'SELECT display_name AS n FROM users WHERE id = ?').get(id) as { n: string } | undefined;
      names.set(id, row?.n ?? '');
    }
    return names.get(id) ?? '';
  };
  return {
    items: rows.map((r) => {
      const attendances: Attendance[] = [
        ...Array<Attendance>(r.attended).fill('attended'),
        ...Array<Attendance>(r.by_family).fill('cancelled_by_family'),
        ...Array<Attendance>(r.by_service).fill('cancelled_by_service'),
        ...Array<Attendance>(r.dna).fill('did_not_attend'),
      ];
      const summary = attendanceSummary(attendances);
      return {
        planId: r.plan_id,
        caseId: r.case_id,
        caseReference: r.reference,
        youngPersonName: displayName(r.given_name, r.family_name, r.initials ?? ''),
        planType: r.plan_type,
        startDate: r.start_date,
        clinicianNames: (JSON.parse(r.clinician_ids) as string[]).map(nameOf),
        nextSessionDate: r.next,
        sessionsOffered: summary.offered,
        didNotAttend: summary.didNotAttend,
        dnaRate: summary.dnaRate,
      };
    }),
    total: n,
    offset,
    limit,
  };
}

/** One page of active plans. One audit row a page, naming the cases listed (not per plan). */
export function listInterventions(vault: OpenVault, limit: number, offset: number): Page<InterventionListItem> {
  return vault.db
    .transaction(() => {
      const page = queryInterventionList(vault.db, vault.user, today(vault), limit, offset);
      vault.audit({
        action: 'intervention.list',
        detail: { offset, limit, cases: page.items.map((i) => i.caseReference) },
      });
      return page;
    })
    .immediate();
}
