/** The chronology's filter and the task's version are validated by the router before any handler runs. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../../main/core/core';
import { scryptParams } from '../../../../main/core/vault/kdf';
import { referral } from '../cases/fixtures';

let dir: string;
let core: Core;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ncats-chronology-router-'));
  core = createCore(join(dir, 'vault'), { vault: { kdf: scryptParams(2 ** 14) } });
  await core.manager.create({ username: 'admin', displayName: 'Ada Admin', password: 'correct horse battery' });
});
afterEach(() => {
  core.manager.dispose();
  rmSync(dir, { recursive: true, force: true });
});

describe('chronology and task channels through the router', () => {
  it('refuses an empty or unknown filter, and takes a good one (or none) as before', async () => {
    const created = await core.router('case:create', referral());
    if (!created.ok) throw new Error(created.error.message);
    const caseId = (created.value as { id: string }).id;
    expect(await core.router('chronology:get', { caseId, filter: { groups: [] } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('Choose at least one kind of event to show.') },
    });
    expect(await core.router('chronology:get', { caseId, filter: { thirdParty: 'maybe' } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await core.router('chronology:get', { caseId, filter: { groups: ['notes'], extra: 1 } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await core.router('chronology:get', { caseId })).toMatchObject({
      ok: true,
      value: { total: 1, items: [{ kind: 'referral' }], upcoming: [] },
    });
    expect(await core.router('chronology:get', { caseId, filter: { groups: ['notes'] } })).toMatchObject({
      ok: true,
      value: { total: 0, items: [] },
    });
  });

  it('refuses to complete a task without the version the user saw', async () => {
    const created = await core.router('case:create', referral());
    if (!created.ok) throw new Error(created.error.message);
    const caseId = (created.value as { id: string }).id;
    const ownerId = core.manager.current().user.id;
    const task = await core.router('task:create', { caseId, task: { title: 'Chase GP', ownerId } });
    if (!task.ok) throw new Error(task.error.message);
    const taskId = (task.value as { id: string }).id;
    expect(await core.router('task:complete', { taskId })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await core.router('task:complete', { taskId, expectedVersion: 9 })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(await core.router('task:complete', { taskId, expectedVersion: 1 })).toMatchObject({
      ok: true,
      value: { state: 'done', youngPersonName: 'Amelia Hughes' },
    });
  });
});
