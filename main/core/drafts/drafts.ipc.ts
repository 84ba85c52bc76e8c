import type { draftChannels } from '../../../preload/contract/drafts';
import type { HandlersFor } from '../ipc/router';
import { discardDraft, getDraft, myDrafts, saveDraft } from './drafts.service';

/** Handlers for the draft channels: always the signed-in user's own drafts. */
export const draftHandlers: HandlersFor<typeof draftChannels> = {
  'draft:save': (input, { manager }) => saveDraft(manager.current(), input),
  'draft:list': (_input, { manager }) => myDrafts(manager.current()),
  'draft:get': (input, { manager }) => getDraft(manager.current(), input.key),
  'draft:discard': (input, { manager }) => discardDraft(manager.current(), input.key, input.reason),
};
