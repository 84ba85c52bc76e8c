import { afterEach, describe, expect, it } from 'vitest';
import { handlers } from '../../../../main/core/core';
import { createRouter, type Router } from '../../../../main/core/ipc/router';
import { SessionManager } from '../../../../main/core/session/session-manager';
import { ADMIN, CLINICIAN, FAST, tempDirs, vaultDirIn } from '../temp-vault';

const dirs = tempDirs();
const managers: SessionManager[] = [];
afterEach(() => {
  for (const m of managers.splice(0)) m.dispose();
  dirs.cleanup();
});

function setup(overrides: Partial<typeof handlers> = {}): {
  router: Router;
  manager: SessionManager;
  logged: unknown[];
} {
  const manager = new SessionManager(vaultDirIn(dirs.make()), { vault: FAST });
  managers.push(manager);
  const logged: unknown[] = [];
  const router = createRouter({ ...handlers, ...overrides }, manager, (err) => logged.push(err));
  return { router, manager, logged };
}

describe('router', () => {
  it.each(['nope:nope', 'toString', '__proto__', 'constructor', ''])('UNKNOWN_CHANNEL for %j', async (name) => {
    const { router } = setup();
    expect(await router(name, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('INVALID_INPUT names the offending field', async () => {
    const { router, manager } = setup();
    const short = await router('vault:create', { username: 'admin', displayName: 'Ada', password: 'short' });
    expect(short).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringMatching(/^password: /) },
    });
    const badName = await router('vault:create', { username: '!', displayName: 'Ada', password: ADMIN.password });
    expect(badName).toMatchObject({ ok: false, error: { message: expect.stringContaining('username') } });
    const extra = await router('vault:status', { sneaky: true });
    expect(extra).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const notObject = await router('vault:unlock', 'admin');
    expect(notObject).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(manager.status().state).toBe('absent'); // nothing ran
  });

  it('LOCKED for session channels before unlock (validation first, then the session)', async () => {
    const { router } = setup();
    for (const channel of ['user:list', 'audit:verify', 'vault:lock', 'session:touch']) {
      expect(await router(channel, {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    }
  });

  it('FORBIDDEN for a clinician calling administrator channels; allowed channels still work', async () => {
    const { router, manager } = setup();
    expect(await router('vault:create', ADMIN)).toMatchObject({ ok: true });
    expect(await router('user:create', CLINICIAN)).toMatchObject({ ok: true, value: { role: 'clinician' } });
    manager.lock('explicit');
    expect(await router('vault:unlock', { username: CLINICIAN.username, password: CLINICIAN.password })).toMatchObject({
      ok: true,
      value: { user: { role: 'clinician' } },
    });
    for (const channel of ['user:list', 'audit:verify']) {
      expect(await router(channel, {})).toEqual({
        ok: false,
        error: { code: 'FORBIDDEN', message: 'Your role does not allow this.' },
      });
    }
    expect(await router('user:create', { ...CLINICIAN, username: 'another' })).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
    expect(await router('session:touch', {})).toEqual({ ok: true, value: null });
  });

  it('INTERNAL for a handler that throws a plain Error, without leaking its text', async () => {
    const secret = 'SQLITE_ERROR near /home/someone/vault.db: SELECT * FROM young_people';
    const { router, logged } = setup({
      'vault:status': () => {
        throw new Error(secret);
      },
    });
    const result = await router('vault:status', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toContain('SQLITE');
    expect(JSON.stringify(result)).not.toContain('/home/someone');
    expect(logged).toHaveLength(1); // it is logged for the developer, not shown to the user
  });

  it('passes AppErrors through with their code, message and retry time', async () => {
    const { router } = setup();
    await router('vault:create', ADMIN);
    await router('vault:lock', {});
    const wrong = { username: ADMIN.username, password: 'not the password' };
    expect(await router('vault:unlock', wrong)).toEqual({
      ok: false,
      error: { code: 'WRONG_PASSWORD', message: 'That user name and password do not match. Check them and try again.' },
    });
    await router('vault:unlock', wrong);
    await router('vault:unlock', wrong);
    const limited = await router('vault:unlock', wrong);
    expect(limited).toMatchObject({
      ok: false,
      error: { code: 'RATE_LIMITED', message: expect.stringMatching(/^Too many failed attempts/) },
    });
    expect(!limited.ok && limited.error.retryAfterMs).toBeGreaterThan(0);
  });

  it('success returns { ok: true, value } and normalises input (user names are trimmed and lower-cased)', async () => {
    const { router } = setup();
    expect(await router('vault:status', undefined)).toMatchObject({ ok: true, value: { state: 'absent' } });
    const created = await router('vault:create', { ...ADMIN, username: '  Admin ' });
    expect(created).toMatchObject({ ok: true, value: { user: { username: 'admin', role: 'administrator' } } });
    expect(await router('user:list', {})).toMatchObject({ ok: true, value: [{ username: 'admin' }] });
    expect(await router('audit:verify', {})).toMatchObject({ ok: true, value: { ok: true, problem: null } });
    expect(await router('vault:lock', {})).toEqual({ ok: true, value: null });
    expect(await router('vault:status', {})).toMatchObject({
      ok: true,
      value: { state: 'locked', lastLockReason: 'explicit' },
    });
  });

  it('a session call counts as activity for the idle lock', async () => {
    const manager = new SessionManager(vaultDirIn(dirs.make()), { vault: FAST, idleLockMs: 300 });
    managers.push(manager);
    const router = createRouter(handlers, manager);
    await router('vault:create', ADMIN);
    const started = Date.now();
    while (Date.now() - started < 1200) {
      expect(await router('session:touch', {})).toEqual({ ok: true, value: null });
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(manager.isUnlocked()).toBe(true);
  });
});
