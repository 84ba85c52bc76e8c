/**
 * The SQL of Home. Every query starts from the user's own open cases (`MINE`: lead worker or
 * allocated clinician, read once from `cases_lead_worker` and `case_clinicians_user`), or from an
 * index on the user (`tasks_open_owner`) or on the week (`intervention_sessions_planned`), so
 * its cost follows the size of one clinician's caseload, not the service's (`+c.status` keeps
 * the planner from walking every open case from the status index instead). Each list query
 * returns at most `@limit` rows with the full count beside each (`count(*) OVER ()`).
 */
import type { CaseStatus } from '../../../preload/contract/case-records';
import type { SessionType } from '../../../preload/contract/intervention-records';
import { OPEN_SQL } from '../cases/caseload.clock-order';
import type { Db } from '../db/connection';
import { stmt } from '../db/statements';

/** The ids of the user's cases, whatever their status. */
const MINE = `mine(case_id) AS (
  SELECT id FROM cases WHERE lead_worker_id = @me
  UNION SELECT case_id FROM case_clinicians WHERE user_id = @me)`;

/** The young person's name parts, joined by each query that names a case. */
const NAME_COLUMNS = `c.reference, y.given_name, y.family_name, coalesce(y.initials, '') AS initials`;

/** What each row of a list carries besides its own columns. */
export interface NameParts {
  case_id: string;
  reference: string;
  given_name: string | null;
  family_name: string | null;
  initials: string;
}
interface Counted {
  total: number;
}

export interface CaseRow extends NameParts, Counted {
  status: CaseStatus;
  lead: 0 | 1;
  open_flags: number;
}

export interface TaskRow extends NameParts, Counted {
  task_id: string;
  title: string;
  due_date: string;
}

export interface AssessmentRow extends NameParts {
  assessment_id: string;
  due: string | null;
}

export interface FlagRow extends NameParts, Counted {
  flag_id: string;
  reason: string;
  address_by: string | null;
}

export interface InterventionSessionRow extends NameParts, Counted {
  session_id: string;
  session_date: string;
  start_time: string;
  session_type: SessionType;
}

export interface SafeHomeSessionRow extends Counted {
  session_id: string;
  run_id: string;
  run_title: string;
  kind: 'planned' | 'catch_up';
  seq: number;
  session_date: string;
  register_taken: 0 | 1;
}

/** The SQL of each list, exported so its plan can be checked (tests/main/core/home). */
export const HOME_SQL = {
  /**
   * My open cases, by reference: read once, with only what the lists need from `cases`, and
   * handed to the other queries as a JSON array of ids (`@mine`), so the busiest clinician's
   * several hundred case rows are read (and decrypted) once, not once per list.
   */
  openCaseIds: `WITH ${MINE}
     SELECT c.id AS case_id, c.reference, c.status, c.lead_worker_id IS @me AS lead
     FROM mine m JOIN cases c ON c.id = m.case_id
     WHERE +c.status IN (${OPEN_SQL})
     ORDER BY c.reference`,
  /** The young person's name and the open flags of each case of one page (`@ids`). */
  casePage: `SELECT j.value AS case_id, y.given_name, y.family_name, coalesce(y.initials, '') AS initials,
       (SELECT count(*) FROM flags f WHERE f.case_id = j.value AND f.cleared_at IS NULL) AS open_flags
     FROM json_each(@ids) j JOIN young_people y ON y.case_id = j.value`,
  tasksDue: `SELECT t.id AS task_id, t.title, t.due_date, t.case_id, ${NAME_COLUMNS}, count(*) OVER () AS total
     FROM tasks t JOIN cases c ON c.id = t.case_id JOIN young_people y ON y.case_id = t.case_id
     WHERE t.owner_id = @me AND t.done_at IS NULL AND t.due_date >= coalesce(@from, '0000-01-01') AND t.due_date <= @to
       AND +c.status IN (${OPEN_SQL})
     ORDER BY t.due_date, c.reference, t.id LIMIT @limit`,
  openAssessments: `SELECT a.id AS assessment_id, c.id AS case_id, ${NAME_COLUMNS}, c.assessment_due_date AS due
     FROM json_each(@mine) m JOIN assessments a ON a.case_id = m.value AND a.state = 'open'
       JOIN cases c ON c.id = a.case_id JOIN young_people y ON y.case_id = c.id
     ORDER BY c.assessment_due_date IS NULL, c.assessment_due_date, c.reference`,
  openFlags: `SELECT f.id AS flag_id, f.reason, f.address_by, c.id AS case_id, ${NAME_COLUMNS}, count(*) OVER () AS total
     FROM json_each(@mine) m JOIN flags f ON f.case_id = m.value AND f.cleared_at IS NULL
       JOIN cases c ON c.id = f.case_id JOIN young_people y ON y.case_id = c.id
     ORDER BY f.address_by IS NULL, f.address_by, f.raised_at, f.id LIMIT @limit`,
  /**
   * From the user's side: the sessions booked in the week on the plans they are a clinician of
   * (`intervention_plan_clinicians`, migration 290) and on their open cases, each by its index,
   * not every session booked in the week across the service.
   */
  bookedSessions: `WITH booked(id) AS (
       SELECT s.id FROM intervention_plan_clinicians pc
         CROSS JOIN intervention_sessions s INDEXED BY intervention_sessions_plan
           ON s.plan_id = pc.plan_id AND s.attendance = 'planned' AND s.session_date BETWEEN @from AND @to
        WHERE pc.user_id = @me
       UNION
       SELECT s.id FROM json_each(@mine) m
         CROSS JOIN intervention_sessions s INDEXED BY intervention_sessions_case ON s.case_id = m.value
        WHERE s.session_date BETWEEN @from AND @to AND s.attendance = 'planned')
     SELECT s.id AS session_id, s.session_date, s.start_time, s.session_type, s.case_id, ${NAME_COLUMNS},
       count(*) OVER () AS total
     FROM booked b CROSS JOIN intervention_sessions s ON s.id = b.id
       JOIN cases c ON c.id = s.case_id JOIN young_people y ON y.case_id = s.case_id
     WHERE +c.status IN (${OPEN_SQL})
     ORDER BY s.session_date, s.start_time, c.reference, s.id LIMIT @limit`,
  /**
   * The runs that can hold a session this week (open, or closed on or after its first day: a
   * closed run's sessions count up to its closing day) that the user facilitates, then each
   * run's sessions by its index, not every session of every run.
   */
  facilitatedSessions: `SELECT s.id AS session_id, s.run_id, r.title AS run_title, s.kind, s.seq, s.session_date,
       s.register_taken_at IS NOT NULL AS register_taken, count(*) OVER () AS total
     FROM safe_home_runs r CROSS JOIN safe_home_sessions s INDEXED BY safe_home_sessions_run ON s.run_id = r.id
     WHERE (r.closed_on IS NULL OR r.closed_on >= @from)
       AND EXISTS (SELECT 1 FROM json_each(r.facilitator_ids) j WHERE j.value = @me)
       AND s.session_date BETWEEN @from AND @to AND (r.closed_on IS NULL OR s.session_date <= r.closed_on)
     ORDER BY s.session_date, r.title, s.seq, s.kind DESC, s.id LIMIT @limit`,
};

