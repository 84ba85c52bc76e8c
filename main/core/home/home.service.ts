/**
 * Home for the signed-in user: the lists of `home.repo.ts` in one transaction, with the audit
 * row `home.summary` (counts only: no case id, name or text, since the summary is the user's
 * own and names many cases at once, like a caseload page).
 *
 * The rules are the modules' own: a task is due soon within 7 days (`taskState` in
 * casework/work.service.ts), a flag is overdue after its address-by date (`flagState`), an
 * assessment's 12-week status is the Assessments area's (`statusOf`), and "this week" is Monday
 * to Sunday of the vault's today in England.
 */
import {
  HOME_ASSESSMENT_STATUSES,
  HOME_LIST_LIMIT,
  type HomeAssessment,
  type HomeAssessmentStatus,
  type HomeCaseRef,
  type HomeList,
  type HomeSummary,
  type HomeTask,
} from '../../../preload/contract/home';
import { displayName } from '../../../preload/contract/young-person-name';
import { statusOf } from '../assessments/assessments-list';
import { TASK_DUE_SOON_DAYS, flagState } from '../casework/work.service';
import { today } from '../cases/cases.service';
import { addDays, daysBetween } from '../cases/dates';
import type { OpenVault } from '../vault/vault';
import {
  myBookedSessions,
  myFacilitatedSessions,
  myOpenAssessments,
  myOpenCaseIds,
  myOpenCases,
  myOpenFlags,
  myTasksDue,
  type NameParts,
  type TaskRow,
} from './home.repo';

/** Monday and Sunday of the week `date` falls in (weeks start on Monday in the UK). */
export function weekOf(date: string): { from: string; to: string } {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 is Sunday
  const from = addDays(date, -((weekday + 6) % 7));
  return { from, to: addDays(from, 6) };
}

const caseRef = (r: NameParts): HomeCaseRef => ({
  caseId: r.case_id,
  reference: r.reference,
  youngPersonName: displayName(r.given_name, r.family_name, r.initials),
});

/** A list from rows that each carry the full count (0 when there are none). */
function listOf<R extends { total: number }, T>(rows: R[], item: (r: R) => T): HomeList<T> {
  return { items: rows.map(item), total: rows[0]?.total ?? 0 };
}

function assessmentsByStatus(vault: OpenVault, mine: string, todayDate: string): HomeSummary['assessments'] {
  const lists = Object.fromEntries(
    HOME_ASSESSMENT_STATUSES.map((s) => [s, { items: [] as HomeAssessment[], total: 0 }]),
  ) as Record<HomeAssessmentStatus, HomeList<HomeAssessment>>;
  for (const r of myOpenAssessments(vault.db, mine)) {
    const list = lists[statusOf(r.due, todayDate)];
    list.total += 1;
    if (list.items.length >= HOME_LIST_LIMIT) continue;
    list.items.push({
      ...caseRef(r),
      assessmentId: r.assessment_id,
      dueDate: r.due,
      daysRemaining: r.due ? daysBetween(todayDate, r.due) : null,
    });
  }
  return lists;
}

/** Read the user's Home. One transaction, one audit row. */
export function homeSummary(vault: OpenVault): HomeSummary {
  const me = vault.user.id;
  const limit = HOME_LIST_LIMIT;
  return vault.db
    .transaction(() => {
      const todayDate = today(vault);
      const week = weekOf(todayDate);
      const dueSoonTo = addDays(todayDate, TASK_DUE_SOON_DAYS);
      const myCases = myOpenCaseIds(vault.db, me);
      const mine = JSON.stringify(myCases.map((c) => c.case_id));
      const summary: HomeSummary = {
        today: todayDate,
        weekFrom: week.from,
        weekTo: week.to,
        dueSoonTo,
        caseload: listOf(myOpenCases(vault.db, myCases, limit), (r) => ({
          ...caseRef(r),
          status: r.status,
          lead: r.lead === 1,
          openFlags: r.open_flags,
        })),
        overdueTasks: listOf(myTasksDue(vault.db, me, null, addDays(todayDate, -1), limit), taskItem),
        dueSoonTasks: listOf(myTasksDue(vault.db, me, todayDate, dueSoonTo, limit), taskItem),
        assessments: assessmentsByStatus(vault, mine, todayDate),
        flags: listOf(myOpenFlags(vault.db, mine, limit), (r) => ({
          ...caseRef(r),
          flagId: r.flag_id,
          reason: r.reason,
          addressBy: r.address_by,
          overdue: flagState({ clearedAt: null, addressBy: r.address_by }, todayDate) === 'overdue',
        })),
        interventionSessions: listOf(myBookedSessions(vault.db, me, mine, week, limit), (r) => ({
          ...caseRef(r),
          sessionId: r.session_id,
          sessionDate: r.session_date,
          startTime: r.start_time,
          sessionType: r.session_type,
        })),
        safeHomeSessions: listOf(myFacilitatedSessions(vault.db, me, week.from, week.to, limit), (r) => ({
          sessionId: r.session_id,
          runId: r.run_id,
          runTitle: r.run_title,
          kind: r.kind,
          seq: r.seq,
          sessionDate: r.session_date,
          registerTaken: r.register_taken === 1,
        })),
      };
      vault.audit({ action: 'home.summary', detail: countsOf(summary) });
      return summary;
    })
    .immediate();
}

function taskItem(r: TaskRow): HomeTask {
  return { ...caseRef(r), taskId: r.task_id, title: r.title, dueDate: r.due_date };
}

/** What the audit row keeps: how many of each, never which. */
function countsOf(s: HomeSummary): Record<string, number> {
  return {
    caseload: s.caseload.total,
    overdueTasks: s.overdueTasks.total,
    dueSoonTasks: s.dueSoonTasks.total,
    assessments: HOME_ASSESSMENT_STATUSES.reduce((n, k) => n + s.assessments[k].total, 0),
    flags: s.flags.total,
    interventionSessions: s.interventionSessions.total,
    safeHomeSessions: s.safeHomeSessions.total,
  };
}
