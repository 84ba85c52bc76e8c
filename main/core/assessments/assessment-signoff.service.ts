/**
 * Signing the assessment report off and correcting it with addenda, through the generic
 * sign-off (`../reports/signoff/`). Signing needs everything `canSignOff` asks for; once signed
 * the assessment's content is locked (`assessment-lock.ts`). Each write is one immediate
 * transaction with its audit row, which names the versions, never the text.
 */
import type { SignoffView } from '../../../preload/contract/signoff';
import { today } from '../cases/cases.service';
import { AppError } from '../errors';
import { signoffState } from '../reports/signoff/signoff';
import { addAddendumAudited, signAudited } from '../reports/signoff/signoff-audited';
import type { OpenVault } from '../vault/vault';
import { ASSESSMENT_SUBJECT, ASSESSMENT_WHAT } from './assessment-lock';
import { loadAssessmentView } from './assessment-view';
import { requireAssessment, staleAssessment } from './assessments.service';

/** Where the assessment's report stands in sign-off. No audit row: callers read it with the case. */
export function assessmentSignoff(vault: OpenVault, assessmentId: string): SignoffView {
  return signoffState(vault.db, ASSESSMENT_SUBJECT, assessmentId);
}

/**
 * Sign the assessment report off: refused with `canSignOff`'s reasons until the formulation,
 * the three risks and a recommendation in each of the four groups are there.
 */
export function signOffAssessment(vault: OpenVault, assessmentId: string, expectedVersion: number): SignoffView {
  const { db } = vault;
  return db
    .transaction(() => {
      const row = requireAssessment(vault, assessmentId);
      if (row.version !== expectedVersion) throw staleAssessment();
      const view = loadAssessmentView(db, row, today(vault));
      if (view.signOffBlockers.length > 0) {
        throw new AppError(
          'INVALID_INPUT',
          `The assessment report cannot be signed off yet. ${view.signOffBlockers.join(' ')}`,
        );
      }
      // What the report says, not how the pathway stands today (timings change with the date).
      const { signOffBlockers: _b, signoff: _s, stages, ...content } = view;
      signAudited(
        vault,
        { kind: ASSESSMENT_SUBJECT, id: row.id, caseId: row.case_id },
        row.version,
        {
          ...content,
          stages: stages.map((s) => ({
            stage: s.stage,
            subject: s.subject,
            plannedDate: s.plannedDate,
            actualDate: s.actualDate,
          })),
        },
        ASSESSMENT_WHAT,
        'assessment',
      );
      return signoffState(db, ASSESSMENT_SUBJECT, row.id);
    })
    .immediate();
}

/** Add a correction to a signed-off assessment report; every later render includes it. */
export function addAssessmentAddendum(vault: OpenVault, assessmentId: string, text: string): SignoffView {
  const { db } = vault;
  return db
    .transaction(() => {
      const row = requireAssessment(vault, assessmentId);
      addAddendumAudited(
        vault,
        { kind: ASSESSMENT_SUBJECT, id: row.id, caseId: row.case_id },
        text,
        ASSESSMENT_WHAT,
        'assessment',
      );
      return signoffState(db, ASSESSMENT_SUBJECT, row.id);
    })
    .immediate();
}
