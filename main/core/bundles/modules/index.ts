/**
 * The bundle registry of the real case file. Add a module here when a new part of the case file
 * (consultations, assessments, Safe Home ...) should travel in bundles.
 */
import type { OpenVault } from '../../vault/vault';
import type { BundleModule, BundleRegistry } from '../registry';
import { caseLocator, caseModule } from './case-module';
import {
  flagsModule,
  noteRevisionsModule,
  notesModule,
  peopleModule,
  statusHistoryModule,
  tasksModule,
} from './casework-modules';
import { conflictFlag } from './conflict-flag';
import { documentsFor } from './documents-module';
import { usersModule } from './users-module';
import { psychometricsModule } from '../../psychometrics/psychometrics.bundle';
import { assessmentBundleModules } from '../../assessments/assessments.bundle';
import { consultationBundleModules } from '../../consultations/consultations.bundle';
import { attachmentBundleModules } from '../../attachment/attachment.bundle';
import { interventionBundleModules } from '../../interventions/interventions.bundle';
import { safeHomeBundleModules } from '../../safe-home/safe-home.bundle';

export function caseFileRegistry(vault: OpenVault): BundleRegistry {
  const documents = documentsFor(vault);
  const modules = [
    usersModule,
    caseModule,
    peopleModule,
    statusHistoryModule,
    flagsModule,
    tasksModule,
    notesModule,
    noteRevisionsModule,
    documents.module,
    psychometricsModule,
    ...assessmentBundleModules,
    ...consultationBundleModules,
    ...attachmentBundleModules,
    ...interventionBundleModules,
    ...safeHomeBundleModules,
  ];
  return {
    cases: caseLocator,
    modules: modules as unknown as BundleModule[],
    documents: documents.store,
    conflicts: conflictFlag,
  };
}
