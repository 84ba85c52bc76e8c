/**
 * Training packages and events: each write in one immediate transaction with its audit row,
 * `expectedVersion` giving CONFLICT, as `updateCaseFields` does for a case. Training records
 * name no case: their audit rows carry no case id and their own entity kinds
 * (`training_package`, `training_event`).
 */
import { randomUUID } from 'node:crypto';
import type { ChannelParsedInput } from '../../../preload/contract';
import type {
  TrainingEventInput,
  TrainingEventView,
  TrainingPackageInput,
  TrainingPackageView,
} from '../../../preload/contract/training-records';
import { AppError } from '../errors';
import type { OpenVault } from '../vault/vault';
import {
  eventState,
  findEvent,
  findPackage,
  highestUsedVersion,
  insertEvent,
  insertPackage,
  listPackages,
  removeEventRow,
  updateEventRow,
  updatePackageRow,
} from './training.repo';
import { toTenths } from './training.records';

export function requirePackage(vault: OpenVault, packageId: string): TrainingPackageView {
  const found = findPackage(vault.db, packageId);
  if (!found) throw new AppError('NOT_FOUND', 'That training package does not exist.');
  return found;
}

function requireEvent(vault: OpenVault, eventId: string): TrainingEventView {
  const found = findEvent(vault.db, eventId);
  if (!found) {
    const state = eventState(vault.db, eventId);
    throw new AppError(
      'NOT_FOUND',
      state?.removed ? 'That training event has been removed.' : 'That training event does not exist.',
    );
  }
  return found;
}

export function listTrainingPackages(vault: OpenVault): TrainingPackageView[] {
  return listPackages(vault.db);
}

export function createTrainingPackage(vault: OpenVault, input: TrainingPackageInput): TrainingPackageView {
  const id = randomUUID();
  const at = vault.now().toISOString();
  vault.db
    .transaction(() => {
      insertPackage(vault.db, {
        id,
        title: input.title,
        summary: input.summary,
        audience_sectors: JSON.stringify(input.audienceSectors),
        current_materials_version: input.currentMaterialsVersion,
        created_at: at,
        created_by: vault.user.id,
        updated_at: at,
        updated_by: vault.user.id,
      });
      vault.audit({
        action: 'trainingPackage.create',
        entityType: 'training_package',
        entityId: id,
        detail: { materialsVersion: input.currentMaterialsVersion },
      });
    })
    .immediate();
  return requirePackage(vault, id);
}

export function updateTrainingPackage(
  vault: OpenVault,
  packageId: string,
  expectedVersion: number,
  input: TrainingPackageInput,
): TrainingPackageView {
  return vault.db
    .transaction(() => {
      const before = requirePackage(vault, packageId);
      const used = highestUsedVersion(vault.db, packageId);
      if (input.currentMaterialsVersion < used) {
        throw new AppError(
          'INVALID_INPUT',
          `An event already used version ${used} of this package's materials, so the current version cannot go back to ${input.currentMaterialsVersion}.`,
        );
      }
      const changed = updatePackageRow(vault.db, {
        id: packageId,
        expected_version: expectedVersion,
        title: input.title,
        summary: input.summary,
        audience_sectors: JSON.stringify(input.audienceSectors),
        current_materials_version: input.currentMaterialsVersion,
        updated_at: vault.now().toISOString(),
        updated_by: vault.user.id,
      });
      if (!changed) {
        throw new AppError('CONFLICT', 'Someone else changed this package first. Reload it and try again.');
      }
      vault.audit({
        action: 'trainingPackage.update',
        entityType: 'training_package',
        entityId: packageId,
        detail: { materialsVersion: { from: before.currentMaterialsVersion, to: input.currentMaterialsVersion } },
      });
      return requirePackage(vault, packageId);
    })
    .immediate();
}

/**
 * The stored columns of an event, after the checks the schema cannot make: the package exists,
 * its materials version is one it has had, and every trainer is a user of this vault.
 */
