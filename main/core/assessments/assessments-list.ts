/**
 * The Assessments area's list: every open assessment with its 12-week status, soonest due
 * first and those waiting for paperwork last. The open assessments are found from the partial
 * index `assessments_one_open` (a few thousand at most at 10,000 cases), so the page is one
 * join and one small sort; the statuses are the same boundaries as `readClock`.
 */
import type { AssessmentListQuery, AssessmentSummary } from '../../../preload/contract/assessments';
import type { AssessmentStage, Page } from '../../../preload/contract';
import { displayName } from '../cases/caseload.service';
import { today } from '../cases/cases.service';
import { addDays, daysBetween, DUE_SOON_DAYS } from '../cases/dates';
import type { Db } from '../db/connection';
import { boundedTotal } from '../db/bounded-count';
import { stmt } from '../db/statements';
import type { OpenVault } from '../vault/vault';

interface ListRow {
  assessment_id: string;
  case_id: string;
  reference: string;
  given_name: string | null;
  family_name: string | null;
  initials: string;
  lead_worker_name: string | null;
  due: string | null;
  stage_reached: AssessmentStage | null;
}

/**
 * Each status as a condition on the case's due date. The dated ones also say "has a due date"
 * in the form of the order indexes' first column (`assessment_due_date IS NULL`), so the page's
 * walk seeks straight to its part of the order (migration 300).
 */
const STATUS_SQL: Record<AssessmentListQuery['status'], string> = {
  all: '1',
  awaiting_paperwork: '(c.assessment_due_date IS NULL) = 1',
  overdue: '(c.assessment_due_date IS NULL) = 0 AND c.assessment_due_date < @today',
  due_soon: '(c.assessment_due_date IS NULL) = 0 AND c.assessment_due_date BETWEEN @today AND @soon',
  on_track: '(c.assessment_due_date IS NULL) = 0 AND c.assessment_due_date > @soon',
};

/** The open statuses: a case closed (or declined) mid-assessment reads "not assessed", not overdue. */
const OPEN_CASE = `c.status IN ('referred', 'accepted', 'active')`;

/**
 * The SQL of one page; exported so the plan can be checked (tests/main/core/assessments). The
 * page walks the open cases in the list's order along `cases_open_assessment_order` (or
 * `cases_open_assessment_lead` for one lead worker), tests each against the open assessment's
 * unique index, and stops when the page is full: no sort. Only the page's rows then read the
 * young person and the lead worker's name. The count (`countRows`, bounded when it runs:
 * db/bounded-count.ts) walks the other way, from the partial index `assessments_one_open`
 * (`+c.status` keeps the planner from starting at every open case), which stops at its bound.
 */
export function assessmentListSql(q: AssessmentListQuery): { page: string; countRows: string } {
  const filters = [STATUS_SQL[q.status]];
  if (q.clinicianId) filters.push('c.lead_worker_id = @clinician');
  const order = q.clinicianId ? 'cases_open_assessment_lead' : 'cases_open_assessment_order';
  // Within one status the first key is the same for every row; SQLite sees that the index then
  // gives the order only if the ORDER BY leaves it out (it does not match the seek to it). For
  // "awaiting paperwork" the due date is null throughout, so the order is the reference's.
  const keys = `${q.status === 'all' ? 'c.assessment_due_date IS NULL, ' : ''}c.assessment_due_date, c.reference`;
  const count = [`a.state = 'open'`, `+${OPEN_CASE}`, ...filters].join(' AND ');
  return {
    page: `SELECT p.assessment_id, p.case_id, p.reference, y.given_name, y.family_name, y.initials,
             (SELECT display_name FROM users u WHERE u.id = p.lead_worker_id) AS lead_worker_name, p.due, p.stage_reached
           FROM (SELECT a.id AS assessment_id, a.case_id, a.stage_reached, c.reference, c.lead_worker_id,
                   c.assessment_due_date AS due
                 FROM cases c INDEXED BY ${order} CROSS JOIN assessments a
                 WHERE ${[OPEN_CASE, ...filters].join(' AND ')} AND a.case_id = c.id AND a.state = 'open'
                 ORDER BY ${keys} LIMIT @limit OFFSET @offset) p
           JOIN young_people y ON y.case_id = p.case_id
           ORDER BY p.due IS NULL, p.due, p.reference`,
    countRows: `SELECT 1 FROM assessments a JOIN cases c ON c.id = a.case_id WHERE ${count}`,
  };
}

/** An open assessment's 12-week status from its case's due date (also used by Home). */
export function statusOf(due: string | null, todayDate: string): AssessmentSummary['status'] {
  if (!due) return 'awaiting_paperwork';
  const left = daysBetween(todayDate, due);
  if (left < 0) return 'overdue';
  return left <= DUE_SOON_DAYS ? 'due_soon' : 'on_track';
}

export function queryAssessmentList(db: Db, q: AssessmentListQuery, todayDate: string): Page<AssessmentSummary> {
  const sql = assessmentListSql(q);
  const params = { today: todayDate, soon: addDays(todayDate, DUE_SOON_DAYS), clinician: q.clinicianId };
  const counted = boundedTotal(db, sql.countRows, params, q);
  const rows = stmt(db, sql.page).all({ ...params, limit: q.limit, offset: q.offset }) as ListRow[];
  return {
    items: rows.map((r) => ({
      assessmentId: r.assessment_id,
      caseId: r.case_id,
      reference: r.reference,
      youngPersonName: displayName(r.given_name, r.family_name, r.initials),
      leadWorkerName: r.lead_worker_name,
      dueDate: r.due,
      daysRemaining: r.due ? daysBetween(todayDate, r.due) : null,
      status: statusOf(r.due, todayDate),
      stageReached: r.stage_reached,
    })),
    ...counted,
    offset: q.offset,
    limit: q.limit,
  };
}

/** One page of open assessments. One audit row per query (not per assessment listed). */
export function listAssessments(vault: OpenVault, q: AssessmentListQuery): Page<AssessmentSummary> {
  return vault.db
    .transaction(() => {
      const page = queryAssessmentList(vault.db, q, today(vault));
      vault.audit({
        action: 'assessment.list',
        detail: { status: q.status, clinician: q.clinicianId !== null, offset: q.offset, returned: page.items.length },
      });
      return page;
    })
    .immediate();
}
