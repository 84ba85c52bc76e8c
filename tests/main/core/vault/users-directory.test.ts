import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../../main/core/core';
import { scryptParams } from '../../../../main/core/vault/kdf';

let dir: string;
let core: Core;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ncats-directory-'));
  core = createCore(join(dir, 'vault'), { vault: { kdf: scryptParams(2 ** 14) } });
  await core.manager.create({ username: 'admin', displayName: 'Ada Admin', password: 'correct horse battery' });
  for (const [username, displayName, role] of [
    ['clin', 'Cal Clinician', 'clinician'],
    ['gone', 'Gil Gone', 'clinician'],
    ['reader', 'Rea Reader', 'read-only'],
  ] as const) {
    await core.router('user:create', { username, displayName, role, password: 'a long enough password' });
  }
  // No channel disables a user yet: do what an administrator's future "disable" will do.
  core.manager.current().db.prepare("UPDATE users SET disabled = 1 WHERE username = 'gone'").run();
});
afterEach(() => {
  core.manager.dispose();
  rmSync(dir, { recursive: true, force: true });
});

describe('user:directory', () => {
  it('lists active colleagues to any signed-in user, with no user names or dates', async () => {
    await core.manager.unlock('reader', 'a long enough password');
    const result = await core.router('user:directory', {});
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value).toEqual([
      { id: expect.any(String), displayName: 'Ada Admin', role: 'administrator' },
      { id: expect.any(String), displayName: 'Cal Clinician', role: 'clinician' },
      { id: expect.any(String), displayName: 'Rea Reader', role: 'read-only' },
    ]);
    // user:list stays for administrators.
    expect(await core.router('user:list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('refuses callers who are not signed in, and unexpected input', async () => {
    expect(await core.router('user:directory', { all: true })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    core.manager.lock('explicit');
    expect(await core.router('user:directory', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
  });
});
