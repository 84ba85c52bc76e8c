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
import { policyHandlers } from './policy/policy.ipc';
import { retentionHandlers } from './retention/retention.ipc';
import { clipboardHandlers, flushClipboard, installClipboardGuard } from './clipboard/clipboard.ipc';
import type { EventName, EventPayloads } from '../../preload/contract';
import { machinePolicyStatus, setMachinePolicy } from './policy/policy-in-force';
import { DEFAULT_IDLE_LOCK_MINUTES } from './session/session-manager';
import { DEFAULT_MACHINE_POLICY, type MachinePolicyStatus } from '../../preload/contract/policy';
import { startBackupSchedule, type BackupScheduleOptions } from './backup/scheduler';

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
  ...policyHandlers,
  ...clipboardHandlers,
  ...retentionHandlers,
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
  /**
   * The machine policy in force (`loadMachinePolicy()` from main/core/policy, read once at
   * start by the Electron shell and the browser host); the defaults when absent.
   */
  policy?: MachinePolicyStatus;
  /** How long copied text stays on the clipboard (tests); 30 seconds when absent. */
  clipboardHoldMs?: number;
  /**
   * Scheduled backups (main/core/backup/scheduler.ts): the app's own backup folder and, for
   * tests, the clock. No schedule when absent (the CLI, most tests).
   */
  backups?: BackupScheduleOptions;
}

export function createCore(vaultDir: string, options: CoreOptions = {}): Core {
  const { shell, bundles, policy, clipboardHoldMs, backups, ...sessionOptions } = options;
  // The idle lock asked for (a launch option, a test) can shorten the policy's maximum, never
  // pass it.
  const maxIdleMs = (policy?.policy ?? DEFAULT_MACHINE_POLICY).maxIdleLockMinutes * 60_000;
  const idleLockMs = Math.min(sessionOptions.idleLockMs ?? DEFAULT_IDLE_LOCK_MINUTES * 60_000, maxIdleMs);
  // Locking (or quitting) also clears the app's text off the clipboard, if it is still there.
  const onEvent = <E extends EventName>(event: E, payload: EventPayloads[E]): void => {
    if (event === 'vault:locked') void flushClipboard(manager);
    sessionOptions.onEvent?.(event, payload);
  };
  const manager = new SessionManager(vaultDir, { ...sessionOptions, idleLockMs, onEvent });
  if (shell?.clipboard) installClipboardGuard(manager, shell.clipboard, clipboardHoldMs);
  if (policy) setMachinePolicy(manager, policy);
  const passphraseAllowed = machinePolicyStatus(manager).policy.passphraseBundlesAllowed;
  if (bundles || !passphraseAllowed) {
    setBundlePolicy(manager, { ...bundles, allowPassphrase: passphraseAllowed && (bundles?.allowPassphrase ?? true) });
  }
  if (backups) {
    const scheduler = startBackupSchedule(manager, () => machinePolicyStatus(manager).policy, backups);
    const dispose = manager.dispose.bind(manager);
    manager.dispose = () => {
      scheduler.dispose();
      dispose();
    };
  }
  return { manager, router: createRouter(handlers, manager, console.error, shell ?? {}) };
}
