import type { vaultChannels } from '../../../preload/contract/vault';
import type { HandlersFor } from '../ipc/router';
import { verifyAuditChain } from './audit';
import { requirePolicyPasswordLength, requireVaultLocation } from '../policy/policy-in-force';

/** Handlers for vault, session, user and audit channels. */
export const vaultHandlers: HandlersFor<typeof vaultChannels> = {
  'vault:status': (_input, { manager }) => manager.status(),
  'vault:create': (input, { manager }) => {
    requireVaultLocation(manager);
    requirePolicyPasswordLength(manager, input.password);
    return manager.create(input);
  },
  'vault:unlock': async (input, { manager }) => {
    requireVaultLocation(manager);
    return { user: await manager.unlock(input.username, input.password) };
  },
  'vault:recover': async (input, { manager }) => {
    requireVaultLocation(manager);
    requirePolicyPasswordLength(manager, input.newPassword);
    return { user: await manager.recover(input.recoveryKey, input.username, input.newPassword) };
  },
  'vault:lock': (_input, { manager }) => {
    manager.lock('explicit');
    return null;
  },
  'session:touch': () => null,
  'user:list': (_input, { manager }) => manager.current().listUsers(),
  'user:directory': (_input, { manager }) =>
    manager
      .current()
      .listUsers()
      .filter((u) => !u.disabled)
      .map((u) => ({ id: u.id, displayName: u.displayName, role: u.role })),
  'user:create': (input, { manager }) => {
    requirePolicyPasswordLength(manager, input.password);
    return manager.current().addUser(input);
  },
  'user:changePassword': async (input, { manager }) => {
    requirePolicyPasswordLength(manager, input.newPassword);
    await manager.current().changePassword(input.currentPassword, input.newPassword);
    return null;
  },
  'user:resetPassword': async (input, { manager }) => {
    requirePolicyPasswordLength(manager, input.temporaryPassword);
    await manager.current().resetUserPassword(input);
    return null;
  },
  'user:remove': (input, { manager }) => manager.current().removeUser(input.userId),
  'vault:rotateRecoveryKey': (_input, { manager }) => ({ recoveryKey: manager.current().rotateRecoveryKey() }),
  'audit:verify': (_input, { manager }) => verifyAuditChain(manager.current().db),
};
