import type { caseChannels } from '../../../preload/contract/cases';
import type { HandlersFor } from '../ipc/router';
import { accessLog, checkDuplicates, listCaseload } from './caseload.service';
import { setCaseStatus } from './case-status.service';
import { createCase, getCase, updateCaseFields } from './cases.service';
import { savePaperworkType, setPaperworkReceived } from './paperwork.service';
import { listPaperworkTypes } from './paperwork.repo';
// The case file's measures (referrals, caseload) join the statistics when the core loads.
import './cases.stats';

/** Handlers for case, caseload and paperwork channels. */
export const caseHandlers: HandlersFor<typeof caseChannels> = {
  'case:checkDuplicates': (input, { manager }) => checkDuplicates(manager.current(), input),
  'case:create': (input, { manager }) => createCase(manager.current(), input),
  'case:get': (input, { manager }) => getCase(manager.current(), input.caseId),
  'case:update': (input, { manager }) =>
    updateCaseFields(manager.current(), input.caseId, input.expectedVersion, input.patch),
  'case:setStatus': (input, { manager }) => setCaseStatus(manager.current(), input),
  'case:accessLog': (input, { manager }) => accessLog(manager.current(), input.caseId, input.limit, input.offset),
  'caseload:list': (input, { manager }) => listCaseload(manager.current(), input),
  'paperwork:listTypes': (_input, { manager }) => listPaperworkTypes(manager.current().db),
  'paperwork:setReceived': (input, { manager }) => setPaperworkReceived(manager.current(), input),
  'paperwork:saveType': (input, { manager }) => savePaperworkType(manager.current(), input),
};
