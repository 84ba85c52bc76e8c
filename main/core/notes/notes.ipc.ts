import type { chronologyChannels } from '../../../preload/contract/chronology';
import type { noteChannels } from '../../../preload/contract/notes';
import type { HandlersFor } from '../ipc/router';
import { getChronology } from './chronology';
import { createNote, listNotes, noteHistory, updateNote } from './notes.service';

/** Handlers for the note channels. */
export const noteHandlers: HandlersFor<typeof noteChannels> = {
  'note:create': (input, { manager }) => createNote(manager.current(), input.caseId, input.note),
  'note:update': (input, { manager }) => updateNote(manager.current(), input.noteId, input.expectedVersion, input.note),
  'note:history': (input, { manager }) => noteHistory(manager.current(), input.noteId),
  'note:list': (input, { manager }) => listNotes(manager.current(), input.caseId, input.limit, input.offset),
};

/** Handlers for the chronology, which merges the events every module registers. */
export const chronologyHandlers: HandlersFor<typeof chronologyChannels> = {
  'chronology:get': (input, { manager }) =>
    getChronology(manager.current(), input.caseId, input.limit, input.offset, input.filter),
};
