import { createRouter, type Handlers, type Router } from './ipc/router';
import { SessionManager, type SessionManagerOptions } from './session/session-manager';
import { vaultHandlers } from './vault/vault.ipc';
import { caseHandlers } from './cases/cases.ipc';
import { caseworkHandlers } from './notes/casework.ipc';
import { documentHandlers } from './documents/documents.ipc';

/** Every channel's handler, gathered from the domains. TypeScript checks none is missing. */
export const handlers: Handlers = {
  ...vaultHandlers,
  ...caseHandlers,
  ...caseworkHandlers,
  ...documentHandlers,
};

export interface Core {
  manager: SessionManager;
  router: Router;
}

/** Build the core for one vault folder. Used by the Electron shell and the browser host alike. */
export function createCore(vaultDir: string, options: SessionManagerOptions = {}): Core {
  const manager = new SessionManager(vaultDir, options);
  return { manager, router: createRouter(handlers, manager) };
}
