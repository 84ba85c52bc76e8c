import { z } from 'zod';
import {
  displayNameSchema,
  idSchema,
  passwordSchema,
  roleSchema,
  usernameSchema,
  type AuditVerification,
  type Role,
  type SessionUser,
  type UserSummary,
  type VaultStatus,
} from './common';
import { ADMIN_ONLY, ANY_USER, PUBLIC, channel, empty } from './define';

/** A colleague as shown in pickers: enough to choose them, nothing more. */
export interface DirectoryUser {
  id: string;
  displayName: string;
  role: Role;
}

/** Vault, session, user and audit channels. */
export const vaultChannels = {
  /** Whether a vault exists, whether it is unlocked, and by whom. Safe before unlock. */
  'vault:status': channel<VaultStatus>()(empty, PUBLIC),

  /** First run: create the vault and its first administrator; returns the recovery key once. */
  'vault:create': channel<{ user: SessionUser; recoveryKey: string }>()(
    z.object({ username: usernameSchema, displayName: displayNameSchema, password: passwordSchema }).strict(),
    PUBLIC,
  ),

  /** Sign in. Fails with WRONG_PASSWORD (same message for an unknown user) or RATE_LIMITED. */
  'vault:unlock': channel<{ user: SessionUser }>()(
    z.object({ username: usernameSchema, password: z.string().min(1).max(1024) }).strict(),
    PUBLIC,
  ),

  /** Set a new password for a user with the recovery key, and sign in as that user. */
  'vault:recover': channel<{ user: SessionUser }>()(
    z
      .object({
        recoveryKey: z.string().min(1).max(200),
        username: usernameSchema,
        newPassword: passwordSchema,
      })
      .strict(),
    PUBLIC,
  ),

  /** Lock now: closes the database and wipes the key. */
  'vault:lock': channel<null>()(empty, ANY_USER),

  /** The renderer reports user activity (throttled) so the idle lock measures real use. */
  'session:touch': channel<null>()(empty, ANY_USER),

  'user:list': channel<UserSummary[]>()(empty, ADMIN_ONLY),

  /**
   * Colleagues any signed-in user may pick (e.g. as a case's lead worker): active users only,
   * with no user names or dates, which only administrators need.
   */
  'user:directory': channel<DirectoryUser[]>()(empty, ANY_USER),

  'user:create': channel<UserSummary>()(
    z
      .object({
        username: usernameSchema,
        displayName: displayNameSchema,
        password: passwordSchema,
        role: roleSchema,
      })
      .strict(),
    ADMIN_ONLY,
  ),

  /**
   * Change your own password: `currentPassword` must open your key slot (WRONG_PASSWORD
   * otherwise, and nothing changes); the new one replaces that slot. Audited.
   */
  'user:changePassword': channel<null>()(
    z.object({ currentPassword: z.string().min(1).max(1024), newPassword: passwordSchema }).strict(),
    ANY_USER,
  ),

  /**
   * Administrators: give another user a new password slot opened by `temporaryPassword`, which
   * the administrator hands over in person. Their old slot is destroyed, so the old password
   * stops working and nobody learns it; their failed-attempt back-off is cleared. Refused for
   * yourself (use user:changePassword) and for a user who cannot sign in. Audited.
   */
  'user:resetPassword': channel<null>()(
    z.object({ userId: idSchema, temporaryPassword: passwordSchema }).strict(),
    ADMIN_ONLY,
  ),

  /**
   * Administrators: remove another user. They can no longer sign in (their key slot is destroyed
   * and the account disabled); their row stays, so their name still shows on what they wrote.
   * FORBIDDEN for yourself and for the only administrator. Returns the user as now stored. Audited.
   */
  'user:remove': channel<UserSummary>()(z.object({ userId: idSchema }).strict(), ADMIN_ONLY),

  /**
   * Administrators: a new recovery key. The database is re-keyed (crash-safe: an interrupted
   * rotation leaves the vault as it was), the old recovery key no longer opens it, and every
   * user signs in as before. Backups taken earlier keep the key they were made with. Returns the
   * new key once; it is never stored. CONFLICT in a vault made before rotation existed. Audited.
   */
  'vault:rotateRecoveryKey': channel<{ recoveryKey: string }>()(empty, ADMIN_ONLY),

  /** Walk the audit hash chain and report the first break, if any. */
  'audit:verify': channel<AuditVerification>()(empty, ADMIN_ONLY),
} as const;
