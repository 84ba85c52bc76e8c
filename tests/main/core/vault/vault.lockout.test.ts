import { afterEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../../main/core/vault/audit';
import { BASE_DELAY_MS, FREE_ATTEMPTS } from '../../../../main/core/vault/backoff';
import { readHeader } from '../../../../main/core/vault/header';
import { SessionManager } from '../../../../main/core/session/session-manager';
import { unlockVault, type VaultOptions } from '../../../../main/core/vault/vault';
import { ADMIN, FAST, newVault, tempDirs, vaultDirIn } from '../temp-vault';

const dirs = tempDirs();
afterEach(() => dirs.cleanup());

/** A clock the test moves by hand, so back-off is checked without waiting. */
function manualClock(start = Date.parse('2025-03-01T09:00:00.000Z')): {
  options: VaultOptions;
  advance(ms: number): void;
} {
  let t = start;
  return { options: { ...FAST, now: () => new Date(t) }, advance: (ms) => (t += ms) };
}

async function closedVault(options: VaultOptions): Promise<string> {
  const dir = vaultDirIn(dirs.make());
  const { vault } = await newVault(dir, options);
  vault.close();
  return dir;
}

const WRONG = 'definitely not it';

async function failWith(dir: string, options: VaultOptions, password = WRONG): Promise<unknown> {
  return unlockVault(dir, ADMIN.username, password, options).then(
    (v) => {
      v.close();
      return null;
    },
    (e: unknown) => e,
  );
}

describe('back-off after failed unlocks', () => {
  it(`allows ${FREE_ATTEMPTS} free attempts, then rate-limits with a delay that doubles`, async () => {
    const clock = manualClock();
    const dir = await closedVault(clock.options);
    for (let i = 0; i < FREE_ATTEMPTS; i++) {
      expect(await failWith(dir, clock.options)).toMatchObject({ code: 'WRONG_PASSWORD' });
    }
    expect(readHeader(dir).lockout[ADMIN.username]?.failures).toBe(FREE_ATTEMPTS);

    // Even the right password is refused while the delay runs, without trying it.
    const limited = await failWith(dir, clock.options, ADMIN.password);
    expect(limited).toMatchObject({ code: 'RATE_LIMITED', retryAfterMs: BASE_DELAY_MS });
    clock.advance(400);
    expect(await failWith(dir, clock.options)).toMatchObject({
      code: 'RATE_LIMITED',
      retryAfterMs: BASE_DELAY_MS - 400,
    });

    clock.advance(600);
    expect(await failWith(dir, clock.options)).toMatchObject({ code: 'WRONG_PASSWORD' });
    expect(await failWith(dir, clock.options)).toMatchObject({ code: 'RATE_LIMITED', retryAfterMs: 2 * BASE_DELAY_MS });

    clock.advance(2 * BASE_DELAY_MS);
    expect(await failWith(dir, clock.options)).toMatchObject({ code: 'WRONG_PASSWORD' });
    expect(await failWith(dir, clock.options)).toMatchObject({ code: 'RATE_LIMITED', retryAfterMs: 4 * BASE_DELAY_MS });
  });

  it('is persisted: a new SessionManager (as after a restart) sees the same lockout', async () => {
    const clock = manualClock();
    const dir = await closedVault(clock.options);
    const first = new SessionManager(dir, { vault: clock.options });
    for (let i = 0; i < FREE_ATTEMPTS; i++) {
      await expect(first.unlock(ADMIN.username, WRONG)).rejects.toMatchObject({ code: 'WRONG_PASSWORD' });
    }
    first.dispose();

    const restarted = new SessionManager(dir, { vault: clock.options });
    try {
      await expect(restarted.unlock(ADMIN.username, ADMIN.password)).rejects.toMatchObject({
        code: 'RATE_LIMITED',
        retryAfterMs: BASE_DELAY_MS,
      });
      expect(restarted.isUnlocked()).toBe(false);
    } finally {
      restarted.dispose();
    }
  });

  it('is counted per user name: another user is not locked out', async () => {
    const clock = manualClock();
    const dir = vaultDirIn(dirs.make());
    const { vault } = await newVault(dir, clock.options);
    await vault.addUser({ username: 'other', displayName: 'Other', password: 'other password 12', role: 'clinician' });
    vault.close();
    for (let i = 0; i < FREE_ATTEMPTS + 1; i++) await failWith(dir, clock.options);
    (await unlockVault(dir, 'other', 'other password 12', clock.options)).close();
  });

  it('a successful unlock clears it, and the failures enter the audit chain', async () => {
    const clock = manualClock();
    const dir = await closedVault(clock.options);
    await failWith(dir, clock.options);
    await unlockVault(dir, 'no-such-user', WRONG, clock.options).catch(() => undefined);
    await failWith(dir, clock.options);
    await failWith(dir, clock.options);
    expect(readHeader(dir).pendingAudit).toHaveLength(4);
    clock.advance(BASE_DELAY_MS);

    const vault = await unlockVault(dir, ADMIN.username, ADMIN.password, clock.options);
    const header = readHeader(dir);
    expect(header.lockout[ADMIN.username]).toBeUndefined();
    expect(header.lockout['no-such-user']?.failures).toBe(1); // only the signed-in user's record is cleared
    expect(header.pendingAudit).toEqual([]);
    const rows = vault.db
      .prepare("SELECT action, username, user_id FROM audit_log WHERE action LIKE 'session.unlock%' ORDER BY seq")
      .all();
    expect(rows).toEqual([
      { action: 'session.unlock', username: ADMIN.username, user_id: vault.user.id }, // at creation
      { action: 'session.unlock_failed', username: ADMIN.username, user_id: null },
      { action: 'session.unlock_failed', username: 'no-such-user', user_id: null },
      { action: 'session.unlock_failed', username: ADMIN.username, user_id: null },
      { action: 'session.unlock_failed', username: ADMIN.username, user_id: null },
      { action: 'session.unlock', username: ADMIN.username, user_id: vault.user.id },
    ]);
    expect(verifyAuditChain(vault.db)).toMatchObject({ ok: true, problem: null });
    vault.close();
    // Back to free attempts after the reset.
    for (let i = 0; i < FREE_ATTEMPTS; i++) {
      expect(await failWith(dir, clock.options)).toMatchObject({ code: 'WRONG_PASSWORD' });
    }
  });
});
