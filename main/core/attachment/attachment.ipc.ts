import type { attachmentChannels } from '../../../preload/contract/attachment';
import type { HandlersFor } from '../ipc/router';
import { registerAttachmentChronology } from './attachment.chronology';
import {
  addProcedure,
  getAttachment,
  getFamilyView,
  openAttachment,
  removeProcedure,
  updateAttachment,
  updateProcedure,
} from './attachment.service';

registerAttachmentChronology();

/** Handlers for the attachment (DMM) channels. */
export const attachmentHandlers: HandlersFor<typeof attachmentChannels> = {
  'attachment:get': (input, { manager }) => getAttachment(manager.current(), input.caseId),
  'attachment:open': (input, { manager }) => openAttachment(manager.current(), input.caseId),
  'attachment:update': (input, { manager }) =>
    updateAttachment(manager.current(), input.caseId, input.expectedVersion, input.fields),
  'attachment:addProcedure': (input, { manager }) =>
    addProcedure(manager.current(), input.caseId, input.procedure, input.acknowledgeWarnings),
  'attachment:updateProcedure': (input, { manager }) =>
    updateProcedure(
      manager.current(),
      input.procedureId,
      input.expectedVersion,
      input.procedure,
      input.acknowledgeWarnings,
    ),
  'attachment:removeProcedure': (input, { manager }) =>
    removeProcedure(manager.current(), input.procedureId, input.expectedVersion),
  'attachment:familyView': (input, { manager }) => getFamilyView(manager.current(), input.caseId),
};
