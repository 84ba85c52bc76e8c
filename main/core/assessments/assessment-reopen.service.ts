/**
 * Undo a stage marked done (`assessment:reopenStage`): a stage marked done in error, or on the
 * wrong day, is undone with a reason and then marked done again. Only the latest done stage,
 * so the pathway stays in order. Undoing "report sent" reopens the assessment and clears the
 * case's completed date in the same transaction, so the clock (`readClock`) runs again and the
 * case and the assessment never disagree. Sign-off is separate: a signed report stays signed
 * when quality assurance or report drafted is undone.
 */
import type { AssessmentView } from '../../../preload/contract/assessment-records';
import { today } from '../cases/cases.service';
import { AppError } from '../errors';
import type { OpenVault } from '../vault/vault';
import { caseOf, loadAssessmentView, stageFacts } from './assessment-view';
import type { AssessmentRow } from './assessments.records';
import { findStage, listStages, restartCaseClock, updateAssessmentRow, updateStageRow } from './assessments.repo';
import { checkStageReopen, stageReached } from './assessments.rules';
import { requireAssessment, staleAssessment } from './assessments.service';

export function reopenStage(
  vault: OpenVault,
  stageId: string,
  expectedVersion: number,
  reason: string,
): AssessmentView {
  const { db } = vault;
  const why = reason.trim();
  if (!why) throw new AppError('INVALID_INPUT', 'Say why the stage is being undone.');
  return db
    .transaction(() => {
      const stage = findStage(db, stageId);
      if (!stage) throw new AppError('NOT_FOUND', 'That stage of the assessment does not exist.');
      if (stage.version !== expectedVersion) throw staleAssessment();
      const row = requireAssessment(vault, stage.assessment_id);
      const c = caseOf(db, row.case_id);
      const facts = stageFacts(listStages(db, row.id), c);
      const target = facts.find((f) => f.id === stageId);
      if (!target) throw new AppError('NOT_FOUND', 'That stage of the assessment does not exist.');
      checkStageReopen(facts, target, row.report_sent_date);
      const sent = stage.stage === 'report_sent';
      // A closed case's clock is read as it was; reopening its assessment would change a closed record.
      if (sent && (c.status === 'closed' || c.status === 'declined')) {
        throw new AppError('INVALID_INPUT', `This case is ${c.status}: reopen the case before undoing “Report sent”.`);
      }
      const at = vault.now().toISOString();
      const by = vault.user.id;
      if (!updateStageRow(db, stageId, { actual_date: null, updated_at: at, updated_by: by }, expectedVersion)) {
        throw staleAssessment();
      }
      const after = facts.map((f) => (f.id === stageId ? { ...f, actualDate: null } : f));
      const fields: Partial<AssessmentRow> = { stage_reached: stageReached(after), updated_at: at, updated_by: by };
      if (sent) Object.assign(fields, { state: 'open', report_sent_date: null });
      if (!updateAssessmentRow(db, row.id, fields, row.version)) throw staleAssessment();
      if (sent) restartCaseClock(db, row.case_id, at, by);
      vault.audit({
        action: 'assessment.stage_reopen',
        entityType: 'assessment_stage',
        entityId: stageId,
        caseId: row.case_id,
        // The reason is why a recorded date was withdrawn: the log is where it is kept.
        detail: { stage: stage.stage, wasDoneOn: stage.actual_date, reason: why, assessmentReopened: sent },
      });
      return loadAssessmentView(db, requireAssessment(vault, row.id), today(vault));
    })
    .immediate();
}
