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
 * Open tasks in a date window, for one owner or everyone, soonest first, on the cases the user
 * may see. `from`/`to` are inclusive due-date bounds (null = unbounded); open tasks without a
 * due date only appear in the unbounded view.
 */
export function queryOpenTasks(
  db: Db,
  user: SessionUser,
  p: { ownerId: string | null; from: string | null; to: string | null; limit: number; offset: number },
): { rows: TaskRow[] } & BoundedTotal {
  const visible = visibleCaseCondition(user, 't.case_id');
  const conds = ['t.done_at IS NULL', visible.sql];
  if (p.ownerId) conds.push('t.owner_id = @ownerId');
  if (p.from) conds.push('t.due_date >= @from');
  if (p.to) conds.push('t.due_date <= @to');
  const where = conds.join(' AND ');
  const params = { ...visible.params, ...p };
  const rows = rowsOf(
    stmt(
      db,
      `${SELECT} WHERE ${where} ORDER BY coalesce(t.due_date, '9999-12-31'), c.reference, t.id LIMIT @limit OFFSET @offset`,
    ).all(params),
  );
  const { limit: _l, offset: _o, ...countParams } = params;
  return { rows, ...boundedTotal(db, `SELECT 1 FROM tasks t WHERE ${where}`, countParams, p) };
}
