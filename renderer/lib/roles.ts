import type { LockReason, Role } from '../../preload/contract';
import { formatDuration } from './dates';

/** Role names as shown to people. */
export const ROLE_LABELS: Record<Role, string> = {
  administrator: 'Administrator',
  clinician: 'Clinician',
  'read-only': 'Read-only',
};

/**
 * Why the last session ended, in words for the unlock screen. Null when there is nothing to
 * explain: a first sign-in, or a lock the user asked for a moment ago.
 */
export function lockReasonMessage(reason: LockReason | null, idleLockMinutes: number): string | null {
  switch (reason) {
    case 'idle':
      return `The vault locked after ${formatDuration(idleLockMinutes * 60_000)} without activity.`;
    case 'os-lock':
      return 'The vault locked because the computer was locked.';
    case 'suspend':
      return 'The vault locked because the computer went to sleep.';
    case 'shutdown':
      return 'The vault locked because the app was closing.';
    default:
      return null;
  }
}
