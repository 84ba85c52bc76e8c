/**
 * What the machine allows for bundles. Set once by the shell (from IT's machine-wide policy
 * file) for the core it builds; the core does not read any policy file itself. Until the shell
 * says otherwise, passphrase bundles are allowed (the default).
 */
import type { SessionManager } from '../session/session-manager';

export interface BundlePolicy {
  /** Passphrase bundles (for a reader without the app). Managed laptops may forbid them. */
  allowPassphrase: boolean;
}

export const DEFAULT_BUNDLE_POLICY: BundlePolicy = { allowPassphrase: true };

// Keyed by the session manager, so two cores in one process (the e2e tests run two vaults)
// each keep their own policy, and nothing global outlives a core.
const policies = new WeakMap<SessionManager, BundlePolicy>();

/** Give a core its bundle policy (the Electron shell calls this with the machine policy). */
export function setBundlePolicy(manager: SessionManager, policy: Partial<BundlePolicy>): void {
  policies.set(manager, { ...DEFAULT_BUNDLE_POLICY, ...policies.get(manager), ...policy });
}

export function bundlePolicy(manager: SessionManager): BundlePolicy {
  return policies.get(manager) ?? DEFAULT_BUNDLE_POLICY;
}
