/**
 * The machine policy each core enforces. Given once by whoever builds the core (`createCore`'s
 * `policy` option: the Electron shell and the browser host load the file at start); a core built
 * without one (tests, the CLI) has the defaults, as a laptop without a policy file does.
 */
import { DEFAULT_MACHINE_POLICY, type MachinePolicyStatus } from '../../../preload/contract/policy';
import { AppError } from '../errors';
import type { SessionManager } from '../session/session-manager';
import { folderIsWithin } from './user-settings';

// Keyed by the session manager, as the bundle policy is: two cores in one process (the e2e
// tests run two vaults) each keep their own, and nothing global outlives a core.
const policies = new WeakMap<SessionManager, MachinePolicyStatus>();

export function setMachinePolicy(manager: SessionManager, status: MachinePolicyStatus): void {
  policies.set(manager, status);
}

/** The policy in force for this core, with where it came from. */
export function machinePolicyStatus(manager: SessionManager): MachinePolicyStatus {
  return (
    policies.get(manager) ?? {
      policy: { ...DEFAULT_MACHINE_POLICY },
      source: 'defaults',
      path: '',
      problems: [],
      setInFile: [],
    }
  );
}

/**
 * Refuse a new password shorter than the policy allows. The contract's schema already holds
 * the app's floor (12); a trust may ask for more.
 */
export function requirePolicyPasswordLength(manager: SessionManager, password: string): void {
  const min = machinePolicyStatus(manager).policy.minPasswordLength;
  if (password.length < min) {
    throw new AppError(
      'INVALID_INPUT',
      `Passwords must be at least ${min} characters on this laptop (your trust's IT has set this). This one has ${password.length}.`,
    );
  }
}

export const DOCUMENT_EXPORT_REFUSED =
  "Your trust's IT does not allow saving documents or reports from the app on this laptop. You can still read them here.";

/** Refuse saving a case document or a report as a file when the policy forbids it. */
export function requireDocumentExportAllowed(manager: SessionManager): void {
  if (!machinePolicyStatus(manager).policy.documentExportAllowed) {
    throw new AppError('FORBIDDEN', DOCUMENT_EXPORT_REFUSED);
  }
}

/**
 * Refuse creating or opening a vault outside the policy's `vaultLocation` (when it sets one):
 * IT keeps vaults where its encryption and disposal rules reach.
 */
export function requireVaultLocation(manager: SessionManager): void {
  const location = machinePolicyStatus(manager).policy.vaultLocation;
  if (location && !folderIsWithin(manager.vaultDir, location)) {
    throw new AppError(
      'FORBIDDEN',
      `This vault folder (${manager.vaultDir}) is outside ${location}, where your trust's IT keeps vaults on this laptop. Move the vault there, or ask IT.`,
    );
  }
}
