/**
 * The assessment pathway's rules with the database: open an assessment, plan and complete its
 * stages, change its fields. Every write is one immediate transaction with its audit row (as
 * `updateCaseFields`); a stale `expectedVersion` is CONFLICT. Audit rows name fields and
 * stages, never clinical text.
 */
import { randomUUID } from 'node:crypto';
import {
  ASSESSMENT_STAGES,
  type AssessmentPatch,
  type AssessmentView,
} from '../../../preload/contract/assessment-records';
import { findServices, isCaseWorker } from '../cases/cases.repo';
import { auditedRead, today } from '../cases/cases.service';
import { assessmentApplies, formatUkDate } from '../cases/dates';
import { listPeople } from '../cases/people.repo';
import { AppError } from '../errors';
import type { OpenVault } from '../vault/vault';
import { caseOf, loadAssessmentView, stageFacts } from './assessment-view';
import { assessmentRecord, type AssessmentRow, type StageRow } from './assessments.records';
import {
  findAssessment,
  findCurrentAssessment,
  findStage,
  insertAssessment,
  insertStage,
  listRecommendations,
  listStages,
  stopCaseClock,
  updateAssessmentRow,
  updateStageRow,
} from './assessments.repo';
import { canSignOff, checkStageCompletion } from './assessments.rules';
import { assertContentEditable } from './assessment-lock';

export function staleAssessment(): AppError {
  return new AppError(
    'CONFLICT',
    'Someone changed this assessment while you were working on it. Reload it to see their changes, then try again.',
  );
}

export function requireAssessment(vault: OpenVault, id: string): AssessmentRow {
  const row = findAssessment(vault.db, id);
  if (!row) throw new AppError('NOT_FOUND', 'That assessment does not exist. It may have been removed.');
  return row;
}

/** A signed-off assessment is closed to edits (its report is a record of what was sent). */
export function requireEditable(row: AssessmentRow): void {
  if (row.state === 'complete') {
    throw new AppError(
      'INVALID_INPUT',
      `This assessment was completed when its report was sent on ${formatUkDate(row.report_sent_date ?? '')}, so it can no longer be changed.`,
    );
  }
}

/** The case's assessment (open, else latest), or null. Audited as `case.read`. */
export function getAssessment(vault: OpenVault, caseId: string): AssessmentView | null {
  return auditedRead(vault, caseId, 'assessment', () => {
    const row = findCurrentAssessment(vault.db, caseId);
    return row ? loadAssessmentView(vault.db, row, today(vault)) : null;
  });
}

/**
 * Start the case's assessment. Refused for cases without an assessment clock, declined or
 * closed cases, a case with one open already and a case whose assessment is complete (its
 * 12 weeks have been read; a reassessment is a new referral).
 */
export function openAssessment(vault: OpenVault, caseId: string): AssessmentView {
  const { db } = vault;
  return db
    .transaction(() => {
      const c = caseOf(db, caseId);
      const services = findServices(db, caseId);
      if (!assessmentApplies(c.consultation_only === 1, [...services.requested, ...services.provided])) {
        throw new AppError(
          'INVALID_INPUT',
          'This case has no assessment among its services (or is consultation only). Add the assessment service on the Overview tab first.',
        );
      }
      if (c.status === 'declined' || c.status === 'closed') {
        throw new AppError('INVALID_INPUT', `This case is ${c.status}: reopen it before starting an assessment.`);
      }
      const current = findCurrentAssessment(db, caseId);
      if (current?.state === 'open') throw new AppError('INVALID_INPUT', 'This case already has an open assessment.');
      if (current) {
        throw new AppError(
          'INVALID_INPUT',
          `This case’s assessment was completed on ${formatUkDate(current.report_sent_date ?? '')}. A new assessment needs a new referral.`,
        );
      }
      const at = vault.now().toISOString();
      const id = randomUUID();
      const empty = Object.fromEntries(assessmentRecord.names.map((n) => [n, null])) as Record<string, null>;
      insertAssessment(db, {
        ...empty,
        id,
        case_id: caseId,
        state: 'open',
        stage_reached: c.paperwork_complete_date ? 'paperwork_complete' : null,
        opened_at: at,
        opened_by: vault.user.id,
        updated_at: at,
        updated_by: vault.user.id,
        version: 1,
      } as AssessmentRow);
      const carers = listPeople(db, caseId).filter((p) => p.kind === 'parent_carer');
      const owner = c.lead_worker_id;
      const stage = (
        s: (typeof ASSESSMENT_STAGES)[number],
        seq: number,
        subject?: { id: string | null; label: string },
      ): StageRow => ({
        id: randomUUID(),
        assessment_id: id,
        case_id: caseId,
        stage: s,
        seq,
        subject_person_id: subject?.id ?? null,
        subject_label: subject?.label ?? null,
        planned_date: null,
        actual_date: null,
        owner_id: s === 'paperwork_complete' ? null : owner,
        updated_at: at,
        updated_by: vault.user.id,
        version: 1,
      });
      ASSESSMENT_STAGES.forEach((s, seq) => {
        if (s !== 'clinical_interviews') return insertStage(db, stage(s, seq));
        insertStage(db, stage(s, seq, { id: null, label: 'Young person' }));
        for (const p of carers) insertStage(db, stage(s, seq, { id: p.id, label: p.name }));
      });
      vault.audit({ action: 'assessment.open', entityType: 'assessment', entityId: id, caseId });
      return loadAssessmentView(db, requireAssessmentRow(db, id), today(vault));
    })
    .immediate();
}

