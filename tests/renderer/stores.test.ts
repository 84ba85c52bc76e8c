import { describe, expect, it } from 'vitest';
import { useAdminStore } from '../../renderer/stores/admin';
import { resetAllStores } from '../../renderer/stores/reset';
import { useSessionStore } from '../../renderer/stores/session';
import { goToArea, useShellStore } from '../../renderer/stores/shell';

describe('resetAllStores', () => {
  it('clears every store, including the recovery key and the user list', () => {
    const user = { id: 'u1', username: 'spatel', displayName: 'Sam Patel', role: 'administrator' as const };
    useSessionStore.setState({ user, recoveryKey: 'ABCDEF01-23456789', lockedView: 'recover' });
    useAdminStore.setState({ users: [{ ...user, createdAt: '2025-01-01T00:00:00Z', disabled: false }] });
    goToArea('administration');

    resetAllStores();

    expect(useSessionStore.getState()).toMatchObject({
      user: null,
      recoveryKey: null,
      status: null,
      lockedView: 'unlock',
    });
    expect(useAdminStore.getState()).toEqual({ users: null, usersError: null, audit: null, auditCheckedAt: null });
    expect(useShellStore.getState()).toMatchObject({ area: 'home', visit: 0 });
  });
});
