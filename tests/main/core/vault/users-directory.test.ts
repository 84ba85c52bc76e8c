import { beforeEach, describe, expect, it } from 'vitest';
import { coreForEachTest } from '../core-fixture';

const fx = coreForEachTest('ncats-directory-');
beforeEach(async () => {
  for (const [username, displayName, role] of [
    ['clin', 'Cal Clinician', 'clinician'],
    ['gone', 'Gil Gone', 'clinician'],
    ['reader', 'Rea Reader', 'read-only'],
  ] as const) {
    await fx.core.router('user:create', { username, displayName, role, password: 'a long enough password' });
  }
  // No channel disables a user yet: do what an administrator's future "disable" will do.
  fx.core.manager.current().db.prepare("UPDATE users SET disabled = 1 WHERE username = 'gone'").run();
});

describe('user:directory', () => {
  it('lists active colleagues to any signed-in user, with no user names or dates', async () => {
    await fx.core.manager.unlock('reader', 'a long enough password');
    const result = await fx.core.router('user:directory', {});
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value).toEqual([
      { id: expect.any(String), displayName: 'Ada Admin', role: 'administrator' },
      { id: expect.any(String), displayName: 'Cal Clinician', role: 'clinician' },
      { id: expect.any(String), displayName: 'Rea Reader', role: 'read-only' },
    ]);
    // user:list stays for administrators.
    expect(await fx.core.router('user:list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('refuses callers who are not signed in, and unexpected input', async () => {
    expect(await fx.core.router('user:directory', { all: true })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    fx.core.manager.lock('explicit');
    expect(await fx.core.router('user:directory', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
  });
});
