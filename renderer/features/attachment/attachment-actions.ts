/**
 * What the Attachment tab does: each write goes through the contract, then the tab shows the
 * assessment and the family view as the core returns them. A procedure changes the chronology
 * and the access log, so those are fetched again when next shown.
 */
import type { ProcedureInput } from '../../../preload/contract/attachment';
import { call } from '../../lib/api';
import { useCasePageStore } from '../../stores/case-page';
import { loadUsers, refreshDocuments } from '../cases/case-page/case-actions';
import { useAttachmentStore } from './attachment-store';

const store = useAttachmentStore;

/** The assessment and its family view (both audited as reads of the case). */
async function fetchBoth(caseId: string): Promise<void> {
  const attachment = await call('attachment:get', { caseId });
  const family = attachment ? await call('attachment:familyView', { caseId }) : null;
  // Another case may have opened while these were on their way.
  if (useCasePageStore.getState().caseId === caseId) store.setState({ caseId, attachment, family });
}

/** What the tab needs when shown: the assessment, the colleagues and the case's documents. */
export async function loadAttachmentTab(caseId: string, force: boolean): Promise<void> {
  const s = store.getState();
  if (force || s.caseId !== caseId || s.attachment === undefined) await fetchBoth(caseId);
  // "Administered by" is chosen from the colleagues, the recordings from the case's documents.
  if (!useCasePageStore.getState().users) await loadUsers();
  if (!useCasePageStore.getState().documents) await refreshDocuments();
}

function caseIdNow(): string {
  const caseId = useCasePageStore.getState().caseId;
  if (!caseId) throw new Error('No case is open.');
  return caseId;
}

function afterWrite(): void {
  useCasePageStore.setState({ chronology: null, accessLog: null });
}

export async function openAttachment(): Promise<void> {
  const caseId = caseIdNow();
  await call('attachment:open', { caseId });
  await fetchBoth(caseId);
  afterWrite();
}

export async function updateAttachment(formulation: string | null, strategySummary: string | null): Promise<void> {
  const a = store.getState().attachment;
  if (!a) throw new Error('No attachment assessment is open.');
  const attachment = await call('attachment:update', {
    caseId: a.caseId,
    expectedVersion: a.version,
    fields: { formulation, strategySummary },
  });
  store.setState({ attachment });
  afterWrite();
}

/** Add a procedure, or change one (`existing`); the warnings are acknowledged only when asked. */
export async function saveProcedure(
  procedure: ProcedureInput,
  acknowledgeWarnings: boolean,
  existing: { id: string; version: number } | null,
): Promise<void> {
  const caseId = caseIdNow();
  if (existing) {
    await call('attachment:updateProcedure', {
      procedureId: existing.id,
      expectedVersion: existing.version,
      procedure,
      acknowledgeWarnings,
    });
  } else {
    await call('attachment:addProcedure', { caseId, procedure, acknowledgeWarnings });
  }
  await fetchBoth(caseId);
  afterWrite();
}

export async function removeProcedure(id: string, version: number): Promise<void> {
  const caseId = caseIdNow();
  await call('attachment:removeProcedure', { procedureId: id, expectedVersion: version });
  await fetchBoth(caseId);
  afterWrite();
}