/** One of my open cases as `openCaseIds` reads it. */
export interface MyCase {
  case_id: string;
  reference: string;
  status: CaseStatus;
  lead: 0 | 1;
}

/** My open cases (all of them, by reference): the ids the other lists start from. */
export function myOpenCaseIds(db: Db, me: string): MyCase[] {
  return stmt(db, HOME_SQL.openCaseIds).all({ me }) as MyCase[];
}

/** The first `limit` of my open cases with their young person's name and open flags. */
export function myOpenCases(db: Db, mine: readonly MyCase[], limit: number): CaseRow[] {
  const page = mine.slice(0, limit);
  const rows = stmt(db, HOME_SQL.casePage).all({ ids: JSON.stringify(page.map((c) => c.case_id)) }) as (Omit<
    NameParts,
    'reference'
  > & { open_flags: number })[];
  const byId = new Map(rows.map((r) => [r.case_id, r]));
  return page.map((c) => {
    const r = byId.get(c.case_id);
    return {
      ...c,
      given_name: r?.given_name ?? null,
      family_name: r?.family_name ?? null,
      initials: r?.initials ?? '',
      open_flags: r?.open_flags ?? 0,
      total: mine.length,
    };
  });
}

/**
 * My open tasks due between `from` and `to` (inclusive), soonest first, on cases still open.
 * A task is the owner's whoever's case it is on, as in My tasks.
 */
export function myTasksDue(db: Db, me: string, from: string | null, to: string, limit: number): TaskRow[] {
  return stmt(db, HOME_SQL.tasksDue).all({ me, from, to, limit }) as TaskRow[];
}

/**
 * Every open assessment on my open cases (`mine`: their ids as JSON), soonest due
 * first and those waiting for paperwork last; the service sorts them into the four statuses.
 */
export function myOpenAssessments(db: Db, mine: string): AssessmentRow[] {
  return stmt(db, HOME_SQL.openAssessments).all({ mine }) as AssessmentRow[];
}

/** Flags not cleared on my open cases (`mine`: their ids as JSON): the soonest address-by date first, undated ones last. */
export function myOpenFlags(db: Db, mine: string, limit: number): FlagRow[] {
  return stmt(db, HOME_SQL.openFlags).all({ mine, limit }) as FlagRow[];
}

/**
 * Intervention sessions booked (not yet recorded) between `from` and `to`, on an open case,
 * where I am among the plan's clinicians or the case is mine. Walks the small index of booked
 * sessions by date.
 */
export function myBookedSessions(
  db: Db,
  me: string,
  mine: string,
  week: { from: string; to: string },
  limit: number,
): InterventionSessionRow[] {
  return stmt(db, HOME_SQL.bookedSessions).all({ me, mine, ...week, limit }) as InterventionSessionRow[];
}

/**
 * Sessions between `from` and `to` of the Safe Home runs I facilitate, planned and catch-up,
 * leaving out any after a run was closed (a closed run holds no more sessions).
 */
export function myFacilitatedSessions(
  db: Db,
  me: string,
  from: string,
  to: string,
  limit: number,
): SafeHomeSessionRow[] {
  return stmt(db, HOME_SQL.facilitatedSessions).all({ me, from, to, limit }) as SafeHomeSessionRow[];
}
