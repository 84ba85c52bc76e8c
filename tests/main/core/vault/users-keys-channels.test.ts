/**
 * user:resetPassword, user:remove and vault:rotateRecoveryKey through the real router: inputs
 * validated, administrators only, and a clinician's attempt refused without a change.
 */
import { describe, expect, it } from 'vitest';
import type { UserSummary } from '../../../../preload/contract';
import { readHeader } from '../../../../main/core/vault/header';
import { coreForEachTest } from '../core-fixture';

const f = coreForEachTest('ncats-users-keys-');
const COLLEAGUE = { username: 'sam', displayName: 'Sam Second', password: 'second user password', role: 'clinician' };

async function refusal(channel: string, input: unknown): Promise<string> {
  const r = await f.core.router(channel, input);
  expect(r.ok).toBe(false);
  return r.ok ? '' : r.error.code;
}

describe('the users and keys channels', () => {
  it('validate their input before anything runs', async () => {
    expect(
      await refusal('user:resetPassword', { userId: 'not an id', temporaryPassword: 'long enough password' }),
    ).toBe('INVALID_INPUT');
    const colleague = await f.ok<UserSummary>('user:create', COLLEAGUE);
    expect(await refusal('user:resetPassword', { userId: colleague.id, temporaryPassword: 'short' })).toBe(
      'INVALID_INPUT',
    );
    expect(await refusal('user:remove', { userId: colleague.id, extra: 1 })).toBe('INVALID_INPUT');
    expect(await refusal('vault:rotateRecoveryKey', { now: true })).toBe('INVALID_INPUT');
  });

  it('are for administrators only: a clinician is refused and nothing changes', async () => {
    const colleague = await f.ok<UserSummary>('user:create', COLLEAGUE);
    const admin = f.vault().user;
    await f.ok('vault:unlock', { username: COLLEAGUE.username, password: COLLEAGUE.password });
    const header = readHeader(`${f.dir}/vault`);
    expect(await refusal('user:resetPassword', { userId: admin.id, temporaryPassword: 'taken over password' })).toBe(
      'FORBIDDEN',
    );
    expect(await refusal('user:remove', { userId: admin.id })).toBe('FORBIDDEN');
    expect(await refusal('vault:rotateRecoveryKey', {})).toBe('FORBIDDEN');
    expect(readHeader(`${f.dir}/vault`)).toEqual(header);
    expect(colleague.role).toBe('clinician');
  });

  it('work for an administrator and return what the screens show', async () => {
    const colleague = await f.ok<UserSummary>('user:create', COLLEAGUE);
    expect(
      await f.ok('user:resetPassword', { userId: colleague.id, temporaryPassword: 'a temporary password' }),
    ).toBeNull();
    expect(await f.ok<UserSummary>('user:remove', { userId: colleague.id })).toMatchObject({ disabled: true });
    const { recoveryKey } = await f.ok<{ recoveryKey: string }>('vault:rotateRecoveryKey', {});
    expect(recoveryKey).toMatch(/^([0-9A-F]{8}-){7}[0-9A-F]{8}$/);
  });
});
