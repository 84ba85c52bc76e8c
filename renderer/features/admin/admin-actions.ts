import type { Role, UserSummary } from '../../../preload/contract';
import { call, errorMessage } from '../../lib/api';
import { useAdminStore } from '../../stores/admin';

/** Fetch the users of the vault into the admin store. */
export async function loadUsers(): Promise<void> {
  try {
    const users = await call('user:list', {});
    useAdminStore.setState({ users, usersError: null });
  } catch (err) {
    useAdminStore.setState({ usersError: errorMessage(err) });
  }
}

/** Add a user, then refresh the list. Throws ApiError for the form to show. */
export async function addUser(input: {
  displayName: string;
  username: string;
  role: Role;
  password: string;
}): Promise<UserSummary> {
  const user = await call('user:create', input);
  await loadUsers();
  return user;
}

/** Walk the audit hash chain. Throws ApiError for the caller to show. */
export async function checkAuditTrail(): Promise<void> {
  useAdminStore.setState({ audit: null, auditCheckedAt: null });
  const audit = await call('audit:verify', {});
  useAdminStore.setState({ audit, auditCheckedAt: new Date().toISOString() });
}

/** Give another user a temporary password (a new key slot). Throws ApiError for the dialog to show. */
export async function resetUserPassword(userId: string, temporaryPassword: string): Promise<void> {
  await call('user:resetPassword', { userId, temporaryPassword });
}

/** Remove another user, then refresh the list. Throws ApiError for the dialog to show. */
export async function removeUser(userId: string): Promise<UserSummary> {
  const user = await call('user:remove', { userId });
  await loadUsers();
  return user;
}

/** Re-key the vault; the new recovery key comes back once. Throws ApiError for the caller. */
export async function rotateRecoveryKey(): Promise<string> {
  return (await call('vault:rotateRecoveryKey', {})).recoveryKey;
}
