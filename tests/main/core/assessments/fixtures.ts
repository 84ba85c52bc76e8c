/** Explicit fixtures for assessment tests: cases with paperwork, carers and a status path. */
import type { CaseStatus } from '../../../../preload/contract/case-records';
import { getCase } from '../../../../main/core/cases/cases.service';
import { setCaseStatus } from '../../../../main/core/cases/case-status.service';
import { listPaperworkTypes } from '../../../../main/core/cases/paperwork.repo';
import { setPaperworkReceived } from '../../../../main/core/cases/paperwork.service';
import { addPerson } from '../../../../main/core/cases/people.service';
import type { OpenVault } from '../../../../main/core/vault/vault';
import { newCase } from '../cases/fixtures';

/** Receive every required paperwork item on `date`: the clock is then due 84 days later. */
export function completePaperwork(vault: OpenVault, caseId: string, date: string): void {
  for (const type of listPaperworkTypes(vault.db).filter((p) => p.required)) {
    setPaperworkReceived(vault, {
      caseId,
      typeId: type.id,
      receivedDate: date,
      notes: null,
      acknowledgeBeforeReferral: true,
    });
  }
}

export function moveTo(vault: OpenVault, caseId: string, path: CaseStatus[]): void {
  for (const status of path) {
    setCaseStatus(vault, {
      caseId,
      expectedVersion: getCase(vault, caseId).version,
      status,
      reason: status === 'declined' || status === 'closed' ? 'Test reason' : null,
      closingSummary: status === 'closed' ? 'Closing summary.' : null,
    });
  }
}

/** An accepted assessment case with two carers and (optionally) its paperwork complete. */
export function assessmentCase(vault: OpenVault, paperwork: string | null = '2025-05-01', name = 'Amelia') {
  const c = newCase(vault, { leadWorkerId: vault.user.id }, { givenName: name });
  addPerson(vault, c.id, { kind: 'parent_carer', name: 'Jo Hughes', relationship: 'Mother' });
  addPerson(vault, c.id, { kind: 'parent_carer', name: 'Sam Hughes', relationship: 'Stepfather' });
  addPerson(vault, c.id, { kind: 'sibling', name: 'Kit Hughes' });
  moveTo(vault, c.id, ['accepted']);
  if (paperwork) completePaperwork(vault, c.id, paperwork);
  return c;
}
