/** SQL for tasks and the overdue / due-soon views. */
import type { SessionUser } from '../../../preload/contract';
import type { TaskView } from '../../../preload/contract/casework';
import type { Db } from '../db/connection';
import { stmt } from '../db/statements';
import { visibleCaseCondition } from '../cases/visibility';

/** A task as stored, with the young person's name parts (the service builds the name shown). */
export type TaskRow = Omit<TaskView, 'state' | 'youngPersonName'> & {
  givenName: string | null;
  familyName: string | null;
  initials: string;
};

const SELECT = `SELECT t.id, t.case_id AS caseId, c.reference AS caseReference, t.title, t.owner_id AS ownerId,
    coalesce(u.display_name, '') AS ownerName, t.due_date AS dueDate, t.done_at AS doneAt,
    (SELECT display_name FROM users d WHERE d.id = t.done_by) AS doneByName, t.version,
    y.given_name AS givenName, y.family_name AS familyName, coalesce(y.initials, '') AS initials
  FROM tasks t JOIN cases c ON c.id = t.case_id LEFT JOIN users u ON u.id = t.owner_id
    LEFT JOIN young_people y ON y.case_id = t.case_id`;

export function insertTask(
  db: Db,
  t: { id: string; caseId: string; title: string; ownerId: string; dueDate: string | null; at: string; by: string },
): void {
  stmt(
    db,
    `INSERT INTO tasks (id, case_id, title, owner_id, due_date, created_at, updated_at, updated_by)
     VALUES (@id, @caseId, @title, @ownerId, @dueDate, @at, @at, @by)`,
  ).run(t);
}

export function findTask(db: Db, id: string): TaskRow | null {
  return (stmt(db, `${SELECT} WHERE t.id = ?`).get(id) as TaskRow | undefined) ?? null;
}

/** Mark a task done. Returns false if it was already done. */
export function completeTaskRow(db: Db, id: string, at: string, by: string): boolean {
  return (
    stmt(
      db,
      `UPDATE tasks SET done_at = @at, done_by = @by, updated_at = @at, updated_by = @by, version = version + 1
       WHERE id = @id AND done_at IS NULL`,
    ).run({ id, at, by }).changes === 1
  );
}

export function listCaseTasks(db: Db, caseId: string): TaskRow[] {
  return stmt(
    db,
    `${SELECT} WHERE t.case_id = ? ORDER BY t.done_at IS NOT NULL, coalesce(t.due_date, '9999-12-31'), t.created_at`,
  ).all(caseId) as TaskRow[];
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
): { rows: TaskRow[]; total: number } {
  const visible = visibleCaseCondition(user, 't.case_id');
  const conds = ['t.done_at IS NULL', visible.sql];
  if (p.ownerId) conds.push('t.owner_id = @ownerId');
  if (p.from) conds.push('t.due_date >= @from');
  if (p.to) conds.push('t.due_date <= @to');
  const where = conds.join(' AND ');
  const params = { ...visible.params, ...p };
  const rows = stmt(
    db,
    `${SELECT} WHERE ${where} ORDER BY coalesce(t.due_date, '9999-12-31'), c.reference, t.id LIMIT @limit OFFSET @offset`,
  ).all(params) as TaskRow[];
  const { limit: _l, offset: _o, ...countParams } = params;
  const total = (stmt(db, `SELECT count(*) AS n FROM tasks t WHERE ${where}`).get(countParams) as { n: number }).n;
  return { rows, total };
}
