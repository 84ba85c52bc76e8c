import type { policyChannels } from '../../../preload/contract/policy';
import type { HandlersFor } from '../ipc/router';
import { machinePolicyStatus } from './policy-in-force';

/** The machine policy channel: what is in force, from where, and what is wrong with the file. */
export const policyHandlers: HandlersFor<typeof policyChannels> = {
  'policy:get': (_input, { manager }) => machinePolicyStatus(manager),
};
