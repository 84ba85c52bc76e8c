/** Explicit fixtures for assessment tests: cases with paperwork, carers and a status path. */
import type { CaseStatus } from '../../../../preload/contract/case-records';
import {
  RECOMMENDATION_GROUPS,
  type AssessmentStage,
  type AssessmentView,
} from '../../../../preload/contract/assessment-records';
import { addRecommendation } from '../../../../main/core/assessments/assessment-content.service';
import { completeStage, getAssessment, updateAssessment } from '../../../../main/core/assessments/assessments.service';
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

/** Everything `canSignOff` asks for: the formulation, the three risks, a recommendation in each group. */
export function readyForSignOff(vault: OpenVault, a: AssessmentView): AssessmentView {
  const view = updateAssessment(vault, a.id, a.version, {
    formulation: 'Making sense of the behaviour.',
    riskToOthers: 'medium',
    riskToOthersRationale: 'Why.',
    riskToSelf: 'low',
    riskFromOthers: 'low',
  });
  for (const group of RECOMMENDATION_GROUPS) {
    addRecommendation(vault, view.id, { group, text: `Do ${group}`, owner: 'Social worker', timescale: '4 weeks' });
  }
  return getAssessment(vault, view.caseId) ?? view;
}

/** Mark every stage done in order up to and including each entry of `last`, all on `date`. */
export function completeThrough(
  vault: OpenVault,
  a: AssessmentView,
  last: AssessmentStage,
  date: string,
): AssessmentView {
  let view = a;
  for (const s of a.stages) {
    if (s.stage === 'paperwork_complete') continue;
    const current = view.stages.find((x) => x.id === s.id);
    if (!current) throw new Error('stage vanished');
    view = completeStage(vault, s.id, current.version, date);
    if (s.stage === last && view.stages.filter((x) => x.stage === last).every((x) => x.actualDate)) break;
  }
  return view;
}
