/** Tasks on a case: a title, an owner and an optional due date, open until someone marks it done. */
import { z } from 'zod';
import { idSchema, isoDateSchema } from './common';
import { ANY_USER, CASE_WRITERS, channel } from './define';
import { pagingSchema, type Page } from './paging';

export const taskSchema = z
  .object({
    title: z.string().trim().min(1, 'Give the task a title.').max(500),
    ownerId: idSchema,
    dueDate: isoDateSchema.nullable().default(null),
  })
  .strict();

export type TaskState = 'open' | 'due_soon' | 'overdue' | 'done';

export interface TaskView {
  id: string;
  caseId: string;
  caseReference: string;
  /** The young person's name (initials on consultation-only cases), shown beside the reference. */
  youngPersonName: string;
  title: string;
  ownerId: string;
  ownerName: string;
  dueDate: string | null;
  doneAt: string | null;
  /** Who marked it done, if anyone. */
  doneByName: string | null;
  state: TaskState;
  version: number;
}

/** `task:listMine` input: which open tasks (overdue, due within 7 days, or all), whose, and the page. */
export const openTasksQuerySchema = z
  .object({
    view: z.enum(['overdue', 'due_soon', 'open']).default('open'),
    scope: z.enum(['mine', 'all']).default('mine'),
    ...pagingSchema.shape,
  })
  .strict();
export type OpenTasksQuery = z.output<typeof openTasksQuerySchema>;

export const taskChannels = {
  /** Give someone a task on a case. The owner must be an active clinician or administrator. */
  'task:create': channel<TaskView>()(z.object({ caseId: idSchema, task: taskSchema }).strict(), CASE_WRITERS),
  /**
   * Mark a task done. `expectedVersion` is the task's version as the user saw it: CONFLICT if
   * it has changed or been done since.
   */
  'task:complete': channel<TaskView>()(
    z.object({ taskId: idSchema, expectedVersion: z.int().min(1) }).strict(),
    CASE_WRITERS,
  ),
  /** Open tasks: overdue, due within 7 days, or all open; for me or for everyone. */
  'task:listMine': channel<Page<TaskView>>()(openTasksQuerySchema, ANY_USER),
  /** Every task of a case, open and done. Audited as `case.read`. */
  'task:listForCase': channel<TaskView[]>()(z.object({ caseId: idSchema }).strict(), ANY_USER),
} as const;
