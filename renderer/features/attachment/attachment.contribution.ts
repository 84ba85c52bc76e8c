/**
 * The attachment (DMM) module's place in the app: the case page's Attachment tab, with the
 * family view at its top. The screen, its store and its actions come in their own chunk,
 * fetched when the tab is first shown, so this file adds only the registration.
 */
import { lazy } from 'react';
import { registerCaseTab } from '../cases/case-page/tab-registry';
import type * as AttachmentActions from './attachment-actions';
import type * as AttachmentStore from './attachment-store';

/** Kept once loaded, so that `forget` stays synchronous and loads nothing if the tab was never shown. */
let actions: typeof AttachmentActions | null = null;
let store: typeof AttachmentStore | null = null;

registerCaseTab({
  id: 'attachment',
  label: 'Attachment',
  // After the Assessment tab (35): the DMM procedures are part of the assessment.
  group: 'clinical',
  order: 36,
  component: lazy(async () => ({ default: (await import('./AttachmentTab')).AttachmentTab })),
  load: async (caseId, force) => {
    store ??= await import('./attachment-store');
    actions ??= await import('./attachment-actions');
    await actions.loadAttachmentTab(caseId, force);
  },
  forget: () => store?.forgetAttachment(),
});
