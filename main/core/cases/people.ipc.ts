import type { personChannels } from '../../../preload/contract/people';
import type { HandlersFor } from '../ipc/router';
import { addPerson, changePerson, removePerson } from './people.service';

/** Handlers for the people linked to a case. */
export const personHandlers: HandlersFor<typeof personChannels> = {
  'person:add': (input, { manager }) => addPerson(manager.current(), input.caseId, input.person),
  'person:update': (input, { manager }) =>
    changePerson(manager.current(), input.personId, input.expectedVersion, input.person),
  'person:remove': (input, { manager }) => {
    removePerson(manager.current(), input.personId);
    return null;
  },
};
