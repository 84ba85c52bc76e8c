/**
 * The one access rule: may this session call something declared with `access`? The IPC router
 * applies it to every channel and the byte-route table (main/core/routes/) to every route, so a
 * read-only or locked session is refused the same way whichever door it knocks on.
 */
import type { Access } from '../../../preload/contract/define';
import type { SessionManager } from '../session/session-manager';

/** Why a call was refused: the code and the plain message the user sees. */
export interface AccessRefusal {
  code: 'LOCKED' | 'FORBIDDEN';
  message: string;
}

/** What the router says when a role is not allowed; a byte route may say what it was for. */
export const ROLE_REFUSED = 'Your role does not allow this.';

/**
 * Null when allowed; otherwise why not. Public access is always allowed; session access needs
 * an unlocked vault and one of the listed roles. `forbiddenMessage` lets a caller name the
 * action ("adding documents") without changing the rule.
 */
export function checkAccess(
  access: Access,
  manager: SessionManager,
  forbiddenMessage: string = ROLE_REFUSED,
): AccessRefusal | null {
  if (access.kind === 'public') return null;
  if (!manager.isUnlocked()) return { code: 'LOCKED', message: 'The vault is locked. Sign in again.' };
  if (!access.roles.includes(manager.current().user.role)) return { code: 'FORBIDDEN', message: forbiddenMessage };
  return null;
}
