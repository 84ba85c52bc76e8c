/**
 * The assessment report's sign-off channels through the real router: inputs validated by the
 * contract's zod schemas before any handler runs (UK English), the refusal carrying
 * `canSignOff`'s reasons, and the writes closed to read-only users.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { tempDirs } from '../temp-vault';
import { laptop, type Laptop } from '../bundles/app-fixtures';

const dirs = tempDirs('ncats-assessment-signoff-channels-');
let l: Laptop;
beforeEach(async () => {
  l = await laptop(dirs.make(), 'ada', 'Ada Admin');
});
afterEach(() => {
  l.core.manager.dispose();
  dirs.cleanup();
});

describe('assessment sign-off channels', () => {
  it('refuse an empty addendum and a missing version, saying why', async () => {
    const empty = await l.raw('assessment:addAddendum', { assessmentId: randomUUID(), text: '   ' });
    expect(empty).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(empty.ok ? '' : empty.error.message).toContain('Write the correction or addition.');
    const noVersion = await l.raw('assessment:signOff', { assessmentId: randomUUID() });
    expect(noVersion).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('validate undoing a stage and removing a behaviour before any handler runs', async () => {
    const noReason = await l.raw('assessment:reopenStage', { stageId: randomUUID(), expectedVersion: 1, reason: '  ' });
    expect(noReason).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(noReason.ok ? '' : noReason.error.message).toContain('Say why the stage is being undone.');
    const noVersion = await l.raw('assessment:removeBehaviour', { behaviourId: randomUUID() });
    expect(noVersion).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const missing = await l.raw('assessment:removeBehaviour', { behaviourId: randomUUID(), expectedVersion: 1 });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('say so when the assessment does not exist', async () => {
    const result = await l.raw('assessment:signOff', { assessmentId: randomUUID(), expectedVersion: 1 });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('are closed to read-only users', async () => {
    await l.call('user:create', {
      username: 'rita',
      displayName: 'Rita Reader',
      password: 'read only password 1',
      role: 'read-only',
    });
    await l.call('vault:unlock', { username: 'rita', password: 'read only password 1' });
    const write = await l.raw('assessment:signOff', { assessmentId: randomUUID(), expectedVersion: 1 });
    expect(write).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    for (const [name, input] of [
      ['assessment:reopenStage', { stageId: randomUUID(), expectedVersion: 1, reason: 'Wrong day.' }],
      ['assessment:removeBehaviour', { behaviourId: randomUUID(), expectedVersion: 1 }],
    ] as const) {
      expect(await l.raw(name, input)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });
});
