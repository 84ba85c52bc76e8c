import type { caseworkChannels } from '../../../preload/contract/casework';
import { caseFlags, caseTasks, clearFlag, completeTask, createTask, listTasks, raiseFlag } from '../casework/work.service';
import type { HandlersFor } from '../ipc/router';
import { searchEverything } from '../search/search-all';
import { searchCaseNotes } from '../search/search.service';
import { getChronology } from './chronology';
import { createNote, listNotes, noteHistory, updateNote } from './notes.service';

/** Handlers for flags, tasks, notes, chronology and search channels. */
export const caseworkHandlers: HandlersFor<typeof caseworkChannels> = {
  'flag:raise': (input, { manager }) => raiseFlag(manager.current(), input.caseId, input.flag),
  'flag:clear': (input, { manager }) => clearFlag(manager.current(), input.flagId, input.note),
  'flag:list': (input, { manager }) => caseFlags(manager.current(), input.caseId),
  'task:create': (input, { manager }) => createTask(manager.current(), input.caseId, input.task),
  'task:complete': (input, { manager }) => completeTask(manager.current(), input.taskId, input.expectedVersion),
  'task:listMine': (input, { manager }) => listTasks(manager.current(), input),
  'task:listForCase': (input, { manager }) => caseTasks(manager.current(), input.caseId),
  'note:create': (input, { manager }) => createNote(manager.current(), input.caseId, input.note),
  'note:update': (input, { manager }) => updateNote(manager.current(), input.noteId, input.expectedVersion, input.note),
  'note:history': (input, { manager }) => noteHistory(manager.current(), input.noteId),
  'note:list': (input, { manager }) => listNotes(manager.current(), input.caseId, input.limit, input.offset),
  'chronology:get': (input, { manager }) =>
    getChronology(manager.current(), input.caseId, input.limit, input.offset, input.filter),
  'search:notes': (input, { manager }) =>
    searchCaseNotes(manager.current(), input.query, input.limit, input.offset, input.cursor),
  'search:all': (input, { manager }) => searchEverything(manager.current(), input),
};
