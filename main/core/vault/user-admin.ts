/**
 * What an administrator does to another user's access: reset their password (a new slot with a
 * temporary password the administrator types) and remove them (their slot destroyed, their row
 * kept so what they wrote still shows their name). The router lets only administrators call
 * these; the rules here hold whoever calls them.
 */
import type { Db } from '../db/connection';
import { AppError } from '../errors';
import { readHeader, writeHeader, type VaultHeader } from './header';
import type { KdfParams } from './kdf';
import { makeSlot } from './key-slots';
import type { OpenVault } from './open-vault';
import { findUserById } from './users.repo';
import { requirePasswordChange } from './password-change';
import type { UserSummary } from '../../../preload/contract';

function targetUser(vault: OpenVault, userId: string): UserSummary {
  const user = findUserById(vault.db, userId);
  if (!user) throw new AppError('NOT_FOUND', 'That user is not in this vault. Reload the list of users.');
  return user;
}

function slotOf(header: VaultHeader, user: UserSummary) {
  const slot = header.slots.find((s) => s.userId === user.id);
  if (!slot || user.disabled) {
    throw new AppError(
      'CONFLICT',
      `${user.displayName} cannot sign in to this vault (removed, or known only from a bundle), so there is no password to change.`,
    );
  }
  return slot;
}

function withoutLockout(header: VaultHeader, username: string): VaultHeader['lockout'] {
  return Object.fromEntries(Object.entries(header.lockout).filter(([name]) => name !== username));
}

/**
 * Give `userId` a new key slot opened by `temporaryPassword`, destroying their old one (so the
 * old password stops working; nobody learns it). Their failed-attempt back-off is cleared, and
 * they must choose a new password at their next sign-in: the administrator knows this one.
 */
export async function resetUserPassword(
  vault: OpenVault,
  vaultKey: Buffer,
  input: { userId: string; temporaryPassword: string },
  kdf: KdfParams | undefined,
): Promise<void> {
  const user = targetUser(vault, input.userId);
  if (user.id === vault.user.id) {
    throw new AppError(
      'FORBIDDEN',
      'You cannot reset your own password here: change it under Settings, Your password.',
    );
  }
  const header = readHeader(vault.dir);
  const old = slotOf(header, user);
  const replacement = await makeSlot(header, vaultKey, user, input.temporaryPassword, kdf ?? old.kdf);
  vault.db
    .transaction(() => {
      vault.audit({
        action: 'user.password_reset',
        entityType: 'user',
        entityId: user.id,
        detail: { username: user.username },
      });
      requirePasswordChange(vault.db, user.id, vault.user.id, vault.now().toISOString());
      writeHeader(vault.dir, {
        ...header,
        slots: header.slots.map((s) => (s.id === old.id ? replacement : s)),
        lockout: withoutLockout(header, user.username),
      });
    })
    .immediate();
}

function otherActiveAdministrators(db: Db, exceptId: string): number {
  const row = db
    .prepare(`SELECT count(*) AS n FROM users WHERE role = 'administrator' AND disabled = 0 AND id <> ?`)
    .get(exceptId) as { n: number };
  return row.n;
}

/**
 * Remove `userId`: they can no longer sign in (slot destroyed, account disabled), and their
 * row stays, so every record they wrote keeps their name. The last administrator cannot be
 * removed (nobody could manage the vault), and nobody removes themselves.
 */
export function removeUser(vault: OpenVault, userId: string): UserSummary {
  const user = targetUser(vault, userId);
  if (user.disabled) throw new AppError('CONFLICT', `${user.displayName} has already been removed or cannot sign in.`);
  if (user.role === 'administrator' && otherActiveAdministrators(vault.db, user.id) === 0) {
    throw new AppError(
      'FORBIDDEN',
      `${user.displayName} is the only administrator. Add another administrator before removing this one.`,
    );
  }
  if (user.id === vault.user.id) {
    throw new AppError('FORBIDDEN', 'You cannot remove yourself. Ask another administrator.');
  }
  const header = readHeader(vault.dir);
  vault.db
    .transaction(() => {
      vault.db.prepare('UPDATE users SET disabled = 1 WHERE id = ?').run(user.id);
      vault.audit({
        action: 'user.remove',
        entityType: 'user',
        entityId: user.id,
        detail: { username: user.username, role: user.role },
      });
      writeHeader(vault.dir, {
        ...header,
        slots: header.slots.filter((s) => s.userId !== user.id),
        lockout: withoutLockout(header, user.username),
      });
    })
    .immediate();
  return { ...user, disabled: true };
}
