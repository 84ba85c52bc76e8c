/** The retention channels' handlers (`preload/contract/retention.ts`): administrators only, by the contract. */
import type { retentionChannels } from '../../../preload/contract/retention';
import type { HandlersFor } from '../ipc/router';
import {
  clearLegalHold,
  getRetention,
  listForReview,
  listTombstones,
  proposeDisposal,
  recordCareCheck,
  setCareExperienced,
  setDateOfDeath,
  setLegalHold,
  withdrawDisposal,
} from './retention.service';
import { approveDisposal } from './disposal';

export const retentionHandlers: HandlersFor<typeof retentionChannels> = {
  'retention:list': (input, { manager }) => listForReview(manager.current(), input),
  'retention:get': (input, { manager }) => getRetention(manager.current(), input.caseId),
  'retention:setDateOfDeath': (input, { manager }) => setDateOfDeath(manager.current(), input),
  'retention:setCareExperienced': (input, { manager }) => setCareExperienced(manager.current(), input),
  'retention:recordCareCheck': (input, { manager }) => recordCareCheck(manager.current(), input),
  'legalHold:set': (input, { manager }) => setLegalHold(manager.current(), input),
  'legalHold:clear': (input, { manager }) => clearLegalHold(manager.current(), input),
  'disposal:propose': (input, { manager }) => proposeDisposal(manager.current(), input),
  'disposal:withdraw': (input, { manager }) => withdrawDisposal(manager.current(), input.caseId),
  'disposal:approve': (input, { manager }) => approveDisposal(manager.current(), input),
  'tombstone:list': (input, { manager }) => listTombstones(manager.current(), input),
};
