/**
 * The content of an assessment: the harmful sexual behaviours it describes and its
 * recommendations. Writes follow `updateCaseFields` (one transaction with its audit row; a
 * stale version is CONFLICT); audit rows never hold the text.
 */
import { randomUUID } from 'node:crypto';
import type {
  Behaviour,
  BehaviourView,
  RecommendationInput,
  RecommendationView,
} from '../../../preload/contract/assessment-records';
import { behaviourView, recommendationView } from './assessment-view';
import { recommendationSchema } from '../../../preload/contract/assessment-records';
import { AppError } from '../errors';
import type { OpenVault } from '../vault/vault';
import { behaviourRecord, type BehaviourRow, type RecommendationRow } from './assessments.records';
import {
  deleteBehaviour,
  deleteRecommendation,
  findBehaviour,
  findRecommendation,
  insertBehaviour,
  insertRecommendation,
  updateBehaviourRow,
} from './assessments.repo';
import { requireAssessment, requireEditable, staleAssessment } from './assessments.service';
import { assertContentEditable } from './assessment-lock';

function behaviourFields(b: Behaviour) {
  return behaviourRecord.toRow(b);
}

/** Record a behaviour or incident. */
export function addBehaviour(vault: OpenVault, assessmentId: string, behaviour: Behaviour): BehaviourView {
  const { db } = vault;
  return db
    .transaction(() => {
      const a = requireAssessment(vault, assessmentId);
      requireEditable(a);
      assertContentEditable(db, a.id);
      const at = vault.now().toISOString();
      const row = {
        ...behaviourFields(behaviour),
        id: randomUUID(),
        assessment_id: assessmentId,
        case_id: a.case_id,
        created_at: at,
        created_by: vault.user.id,
        updated_at: at,
        updated_by: vault.user.id,
        version: 1,
      } as BehaviourRow;
      insertBehaviour(db, row);
      vault.audit({
        action: 'assessment.behaviour_add',
        entityType: 'assessment_behaviour',
        entityId: row.id,
        caseId: a.case_id,
        detail: { hackett: behaviour.hackett, thirdParty: behaviour.thirdParty },
      });
      return behaviourView(row);
    })
    .immediate();
}

/** Change a behaviour. */
export function updateBehaviour(
  vault: OpenVault,
  behaviourId: string,
  expectedVersion: number,
  behaviour: Behaviour,
): BehaviourView {
  const { db } = vault;
  return db
    .transaction(() => {
      const before = findBehaviour(db, behaviourId);
      if (!before) throw new AppError('NOT_FOUND', 'That behaviour record does not exist. It may have been removed.');
      if (before.version !== expectedVersion) throw staleAssessment();
      requireEditable(requireAssessment(vault, before.assessment_id));
      assertContentEditable(db, before.assessment_id);
      const fields = {
        ...behaviourFields(behaviour),
        updated_at: vault.now().toISOString(),
        updated_by: vault.user.id,
      };
      if (!updateBehaviourRow(db, behaviourId, fields, expectedVersion)) throw staleAssessment();
      vault.audit({
        action: 'assessment.behaviour_update',
        entityType: 'assessment_behaviour',
        entityId: behaviourId,
        caseId: before.case_id,
      });
      const after = findBehaviour(db, behaviourId);
      if (!after) throw new AppError('NOT_FOUND', 'That behaviour record does not exist. It may have been removed.');
      return behaviourView(after);
    })
    .immediate();
}

/**
 * Remove a behaviour recorded in error (not once the report is sent or signed off). The audit
 * row keeps what it was in structured terms (date, Hackett, Brook, third-party mark, version),
 * never its description, so the log shows what went without holding clinical text.
 */
export function removeBehaviour(vault: OpenVault, behaviourId: string, expectedVersion: number): { removed: true } {
  const { db } = vault;
  return db
    .transaction(() => {
      const row = findBehaviour(db, behaviourId);
      if (!row) throw new AppError('NOT_FOUND', 'That behaviour record does not exist. It may have been removed.');
      if (row.version !== expectedVersion) throw staleAssessment();
      requireEditable(requireAssessment(vault, row.assessment_id));
      assertContentEditable(db, row.assessment_id);
      if (!deleteBehaviour(db, behaviourId, expectedVersion)) throw staleAssessment();
      vault.audit({
        action: 'assessment.behaviour_remove',
        entityType: 'assessment_behaviour',
        entityId: behaviourId,
        caseId: row.case_id,
        detail: {
          occurredOn: row.occurred_on,
          hackett: row.hackett,
          brookVersion: row.brook_version,
          brookBand: row.brook_band,
          brookColour: row.brook_colour,
          thirdParty: row.third_party === 1,
          version: row.version,
        },
      });
      return { removed: true as const };
    })
    .immediate();
}

/** Add a recommendation to one of the four groups. */
export function addRecommendation(
  vault: OpenVault,
  assessmentId: string,
  input: RecommendationInput,
): RecommendationView {
  const recommendation = recommendationSchema.parse(input);
  const { db } = vault;
  return db
    .transaction(() => {
      const a = requireAssessment(vault, assessmentId);
      requireEditable(a);
      assertContentEditable(db, a.id);
      const at = vault.now().toISOString();
      const row: RecommendationRow = {
        id: randomUUID(),
        assessment_id: assessmentId,
        case_id: a.case_id,
        grp: recommendation.group,
        text: recommendation.text,
        owner: recommendation.owner,
        timescale: recommendation.timescale,
        created_at: at,
        updated_at: at,
        updated_by: vault.user.id,
        version: 1,
      };
      insertRecommendation(db, row);
      vault.audit({
        action: 'assessment.recommendation_add',
        entityType: 'assessment_recommendation',
        entityId: row.id,
        caseId: a.case_id,
        detail: { group: row.grp },
      });
      return recommendationView(row);
    })
    .immediate();
}

/** Remove a recommendation (not once the report is sent). */
export function removeRecommendation(vault: OpenVault, id: string, expectedVersion: number): { removed: true } {
  const { db } = vault;
  return db
    .transaction(() => {
      const row = findRecommendation(db, id);
      if (!row) throw new AppError('NOT_FOUND', 'That recommendation does not exist. It may have been removed.');
      requireEditable(requireAssessment(vault, row.assessment_id));
      assertContentEditable(db, row.assessment_id);
      if (!deleteRecommendation(db, id, expectedVersion)) throw staleAssessment();
      vault.audit({
        action: 'assessment.recommendation_remove',
        entityType: 'assessment_recommendation',
        entityId: id,
        caseId: row.case_id,
        detail: { group: row.grp },
      });
      return { removed: true as const };
    })
    .immediate();
}
