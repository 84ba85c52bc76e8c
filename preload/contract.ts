/**
 * The one IPC contract between the renderer and the main process.
 *
 * Every channel is named `<record>:<verb>`, the record singular (the rule is in
 * `contract/define.ts`, checked by a test), and declares its zod input schema, who may call it,
 * and (as a phantom type) what it returns. Domains declare their channels in
 * `preload/contract/<domain>.ts`; this file joins them. The router in `main/core/ipc`, the
 * preload bridge, the browser test host and `renderer/lib/api.ts` are all derived from the
 * joined map, so a channel name is written exactly once. The renderer is untrusted: the router
 * validates every input against the schema declared here before a handler sees it.
 */
import type { z } from 'zod';
import type { ChannelDef } from './contract/define';
import type { LockReason, Result } from './contract/common';
import { vaultChannels } from './contract/vault';
import { caseChannels } from './contract/cases';
import { personChannels } from './contract/people';
import { flagChannels } from './contract/flags';
import { taskChannels } from './contract/tasks';
import { noteChannels } from './contract/notes';
import { chronologyChannels } from './contract/chronology';
import { searchChannels } from './contract/search';
import { documentChannels } from './contract/documents';
import { bundleChannels } from './contract/bundles';
import { draftChannels } from './contract/drafts';
import { psychometricsChannels } from './contract/psychometrics';
import { assessmentChannels } from './contract/assessments';
import { consultationChannels } from './contract/consultations';
import { attachmentChannels } from './contract/attachment';
import { interventionChannels } from './contract/interventions';
import { trainingChannels } from './contract/training';
import { statisticsChannels } from './contract/stats';
import { safeHomeChannels } from './contract/safe-home';
import { homeChannels } from './contract/home';
import { backupChannels } from './contract/backup';
import { policyChannels } from './contract/policy';
import { clipboardChannels } from './contract/clipboard';
import { retentionChannels } from './contract/retention';

export * from './contract/common';
export * from './contract/paging';
// The domains' record schemas and types, so the renderer imports them from one place.
export * from './contract/case-records';
export * from './contract/cases';
export * from './contract/people';
export * from './contract/flags';
export * from './contract/tasks';
export * from './contract/notes';
export * from './contract/chronology';
export * from './contract/search';
export * from './contract/documents';
export * from './contract/drafts';
export * from './contract/psychometrics';
export * from './contract/assessments';
export * from './contract/consultations';
export * from './contract/attachment';
export * from './contract/dmm';
export * from './contract/interventions';
export * from './contract/training';
export * from './contract/stats';
export * from './contract/safe-home';
export * from './contract/home';
export * from './contract/backup';
export * from './contract/policy';
export * from './contract/clipboard';
export type { Access, ChannelDef } from './contract/define';

export const contract = {
  ...vaultChannels,
  ...caseChannels,
  ...personChannels,
  ...flagChannels,
  ...taskChannels,
  ...noteChannels,
  ...chronologyChannels,
  ...searchChannels,
  ...documentChannels,
  ...bundleChannels,
  ...draftChannels,
  ...psychometricsChannels,
  ...assessmentChannels,
  ...consultationChannels,
  ...attachmentChannels,
  ...interventionChannels,
  ...trainingChannels,
  ...statisticsChannels,
  ...safeHomeChannels,
  ...homeChannels,
  ...backupChannels,
  ...policyChannels,
  ...clipboardChannels,
  ...retentionChannels,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = Contract[C] extends ChannelDef<z.ZodType, infer O> ? O : never;

/** Channel names as a runtime list, for the preload bridge and the browser host. */
export const CHANNELS = Object.keys(contract) as Channel[];

// ---------------------------------------------------------------------------------------------
// Events (main -> renderer)
// ---------------------------------------------------------------------------------------------

export interface EventPayloads {
  /** The vault was locked; the renderer must drop all state it holds. */
  'vault:locked': { reason: LockReason };
}
export type EventName = keyof EventPayloads;
export const EVENTS: EventName[] = ['vault:locked'];

/** The shape of `window.api`, derived from the contract. */
export type Api = {
  [C in Channel]: (input: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>;
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void;
  /**
   * Document bytes do not travel over IPC: they stream over the page's own origin at
   * `documents/<id>` (download, Range supported) and `documents/upload?caseId=..&filename=..`
   * (POST, raw body), served by Electron's app:// protocol or the browser host. Under the browser
   * host this is the per-launch token those routes need (query `token` for GET, header
   * `x-ncats-token` for POST); under Electron it is absent and none is needed.
   */
  readonly transportToken?: string;
};

/**
 * Build `window.api` from the channel and event lists. Shared by the Electron preload (over
 * ipcRenderer) and the browser test host (over fetch), so both expose exactly the same surface.
 * `on` refuses event names that are not in EVENTS, so the renderer cannot subscribe to
 * arbitrary IPC messages through it.
 */
export function createApi(
  invoke: (channel: Channel, input: unknown) => Promise<Result<unknown>>,
  subscribe: (event: EventName, listener: (payload: unknown) => void) => () => void,
): Api {
  const api: Record<string, unknown> = {};
  for (const channel of CHANNELS) {
    api[channel] = (input: unknown) => invoke(channel, input ?? {});
  }
  api.on = (event: string, listener: (payload: unknown) => void): (() => void) => {
    if (!(EVENTS as string[]).includes(event)) throw new Error(`Unknown event: ${String(event)}`);
    if (typeof listener !== 'function') throw new Error('An event listener must be a function.');
    return subscribe(event as EventName, listener);
  };
  return Object.freeze(api) as Api;
}
