/**
 * After an administrator resets a user's password, that user signs in with the temporary one
 * and can do nothing but choose their own: every other channel, and every byte route, is refused
 * by the one access rule until they have. Changing it, or setting one with the recovery key,
 * ends the requirement. Real vault, real router.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SessionUser, UserSummary } from '../../../../preload/contract';
import { ADMIN_ONLY, ANY_USER } from '../../../../preload/contract/define';
import { createCore } from '../../../../main/core/core';
import { checkAccess } from '../../../../main/core/ipc/access';
import { PASSWORD_CHANGE_REQUIRED_MESSAGE } from '../../../../main/core/vault/password-change';
import { CORE_ADMIN, coreForEachTest } from '../core-fixture';
import { FAST } from '../temp-vault';

const f = coreForEachTest('ncats-password-change-');
const SAM = { username: 'sam', displayName: 'Sam Second', password: 'second user password', role: 'clinician' };
const TEMPORARY = 'a temporary password';

async function resetAndSignInAsSam(): Promise<SessionUser> {
  const sam = await f.ok<UserSummary>('user:create', SAM);
  await f.ok('user:resetPassword', { userId: sam.id, temporaryPassword: TEMPORARY });
  const { user } = await f.ok<{ user: SessionUser }>('vault:unlock', { username: SAM.username, password: TEMPORARY });
  return user;
}

describe('a password reset by an administrator', () => {
  it('signs the user in to a session that may only change the password or lock', async () => {
    const user = await resetAndSignInAsSam();
    expect(user.mustChangePassword).toBe(true);
    const status = await f.ok<{ user: SessionUser }>('vault:status', {});
    expect(status.user.mustChangePassword).toBe(true);

    for (const [channel, input] of [
      ['caseload:list', {}],
      ['home:summary', {}],
      ['user:directory', {}],
    ] as const) {
      const refused = await f.core.router(channel, input);
      expect(refused.ok, channel).toBe(false);
      if (!refused.ok) {
        expect(refused.error.code).toBe('FORBIDDEN');
        expect(refused.error.message).toBe(PASSWORD_CHANGE_REQUIRED_MESSAGE);
      }
    }
    // Byte routes pass no channel name: refused too (documents, reports, bundles).
    expect(checkAccess(ANY_USER, f.core.manager)).toMatchObject({ code: 'FORBIDDEN' });
    expect((await f.core.router('session:touch', {})).ok).toBe(true);
    expect((await f.core.router('policy:get', {})).ok).toBe(true);
  });

  it('ends when the user chooses a new password, and is not asked again at the next sign-in', async () => {
    await resetAndSignInAsSam();
    const wrong = await f.core.router('user:changePassword', {
      currentPassword: 'not the temporary one',
      newPassword: 'my own new password',
    });
    expect(wrong.ok).toBe(false);
    expect(f.vault().user.mustChangePassword).toBe(true);

    await f.ok('user:changePassword', { currentPassword: TEMPORARY, newPassword: 'my own new password' });
    expect(f.vault().user.mustChangePassword).toBeUndefined();
    expect((await f.core.router('caseload:list', {})).ok).toBe(true);

    await f.ok('vault:lock', {});
    const { user } = await f.ok<{ user: SessionUser }>('vault:unlock', {
      username: SAM.username,
      password: 'my own new password',
    });
    expect(user.mustChangePassword).toBeUndefined();
    const audit = f
      .vault()
      .db.prepare(`SELECT action FROM audit_log WHERE action LIKE 'user.password%' ORDER BY seq`)
      .all() as { action: string }[];
    expect(audit.map((a) => a.action)).toEqual(['user.password_reset', 'user.password_change']);
  });

  it('does not touch the administrator who reset it, nor another user', async () => {
    await f.ok<UserSummary>('user:create', { ...SAM, username: 'kim', displayName: 'Kim Third' });
    await resetAndSignInAsSam();
    await f.ok('vault:lock', {});
    const admin = await f.ok<{ user: SessionUser }>('vault:unlock', {
      username: CORE_ADMIN.username,
      password: CORE_ADMIN.password,
    });
    expect(admin.user.mustChangePassword).toBeUndefined();
    expect(checkAccess(ADMIN_ONLY, f.core.manager)).toBeNull();
    await f.ok('vault:lock', {});
    const kim = await f.ok<{ user: SessionUser }>('vault:unlock', { username: 'kim', password: SAM.password });
    expect(kim.user.mustChangePassword).toBeUndefined();
  });
});

describe('a password set with the recovery key', () => {
  it('ends the requirement: the user chose it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ncats-password-recover-'));
    const core = createCore(join(dir, 'vault'), { vault: FAST });
    try {
      const { recoveryKey } = await core.manager.create(CORE_ADMIN);
      const sam = await core.router('user:create', SAM);
      if (!sam.ok) throw new Error(sam.error.message);
      const samId = (sam.value as UserSummary).id;
      expect((await core.router('user:resetPassword', { userId: samId, temporaryPassword: TEMPORARY })).ok).toBe(true);
      await core.router('vault:lock', {});
      const recovered = await core.router('vault:recover', {
        recoveryKey,
        username: SAM.username,
        newPassword: 'chosen with the key',
      });
      expect(recovered.ok).toBe(true);
      if (recovered.ok) expect((recovered.value as { user: SessionUser }).user.mustChangePassword).toBeUndefined();
      expect((await core.router('caseload:list', {})).ok).toBe(true);
    } finally {
      core.manager.dispose();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
