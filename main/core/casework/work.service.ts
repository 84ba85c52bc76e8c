/** Flags and tasks: raising, clearing, completing, and their states relative to today. */
import { randomUUID } from 'node:crypto';
import type { ChannelParsedInput } from '../../../preload/contract';
import type { FlagState, FlagView } from '../../../preload/contract/flags';
import type { Page } from '../../../preload/contract/paging';
import type { TaskState, TaskView } from '../../../preload/contract/tasks';
import { displayName } from '../../../preload/contract/young-person-name';
import { AppError } from '../errors';
import type { OpenVault } from '../vault/vault';
import { isCaseWorker } from '../cases/cases.repo';
import { auditedRead, requireCase, today } from '../cases/cases.service';
import { addDays } from '../cases/dates';
import { clearFlagRow, findFlag, insertFlag, listFlags, type FlagRow } from './flags.repo';
import { completeTaskRow, findTask, insertTask, listCaseTasks, queryOpenTasks, type TaskRow } from './tasks.repo';

/** Tasks due within this many days (today included) are "due soon". */
export const TASK_DUE_SOON_DAYS = 7;

export function flagState(f: { clearedAt: string | null; addressBy: string | null }, todayDate: string): FlagState {
  if (f.clearedAt) return 'cleared';
  return f.addressBy && f.addressBy < todayDate ? 'overdue' : 'open';
}

export function taskState(t: { doneAt: string | null; dueDate: string | null }, todayDate: string): TaskState {
  if (t.doneAt) return 'done';
  if (!t.dueDate) return 'open';
  if (t.dueDate < todayDate) return 'overdue';
  return t.dueDate <= addDays(todayDate, TASK_DUE_SOON_DAYS) ? 'due_soon' : 'open';
}

const flagView = (f: FlagRow, d: string): FlagView => ({ ...f, state: flagState(f, d) });
const taskView = ({ givenName, familyName, initials, ...t }: TaskRow, d: string): TaskView => ({
  ...t,
  youngPersonName: displayName(givenName, familyName, initials),
  state: taskState(t, d),
});

export function raiseFlag(vault: OpenVault, caseId: string, flag: ChannelParsedInput<'flag:raise'>['flag']): FlagView {
  const { db } = vault;
  const d = today(vault);
  if (flag.addressBy && flag.addressBy < d) {
    throw new AppError('INVALID_INPUT', 'The date to address the flag by is in the past.');
  }
  return db
    .transaction(() => {
      requireCase(db, caseId);
      const id = randomUUID();
      insertFlag(db, { id, caseId, ...flag, at: vault.now().toISOString(), by: vault.user.id });
      vault.audit({ action: 'flag.raise', entityType: 'flag', entityId: id, caseId });
      return flagView(findFlag(db, id) as FlagRow, d);
    })
    .immediate();
}

export function clearFlag(vault: OpenVault, flagId: string, note: string): FlagView {
  const { db } = vault;
  return db
    .transaction(() => {
      const flag = findFlag(db, flagId);
      if (!flag) throw new AppError('NOT_FOUND', 'That flag does not exist.');
      if (!clearFlagRow(db, flagId, note, vault.now().toISOString(), vault.user.id)) {
        throw new AppError('CONFLICT', 'This flag has already been cleared.');
      }
      vault.audit({ action: 'flag.clear', entityType: 'flag', entityId: flagId, caseId: flag.caseId });
      return flagView(findFlag(db, flagId) as FlagRow, today(vault));
    })
    .immediate();
}

export function caseFlags(vault: OpenVault, caseId: string): FlagView[] {
  const d = today(vault);
  return auditedRead(vault, caseId, 'flags', () => listFlags(vault.db, caseId).map((f) => flagView(f, d)));
}

export function createTask(
  vault: OpenVault,
  caseId: string,
  task: ChannelParsedInput<'task:create'>['task'],
): TaskView {
  const { db } = vault;
  return db
    .transaction(() => {
      requireCase(db, caseId);
      if (!isCaseWorker(db, task.ownerId)) {
        throw new AppError('INVALID_INPUT', 'A task must belong to an active clinician or administrator.');
      }
      const id = randomUUID();
      insertTask(db, { id, caseId, ...task, at: vault.now().toISOString(), by: vault.user.id });
      vault.audit({ action: 'task.create', entityType: 'task', entityId: id, caseId });
      return taskView(findTask(db, id) as TaskRow, today(vault));
    })
    .immediate();
}

/**
 * Mark a task done. `expectedVersion` is the version the user saw: if the task changed since
 * (someone else completed it), CONFLICT says so and nothing is written.
 */
export function completeTask(vault: OpenVault, taskId: string, expectedVersion: number): TaskView {
  const { db } = vault;
  return db
    .transaction(() => {
      const task = findTask(db, taskId);
      if (!task) throw new AppError('NOT_FOUND', 'That task does not exist.');
      if (task.doneAt) {
        const by = task.doneByName ? ` by ${task.doneByName}` : '';
        throw new AppError('CONFLICT', `This task has already been marked done${by}.`);
      }
      // Read and write share one immediate transaction, so the version cannot move in between.
      if (task.version !== expectedVersion) {
        throw new AppError(
          'CONFLICT',
          'Someone else changed this task since you saw it. Look at it again before marking it done.',
        );
      }
      completeTaskRow(db, taskId, vault.now().toISOString(), vault.user.id);
      vault.audit({ action: 'task.complete', entityType: 'task', entityId: taskId, caseId: task.caseId });
      return taskView(findTask(db, taskId) as TaskRow, today(vault));
    })
    .immediate();
}

export function caseTasks(vault: OpenVault, caseId: string): TaskView[] {
  const d = today(vault);
  return auditedRead(vault, caseId, 'tasks', () => listCaseTasks(vault.db, caseId).map((t) => taskView(t, d)));
}

/**
 * Open tasks: `overdue` (due before today), `due_soon` (today to +7 days) or all `open`, paged.
 * The list names young people across cases, so each page is one audit row (as the caseload is).
 */
export function listTasks(vault: OpenVault, q: ChannelParsedInput<'task:listMine'>): Page<TaskView> {
  const d = today(vault);
  const window =
    q.view === 'overdue'
      ? { from: null, to: addDays(d, -1) }
      : q.view === 'due_soon'
        ? { from: d, to: addDays(d, TASK_DUE_SOON_DAYS) }
        : { from: null, to: null };
  return vault.db
    .transaction(() => {
      const { rows, total, moreThan } = queryOpenTasks(vault.db, vault.user, {
        ownerId: q.scope === 'mine' ? vault.user.id : null,
        ...window,
        limit: q.limit,
        offset: q.offset,
      });
      vault.audit({
        action: 'task.list',
        detail: { view: q.view, scope: q.scope, offset: q.offset, returned: rows.length },
      });
      return { items: rows.map((t) => taskView(t, d)), total, moreThan, offset: q.offset, limit: q.limit };
    })
    .immediate();
}
