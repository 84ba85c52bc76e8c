import type { flagChannels } from '../../../preload/contract/flags';
import type { taskChannels } from '../../../preload/contract/tasks';
import type { HandlersFor } from '../ipc/router';
import { caseFlags, caseTasks, clearFlag, completeTask, createTask, listTasks, raiseFlag } from './work.service';

/** Handlers for the flag channels. */
export const flagHandlers: HandlersFor<typeof flagChannels> = {
  'flag:raise': (input, { manager }) => raiseFlag(manager.current(), input.caseId, input.flag),
  'flag:clear': (input, { manager }) => clearFlag(manager.current(), input.flagId, input.note),
  'flag:list': (input, { manager }) => caseFlags(manager.current(), input.caseId),
};

/** Handlers for the task channels. */
export const taskHandlers: HandlersFor<typeof taskChannels> = {
  'task:create': (input, { manager }) => createTask(manager.current(), input.caseId, input.task),
  'task:complete': (input, { manager }) => completeTask(manager.current(), input.taskId, input.expectedVersion),
  'task:listMine': (input, { manager }) => listTasks(manager.current(), input),
  'task:listForCase': (input, { manager }) => caseTasks(manager.current(), input.caseId),
};