function requireAssessmentRow(db: OpenVault['db'], id: string): AssessmentRow {
  const row = findAssessment(db, id);
  if (!row) throw new AppError('NOT_FOUND', 'That assessment does not exist. It may have been removed.');
  return row;
}

/** Change the assessment's own fields (risks, needs, instrument results, formulation). */
export function updateAssessment(
  vault: OpenVault,
  assessmentId: string,
  expectedVersion: number,
  patch: AssessmentPatch,
): AssessmentView {
  const { db } = vault;
  return db
    .transaction(() => {
      const row = requireAssessment(vault, assessmentId);
      if (row.version !== expectedVersion) throw staleAssessment();
      requireEditable(row);
      assertContentEditable(db, assessmentId);
      const fields = {
        ...assessmentRecord.toRow(patch),
        updated_at: vault.now().toISOString(),
        updated_by: vault.user.id,
      };
      if (!updateAssessmentRow(db, assessmentId, fields, expectedVersion)) throw staleAssessment();
      vault.audit({
        action: 'assessment.update',
        entityType: 'assessment',
        entityId: assessmentId,
        caseId: row.case_id,
        detail: { fields: Object.keys(patch) },
      });
      return loadAssessmentView(db, requireAssessmentRow(db, assessmentId), today(vault));
    })
    .immediate();
}

function requireStage(
  vault: OpenVault,
  stageId: string,
  expectedVersion: number,
): { stage: StageRow; row: AssessmentRow } {
  const stage = findStage(vault.db, stageId);
  if (!stage) throw new AppError('NOT_FOUND', 'That stage of the assessment does not exist.');
  if (stage.version !== expectedVersion) throw staleAssessment();
  const row = requireAssessment(vault, stage.assessment_id);
  requireEditable(row);
  return { stage, row };
}

/** Set a stage's planned date and owner. */
export function planStage(
  vault: OpenVault,
  stageId: string,
  expectedVersion: number,
  plan: { plannedDate: string | null; ownerId: string | null },
): AssessmentView {
  const { db } = vault;
  return db
    .transaction(() => {
      const { stage, row } = requireStage(vault, stageId, expectedVersion);
      if (stage.stage === 'paperwork_complete') {
        throw new AppError(
          'INVALID_INPUT',
          'The paperwork stage follows the Paperwork tab; it has no plan of its own.',
        );
      }
      if (plan.ownerId && !isCaseWorker(db, plan.ownerId)) {
        throw new AppError('INVALID_INPUT', 'The owner of a stage must be an active clinician or administrator.');
      }
      const fields = {
        planned_date: plan.plannedDate,
        owner_id: plan.ownerId,
        updated_at: vault.now().toISOString(),
        updated_by: vault.user.id,
      };
      if (!updateStageRow(db, stageId, fields, expectedVersion)) throw staleAssessment();
      vault.audit({
        action: 'assessment.stage_plan',
        entityType: 'assessment_stage',
        entityId: stageId,
        caseId: row.case_id,
        detail: { stage: stage.stage },
      });
      return loadAssessmentView(db, row, today(vault));
    })
    .immediate();
}

/**
 * Mark a stage done (see `checkStageCompletion` for the order rule). Quality assurance signs
 * the report off, so it needs what `canSignOff` asks for. "Report sent" completes the
 * assessment and stops the case's 12-week clock on that date, in the same transaction.
 */
export function completeStage(
  vault: OpenVault,
  stageId: string,
  expectedVersion: number,
  actualDate: string,
): AssessmentView {
  const { db } = vault;
  return db
    .transaction(() => {
      const { stage, row } = requireStage(vault, stageId, expectedVersion);
      const c = caseOf(db, row.case_id);
      const stages = listStages(db, row.id);
      const facts = stageFacts(stages, c);
      const target = facts.find((f) => f.id === stageId);
      if (!target) throw new AppError('NOT_FOUND', 'That stage of the assessment does not exist.');
      checkStageCompletion(facts, target, actualDate, today(vault));
      if (stage.stage === 'quality_assurance') {
        const blockers = canSignOff({
          ...assessmentRecord.toView(row),
          recommendations: listRecommendations(db, row.id).map((r) => ({ group: r.grp })),
        });
        if (blockers.length > 0) {
          throw new AppError('INVALID_INPUT', `The report cannot be signed off yet. ${blockers.join(' ')}`);
        }
      }
      const at = vault.now().toISOString();
      if (
        !updateStageRow(
          db,
          stageId,
          { actual_date: actualDate, updated_at: at, updated_by: vault.user.id },
          expectedVersion,
        )
      ) {
        throw staleAssessment();
      }
      // The last stage done: with every interview done the pathway has reached the interviews.
      const waiting = facts.filter((f) => f.id !== stageId && f.stage === stage.stage && !f.actualDate);
      const reached = waiting.length === 0 ? stage.stage : row.stage_reached;
      const sent = stage.stage === 'report_sent';
      const fields: Partial<AssessmentRow> = { stage_reached: reached, updated_at: at, updated_by: vault.user.id };
      if (sent) Object.assign(fields, { state: 'complete', report_sent_date: actualDate });
      if (!updateAssessmentRow(db, row.id, fields, row.version)) throw staleAssessment();
      if (sent) stopCaseClock(db, row.case_id, actualDate, at, vault.user.id);
      vault.audit({
        action: 'assessment.stage_complete',
        entityType: 'assessment_stage',
        entityId: stageId,
        caseId: row.case_id,
        detail: { stage: stage.stage, actualDate },
      });
      return loadAssessmentView(db, requireAssessmentRow(db, row.id), today(vault));
    })
    .immediate();
}
