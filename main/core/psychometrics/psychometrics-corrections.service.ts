/**
 * Correcting and removing a psychometric administration.
 *
 * A correction is checked and banded against the administration's own copy of the scales, the
 * copy it was scored with, never against today's catalogue: an administrator may have moved the
 * cut-offs since, and a corrected typo must not quietly re-band the other scores. Removal is for
 * an administration entered in error (the wrong case, the wrong questionnaire), with a reason.
 *
 * Once the case's assessment report is signed off its content is locked, and the report lists
 * the case's questionnaires, so both are refused with the sign-off message (corrections are then
 * addenda). Each write is one immediate transaction with its audit row inside it; the audit
 * names fields and what the record was, never scores.
 */
import type { ChannelParsedInput } from '../../../preload/contract';
import type { AdministrationView } from '../../../preload/contract/psychometrics';
import { assertContentEditable } from '../assessments/assessment-lock';
import { findCurrentAssessment } from '../assessments/assessments.repo';
import type { Db } from '../db/connection';
import { AppError } from '../errors';
import type { OpenVault } from '../vault/vault';
import {
  deleteAdministration,
  findAdministration,
  updateAdministration,
  type StoredAdministration,
} from './psychometrics.repo';
import { administrationView, requireAdministrator, respondentFor } from './psychometrics.service';
import { checkScores, headline, scoreScales } from './scoring';

type Correction = ChannelParsedInput<'psychometrics:update'>['administration'];

function requireAdministration(db: Db, id: string): StoredAdministration {
  const found = findAdministration(db, id);
  if (!found) throw new AppError('NOT_FOUND', 'That questionnaire is no longer recorded. It may have been removed.');
  return found;
}

function stale(): AppError {
  return new AppError(
    'CONFLICT',
    'Someone changed this questionnaire while you were editing it. Reload the tab to see their changes, then try again.',
  );
}

/** Refuse a change once the case's assessment report is signed off, with the sign-off message. */
function assertUnsigned(db: Db, caseId: string): void {
  const assessment = findCurrentAssessment(db, caseId);
  if (assessment) assertContentEditable(db, assessment.id);
}

/** The names of the fields a correction changed, for the audit row (never their values). */
function changedFields(before: StoredAdministration, after: StoredAdministration): string[] {
  const fields: string[] = [];
  if (before.administeredOn !== after.administeredOn) fields.push('administeredOn');
  if (before.respondentPersonId !== after.respondentPersonId || before.respondentName !== after.respondentName)
    fields.push('respondent');
  if (before.administeredBy !== after.administeredBy) fields.push('administeredBy');
  if (JSON.stringify(before.scores) !== JSON.stringify(after.scores)) fields.push('scores');
  if (before.notes !== after.notes) fields.push('notes');
  return fields;
}

/** Correct an administration's date, respondent, administrator, scores or notes. */
export function correctAdministration(
  vault: OpenVault,
  administrationId: string,
  expectedVersion: number,
  fields: Correction,
): AdministrationView {
  const { db } = vault;
  return db
    .transaction(() => {
      const before = requireAdministration(db, administrationId);
      if (before.version !== expectedVersion) throw stale();
      assertUnsigned(db, before.caseId);
      requireAdministrator(vault, fields.administeredBy);
      const who = respondentFor(vault, before.caseId, before.respondentType, fields);
      // The administration's own scales: the bands it was scored with, whatever the catalogue says now.
      const scores = checkScores(before.scales, fields.scores);
      const after: StoredAdministration = {
        ...before,
        administeredOn: fields.administeredOn,
        respondentPersonId: who.personId,
        respondentName: who.name,
        administeredBy: fields.administeredBy,
        scores,
        summary: headline(scoreScales(before.scales, scores)),
        notes: fields.notes,
        updatedAt: vault.now().toISOString(),
        updatedBy: vault.user.id,
      };
      if (!updateAdministration(db, after, expectedVersion)) throw stale();
      vault.audit({
        action: 'psychometrics.update',
        entityType: 'psychometric_administration',
        entityId: administrationId,
        caseId: before.caseId,
        detail: { fields: changedFields(before, after) },
      });
      return administrationView(requireAdministration(db, administrationId));
    })
    .immediate();
}

/** Remove an administration entered in error; the audit keeps the reason and what it was. */
export function removeAdministration(
  vault: OpenVault,
  administrationId: string,
  expectedVersion: number,
  reason: string,
): { removed: true } {
  const { db } = vault;
  return db
    .transaction(() => {
      const before = requireAdministration(db, administrationId);
      if (before.version !== expectedVersion) throw stale();
      assertUnsigned(db, before.caseId);
      if (!deleteAdministration(db, administrationId, expectedVersion)) throw stale();
      vault.audit({
        action: 'psychometrics.remove',
        entityType: 'psychometric_administration',
        entityId: administrationId,
        caseId: before.caseId,
        detail: {
          reason,
          instrumentId: before.instrumentId,
          instrumentName: before.instrumentName,
          instrumentVersion: before.instrumentVersion,
          administeredOn: before.administeredOn,
          respondentType: before.respondentType,
          administeredBy: before.administeredBy,
          scored: before.scores.filter((s) => s.score !== null).length,
          version: before.version,
        },
      });
      return { removed: true as const };
    })
    .immediate();
}
