/**
 * Session actions shared by every screen: fetch the vault status, react to a lock (whatever
 * caused it), lock on request, and record a successful sign-in.
 */
import type { SessionUser } from '../../preload/contract';
import { resetAllStores } from '../stores/reset';
import { useSessionStore, type LockedView } from '../stores/session';
import { call, errorMessage, onEvent, setLockedHandler } from './api';
import { flushDrafts } from './draft-queue';
import { loadMachinePolicy } from '../stores/machine-policy';

/** Ask the core whether a vault exists and who, if anyone, is signed in. */
export async function refreshStatus(): Promise<void> {
  try {
    const status = await call('vault:status', {});
    useSessionStore.setState({ status, statusError: null, user: status.user });
  } catch (err) {
    useSessionStore.setState({ statusError: errorMessage(err) });
  }
}

/**
 * The vault is locked: drop everything the renderer holds, then ask the core for the status so
 * the unlock screen can say why the session ended. Idempotent, because a lock is usually
 * reported twice (the `vault:locked` event and the answer to the call that asked for it).
 */
export function handleLocked(): void {
  const before = useSessionStore.getState();
  resetAllStores();
  // The sign-in screen stays mounted from the first report of a lock to the status's answer: with
  // the status dropped, the app showed "Opening…" in between, and the second report of the same
  // lock emptied a user name already typed (and sent a user on the recovery screen back).
  if (before.status && before.status.state !== 'absent') {
    useSessionStore.setState({
      status: {
        ...before.status,
        state: 'locked',
        user: null,
        lastLockReason: before.user ? null : before.status.lastLockReason,
      },
      lockedView: before.user ? 'unlock' : before.lockedView,
    });
  }
  void refreshStatus();
}

/**
 * Lock now (the Lock button, Ctrl+L). Open forms are saved as drafts first (bounded in time);
 * the renderer clears itself even if the call fails.
 */
export async function lockNow(): Promise<void> {
  // First keep whatever is half-typed as encrypted drafts, while the vault is still open.
  await flushDrafts();
  try {
    await call('vault:lock', {});
  } catch {
    // Already locked, or the core is unreachable: either way, show the unlock screen.
  } finally {
    handleLocked();
  }
}

/** Record a successful sign-in (unlock, recovery, or vault creation). */
export function signedIn(user: SessionUser, recoveryKey: string | null = null): void {
  const { status } = useSessionStore.getState();
  useSessionStore.setState({
    user,
    recoveryKey,
    status: status ? { ...status, state: 'unlocked', user, lastLockReason: null } : status,
  });
}

/** Switch between the sign-in and the recovery-key screens of a locked vault. */
export function showLockedView(view: LockedView): void {
  useSessionStore.setState({ lockedView: view });
}

/** The user has written the recovery key down: forget it. */
export function acknowledgeRecoveryKey(): void {
  useSessionStore.setState({ recoveryKey: null });
}

/** Wire the app-wide lock handling once, at start-up. Returns the cleanup. */
export function startSession(): () => void {
  setLockedHandler(handleLocked);
  let unsubscribe: () => void = () => undefined;
  try {
    unsubscribe = onEvent('vault:locked', () => handleLocked());
  } catch {
    // No bridge: refreshStatus below reports it on screen.
  }
  void refreshStatus();
  void loadMachinePolicy();
  return unsubscribe;
}
