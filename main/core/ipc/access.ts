/**
 * The one access rule: may this session call something declared with `access`? The IPC router
 * applies it to every channel and the byte-route table (main/core/routes/) to every route, so a
 * read-only or locked session is refused the same way whichever door it knocks on.
 */
import type { Access } from '../../../preload/contract/define';
import type { SessionManager } from '../session/session-manager';
import { ALLOWED_WHILE_PASSWORD_CHANGE_REQUIRED, PASSWORD_CHANGE_REQUIRED_MESSAGE } from '../vault/password-change';

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
  channel?: string,
): AccessRefusal | null {
  if (access.kind === 'public') return null;
  if (!manager.isUnlocked()) return { code: 'LOCKED', message: 'The vault is locked. Sign in again.' };
  const user = manager.current().user;
  // After a reset the temporary password is known to the administrator too: nothing is read or
  // written as this user until they have chosen their own. Byte routes pass no channel: refused.
  if (user.mustChangePassword && !(channel && ALLOWED_WHILE_PASSWORD_CHANGE_REQUIRED.has(channel))) {
    return { code: 'FORBIDDEN', message: PASSWORD_CHANGE_REQUIRED_MESSAGE };
  }
  if (!access.roles.includes(user.role)) return { code: 'FORBIDDEN', message: forbiddenMessage };
  return null;
}
