import type { SessionUser, VaultStatus } from '../../preload/contract';
import { createResettableStore } from './reset';

/** The pre-sign-in screens a locked vault can show. */
export type LockedView = 'unlock' | 'recover';

export interface SessionState {
  /** The last answer of vault:status; null while it is being fetched. */
  status: VaultStatus | null;
  /** Set when the status could not be fetched at all (the core is unreachable). */
  statusError: string | null;
  /** The signed-in user, once unlocked. */
  user: SessionUser | null;
  /**
   * The recovery key from vault:create, held only until the user confirms they have written it
   * down. Cleared on Continue and on lock; never stored anywhere else.
   */
  recoveryKey: string | null;
  lockedView: LockedView;
}

export const useSessionStore = createResettableStore<SessionState>({
  status: null,
  statusError: null,
  user: null,
  recoveryKey: null,
  lockedView: 'unlock',
});
