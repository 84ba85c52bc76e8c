import { describe, expect, it } from 'vitest';
import { useAdminStore } from '../../renderer/stores/admin';
import { resetAllStores } from '../../renderer/stores/reset';
import { useSessionStore } from '../../renderer/stores/session';
import { goToArea, useShellStore } from '../../renderer/stores/shell';
import { handleLocked } from '../../renderer/lib/session';

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

describe('handleLocked', () => {
  const user = { id: 'u1', username: 'spatel', displayName: 'Sam Patel', role: 'administrator' as const };
  const unlocked = {
    state: 'unlocked' as const,
    vaultPath: '/vault',
    user,
    idleLockMinutes: 15,
    lastLockReason: null,
  };

  // A lock is reported twice (the call's answer and the vault:locked event). The status used to
  // be dropped each time, so the sign-in screen was unmounted and mounted again between them and
  // lost a user name typed in the meantime.
  it('keeps a locked status through every report of the lock, with no user and nothing else held', () => {
    useSessionStore.setState({ status: unlocked, user, recoveryKey: 'ABCDEF01-23456789' });
    handleLocked();
    const first = useSessionStore.getState();
    expect(first.status).toMatchObject({ state: 'locked', user: null, vaultPath: '/vault' });
    expect(first).toMatchObject({ user: null, recoveryKey: null, lockedView: 'unlock' });

    useSessionStore.setState({ lockedView: 'recover' });
    handleLocked();
    expect(useSessionStore.getState().status).toMatchObject({ state: 'locked', user: null });
    expect(useSessionStore.getState().lockedView).toBe('recover');
  });

  it('leaves a first run as it is', () => {
    resetAllStores();
    useSessionStore.setState({ status: { ...unlocked, state: 'absent', user: null } });
    handleLocked();
    expect(useSessionStore.getState().status).toBeNull();
  });
});
