import type { searchChannels } from '../../../preload/contract/search';
import { searchCaseDocuments } from '../documents/documents.search';
import type { HandlersFor } from '../ipc/router';
import { searchEverything } from './search-all';
import { searchCaseNotes } from './search.service';

/** Handlers for the search channels: the one search box, and notes and documents on their own. */
export const searchHandlers: HandlersFor<typeof searchChannels> = {
  'search:all': (input, { manager }) => searchEverything(manager.current(), input),
  'search:notes': (input, { manager }) =>
    searchCaseNotes(manager.current(), input.query, input.limit, input.offset, input.cursor),
  'search:documents': (input, { manager }) =>
    searchCaseDocuments(manager.current(), input.query, input.limit, input.offset, input.cursor),
};
