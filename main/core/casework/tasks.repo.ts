/** SQL for tasks and the overdue / due-soon views. */
import type { SessionUser } from '../../../preload/contract';
import type { TaskView } from '../../../preload/contract/casework';
import type { Db } from '../db/connection';
import { boundedTotal, type BoundedTotal } from '../db/bounded-count';
import { stmt } from '../db/statements';
import { visibleCaseCondition } from '../cases/visibility';
import { taskRecord, toTaskFields, type TaskWithJoins } from './tasks.record';

/** A task as stored, with the young person's name parts (the service builds the name shown). */
export type TaskRow = Omit<TaskView, 'state' | 'youngPersonName'> & {
  givenName: string | null;
  familyName: string | null;
  initials: string;
};

const SELECT = `SELECT ${taskRecord.select('t')}, c.reference AS case_reference,
    coalesce(u.display_name, '') AS owner_name,
    (SELECT display_name FROM users d WHERE d.id = t.done_by) AS done_by_name,
    y.given_name, y.family_name, coalesce(y.initials, '') AS initials
  FROM tasks t JOIN cases c ON c.id = t.case_id LEFT JOIN users u ON u.id = t.owner_id
    LEFT JOIN young_people y ON y.case_id = t.case_id`;
/** A new task is open: `done_*` stay NULL and `version` starts at the DDL's default. */
const INSERT = taskRecord.insertSql(taskRecord.except(['done_at', 'done_by', 'version']));
const COMPLETE = taskRecord.updateSql(
  ['done_at', 'done_by', 'updated_at', 'updated_by'],
  'id = @id AND done_at IS NULL',
);

const rowsOf = (rows: unknown[]): TaskRow[] => (rows as TaskWithJoins[]).map(toTaskFields);

export function insertTask(
  db: Db,
  t: { id: string; caseId: string; title: string; ownerId: string; dueDate: string | null; at: string; by: string },
): void {
  stmt(db, INSERT).run({ ...taskRecord.toRow(t), created_at: t.at, updated_at: t.at, updated_by: t.by });
}

export function findTask(db: Db, id: string): TaskRow | null {
  const row = stmt(db, `${SELECT} WHERE t.id = ?`).get(id) as TaskWithJoins | undefined;
  return row ? toTaskFields(row) : null;
}

/** Mark a task done. Returns false if it was already done. */
export function completeTaskRow(db: Db, id: string, at: string, by: string): boolean {
  return stmt(db, COMPLETE).run({ id, done_at: at, done_by: by, updated_at: at, updated_by: by }).changes === 1;
}

export function listCaseTasks(db: Db, caseId: string): TaskRow[] {
  return rowsOf(
    stmt(
      db,
      `${SELECT} WHERE t.case_id = ? ORDER BY t.done_at IS NOT NULL, coalesce(t.due_date, '9999-12-31'), t.created_at`,
    ).all(caseId),
  );
}

/**
 * The due date the list treats as "no due date": undated tasks sort with it, after every dated
 * one (the `coalesce` of the single sorted query this list replaced). No valid ISO date is later.
 */
const UNDATED = '9999-12-31';

/**
 * The SQL of one page of open tasks, in two parts so that neither sorts every open task: the
 * dated part (due date, then case reference, then id) walks `tasks_open_due` (or
 * `tasks_open_owner` for one owner) in due-date order; the undated part follows it, in case
 * reference order. Exported so plan tests EXPLAIN exactly what runs.
 *
 * - `cutoff`: the due date of the last row the page needs (`@last` = offset + limit - 1, read off
 *   the index, so about `offset + limit` index entries).
 * - `dated`: the dated rows due on or before the cutoff (the page's rows and the ties on its last
 *   date, no more), sorted into the page.
 * - `datedCount`: how many dated rows there are, only run when there are fewer than the page
 *   needs, so it too reads fewer than `offset + limit`.
 * - `undated`: the rows after the dated ones (no due date, or the last date itself).
 */
export function openTaskSql(where: string): { cutoff: string; dated: string; datedCount: string; undated: string } {
  const dated = `${where} AND t.due_date < '${UNDATED}'`;
  return {
    cutoff: `SELECT t.due_date AS due FROM tasks t WHERE ${dated} ORDER BY t.due_date LIMIT 1 OFFSET @last`,
    dated: `${SELECT} WHERE ${dated} AND t.due_date <= @cutoff ORDER BY t.due_date, c.reference, t.id LIMIT @limit OFFSET @offset`,
    datedCount: `SELECT count(*) AS n FROM tasks t WHERE ${dated}`,
    undated: `${SELECT} WHERE ${where} AND coalesce(t.due_date, '${UNDATED}') = '${UNDATED}'
      ORDER BY c.reference, t.id LIMIT @limit OFFSET @offset`,
  };
}

/** The conditions and parameters of a task list's rows (the open tasks the user may see). */
export function openTaskWhere(
  user: SessionUser,
  p: { ownerId: string | null; from: string | null; to: string | null },
): { where: string; params: Record<string, unknown> } {
  const visible = visibleCaseCondition(user, 't.case_id');
  const conds = ['t.done_at IS NULL', visible.sql];
  const params: Record<string, unknown> = { ...visible.params };
  if (p.ownerId) {
    conds.push('t.owner_id = @ownerId');
    params.ownerId = p.ownerId;
  }
  if (p.from) {
    conds.push('t.due_date >= @from');
    params.from = p.from;
  }
  if (p.to) {
    conds.push('t.due_date <= @to');
    params.to = p.to;
  }
  return { where: conds.join(' AND '), params };
}

/**
 * Open tasks in a date window, for one owner or everyone, soonest first (then by case
 * reference), on the cases the user may see. `from`/`to` are inclusive due-date bounds (null =
 * unbounded); open tasks without a due date only appear in the unbounded view, after the dated.
 */
export function queryOpenTasks(
  db: Db,
  user: SessionUser,
  p: { ownerId: string | null; from: string | null; to: string | null; limit: number; offset: number },
): { rows: TaskRow[] } & BoundedTotal {
  const { where, params } = openTaskWhere(user, p);
  const sql = openTaskSql(where);
  const paging = { limit: p.limit, offset: p.offset };
  const cutoff = stmt(db, sql.cutoff).get({ ...params, last: p.offset + p.limit - 1 }) as { due: string } | undefined;
  let rows: TaskRow[];
  if (cutoff) {
    // At least `offset + limit` dated rows: the page is dated rows alone.
    rows = rowsOf(stmt(db, sql.dated).all({ ...params, ...paging, cutoff: cutoff.due }));
  } else {
    const datedRows = rowsOf(stmt(db, sql.dated).all({ ...params, ...paging, cutoff: UNDATED }));
    const datedCount = (stmt(db, sql.datedCount).get(params) as { n: number }).n;
    const rest = p.limit - datedRows.length;
    // A window ending before the last date (overdue, due soon) has no undated rows: not asked.
    const undatedRows =
      rest > 0 && !(p.to && p.to < UNDATED)
        ? rowsOf(stmt(db, sql.undated).all({ ...params, limit: rest, offset: Math.max(0, p.offset - datedCount) }))
        : [];
    rows = [...datedRows, ...undatedRows];
  }
  return { rows, ...boundedTotal(db, `SELECT 1 FROM tasks t WHERE ${where}`, params, p) };
}
