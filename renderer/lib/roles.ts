import type { LockReason, Role } from '../../preload/contract';
import { formatDuration } from './dates';

/** Role names as shown to people. */
export const ROLE_LABELS: Record<Role, string> = {
  administrator: 'Administrator',
  clinician: 'Clinician',
  'read-only': 'Read-only',
};

/** Why the last session ended, in words for the unlock screen; null for an explicit lock. */
export function lockReasonMessage(reason: LockReason | null, idleLockMinutes: number): string | null {
  switch (reason) {
    case 'idle':
      return `The vault locked after ${formatDuration(idleLockMinutes * 60_000)} without activity. Sign in to carry on.`;
    case 'os-lock':
      return 'The vault locked because the computer was locked. Sign in to carry on.';
    case 'suspend':
      return 'The vault locked because the computer went to sleep. Sign in to carry on.';
    case 'shutdown':
      return 'The vault locked because the app was closing. Sign in to carry on.';
    case 'explicit':
      return 'You locked the vault. Sign in to carry on.';
    default:
      return null;
  }
}
