import { createRouter, type Handlers, type Router, type ShellServices } from './ipc/router';
import { SessionManager, type SessionManagerOptions } from './session/session-manager';
import { vaultHandlers } from './vault/vault.ipc';
import { caseHandlers } from './cases/cases.ipc';
import { personHandlers } from './cases/people.ipc';
import { flagHandlers, taskHandlers } from './casework/casework.ipc';
import { chronologyHandlers, noteHandlers } from './notes/notes.ipc';
import { searchHandlers } from './search/search.ipc';
import { documentHandlers } from './documents/documents.ipc';
import { bundleHandlers } from './bundles/bundles.ipc';
import { draftHandlers } from './drafts/drafts.ipc';
import { psychometricsHandlers } from './psychometrics/psychometrics.ipc';
import { assessmentHandlers } from './assessments/assessments.ipc';
import { consultationHandlers } from './consultations/consultations.ipc';
import { attachmentHandlers } from './attachment/attachment.ipc';
import { interventionHandlers } from './interventions/interventions.ipc';
import { trainingHandlers } from './training/training.ipc';
import { statisticsHandlers } from './stats/stats.ipc';
import { safeHomeHandlers } from './safe-home/safe-home.ipc';
import { homeHandlers } from './home/home.ipc';
import { backupHandlers } from './backup/backup.ipc';
import { setBundlePolicy, type BundlePolicy } from './bundles/policy';

/**
 * Every channel's handler, gathered from the domains: each folder contributes the handlers of
 * its own channel groups. TypeScript checks none is missing.
 */
export const handlers: Handlers = {
  ...vaultHandlers,
  ...caseHandlers,
  ...personHandlers,
  ...flagHandlers,
  ...taskHandlers,
  ...noteHandlers,
  ...chronologyHandlers,
  ...searchHandlers,
  ...documentHandlers,
  ...bundleHandlers,
  ...draftHandlers,
  ...psychometricsHandlers,
  ...assessmentHandlers,
  ...consultationHandlers,
  ...attachmentHandlers,
  ...interventionHandlers,
  ...trainingHandlers,
  ...statisticsHandlers,
  ...safeHomeHandlers,
  ...homeHandlers,
  ...backupHandlers,
};

export interface Core {
  manager: SessionManager;
  router: Router;
}

/** Build the core for one vault folder. Used by the Electron shell and the browser host alike. */
export interface CoreOptions extends SessionManagerOptions {
  /** Services only the shell can give (e.g. Electron's save dialog). */
  shell?: ShellServices;
  /** What the machine policy allows for bundles (passphrase bundles); default: allowed. */
  bundles?: Partial<BundlePolicy>;
}

export function createCore(vaultDir: string, options: CoreOptions = {}): Core {
  const { shell, bundles, ...sessionOptions } = options;
  const manager = new SessionManager(vaultDir, sessionOptions);
  if (bundles) setBundlePolicy(manager, bundles);
  return { manager, router: createRouter(handlers, manager, console.error, shell ?? {}) };
}