function eventColumns(vault: OpenVault, input: TrainingEventInput) {
  const pkg = requirePackage(vault, input.packageId);
  const materialsVersion = input.materialsVersion ?? pkg.currentMaterialsVersion;
  if (materialsVersion > pkg.currentMaterialsVersion) {
    throw new AppError(
      'INVALID_INPUT',
      `The package "${pkg.title}" is at materials version ${pkg.currentMaterialsVersion}: an event cannot use version ${materialsVersion}.`,
    );
  }
  const users = new Set(vault.listUsers().map((u) => u.id));
  if (input.trainerIds.some((id) => !users.has(id))) {
    throw new AppError(
      'INVALID_INPUT',
      'A trainer chosen is not a user of this vault. Name outside trainers as co-trainers.',
    );
  }
  return {
    title: input.title,
    package_id: input.packageId,
    tailoring: input.tailoring,
    organisation: input.organisation,
    sector: input.sector,
    start_date: input.startDate,
    end_date: input.endDate ?? input.startDate,
    delivery: input.delivery,
    trainer_ids: JSON.stringify(input.trainerIds),
    co_trainers: input.coTrainers,
    attendees: input.attendees,
    evaluations_returned: input.evaluationsReturned,
    pre_confidence: toTenths(input.preConfidence),
    post_confidence: toTenths(input.postConfidence),
    themes: input.themes,
    materials_version: materialsVersion,
  };
}

export function createTrainingEvent(vault: OpenVault, input: TrainingEventInput): TrainingEventView {
  const id = randomUUID();
  const at = vault.now().toISOString();
  vault.db
    .transaction(() => {
      const columns = eventColumns(vault, input);
      insertEvent(vault.db, {
        ...columns,
        id,
        created_at: at,
        created_by: vault.user.id,
        updated_at: at,
        updated_by: vault.user.id,
      });
      vault.audit({
        action: 'trainingEvent.create',
        entityType: 'training_event',
        entityId: id,
        detail: { packageId: input.packageId, sector: input.sector, attendees: input.attendees },
      });
    })
    .immediate();
  return requireEvent(vault, id);
}

export function getTrainingEvent(vault: OpenVault, eventId: string): TrainingEventView {
  return requireEvent(vault, eventId);
}

export function updateTrainingEvent(
  vault: OpenVault,
  eventId: string,
  expectedVersion: number,
  input: TrainingEventInput,
): TrainingEventView {
  return vault.db
    .transaction(() => {
      requireEvent(vault, eventId);
      const columns = eventColumns(vault, input);
      const changed = updateEventRow(vault.db, {
        ...columns,
        id: eventId,
        expected_version: expectedVersion,
        updated_at: vault.now().toISOString(),
        updated_by: vault.user.id,
      });
      if (!changed) {
        throw new AppError('CONFLICT', 'Someone else changed this event first. Reload it and try again.');
      }
      vault.audit({ action: 'trainingEvent.update', entityType: 'training_event', entityId: eventId });
      return requireEvent(vault, eventId);
    })
    .immediate();
}

/** Remove an event recorded in error: hidden from every list, kept in the table, the reason audited. */
export function removeTrainingEvent(
  vault: OpenVault,
  input: ChannelParsedInput<'trainingEvent:remove'>,
): { removed: true } {
  vault.db
    .transaction(() => {
      requireEvent(vault, input.eventId);
      const removed = removeEventRow(vault.db, {
        id: input.eventId,
        expected_version: input.expectedVersion,
        removed_at: vault.now().toISOString(),
        removed_by: vault.user.id,
        removed_reason: input.reason,
      });
      if (!removed) {
        throw new AppError('CONFLICT', 'Someone else changed this event first. Reload it and try again.');
      }
      vault.audit({
        action: 'trainingEvent.remove',
        entityType: 'training_event',
        entityId: input.eventId,
        detail: { reason: input.reason },
      });
    })
    .immediate();
  return { removed: true };
}
