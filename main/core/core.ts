import { createRouter, type Handlers, type Router, type ShellServices } from './ipc/router';
import { SessionManager, type SessionManagerOptions } from './session/session-manager';
import { vaultHandlers } from './vault/vault.ipc';
import { caseHandlers } from './cases/cases.ipc';
import { caseworkHandlers } from './notes/casework.ipc';
import { documentHandlers } from './documents/documents.ipc';
import { bundleHandlers } from './bundles/bundles.ipc';
import { draftHandlers } from './drafts/drafts.ipc';
import { consultationHandlers } from './consultations/consultations.ipc';
import { setBundlePolicy, type BundlePolicy } from './bundles/policy';

/** Every channel's handler, gathered from the domains. TypeScript checks none is missing. */
export const handlers: Handlers = {
  ...vaultHandlers,
  ...caseHandlers,
  ...caseworkHandlers,
  ...documentHandlers,
  ...bundleHandlers,
  ...draftHandlers,
  ...consultationHandlers,
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
