/** The chronology's filter and the task's version are validated by the router before any handler runs. */
import { describe, expect, it } from 'vitest';
import { coreForEachTest } from '../core-fixture';
import { referral } from '../cases/fixtures';

const fx = coreForEachTest('ncats-chronology-router-');

describe('chronology and task channels through the router', () => {
  it('refuses an empty or unknown filter, and takes a good one (or none) as before', async () => {
    const created = await fx.core.router('case:create', referral());
    if (!created.ok) throw new Error(created.error.message);
    const caseId = (created.value as { id: string }).id;
    expect(await fx.core.router('chronology:get', { caseId, filter: { groups: [] } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('Choose at least one kind of event to show.') },
    });
    expect(await fx.core.router('chronology:get', { caseId, filter: { thirdParty: 'maybe' } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await fx.core.router('chronology:get', { caseId, filter: { groups: ['notes'], extra: 1 } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await fx.core.router('chronology:get', { caseId })).toMatchObject({
      ok: true,
      value: { total: 1, items: [{ kind: 'referral' }], upcoming: [] },
    });
    expect(await fx.core.router('chronology:get', { caseId, filter: { groups: ['notes'] } })).toMatchObject({
      ok: true,
      value: { total: 0, items: [] },
    });
  });

  it('refuses to complete a task without the version the user saw', async () => {
    const created = await fx.core.router('case:create', referral());
    if (!created.ok) throw new Error(created.error.message);
    const caseId = (created.value as { id: string }).id;
    const ownerId = fx.core.manager.current().user.id;
    const task = await fx.core.router('task:create', { caseId, task: { title: 'Chase GP', ownerId } });
    if (!task.ok) throw new Error(task.error.message);
    const taskId = (task.value as { id: string }).id;
    expect(await fx.core.router('task:complete', { taskId })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await fx.core.router('task:complete', { taskId, expectedVersion: 9 })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(await fx.core.router('task:complete', { taskId, expectedVersion: 1 })).toMatchObject({
      ok: true,
      value: { state: 'done', youngPersonName: 'Amelia Hughes' },
    });
  });
});
