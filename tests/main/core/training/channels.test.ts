/**
 * The training channels through the real router: inputs validated by the contract's zod schemas
 * with their UK English messages before any handler runs (nothing written), and the writes
 * closed to read-only users, who may still read.
 */
import { describe, expect, it } from 'vitest';
import type { TrainingPackageView } from '../../../../preload/contract';
import { coreForEachTest } from '../core-fixture';
import { eventInput, PACKAGE_INPUT } from './training-fixtures';

const f = coreForEachTest('ncats-training-channels-');

const count = (table: string) => (f.vault().db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('training channels', () => {
  it('refuse a bad event with every reason, and write nothing', async () => {
    const pkg = await f.ok<TrainingPackageView>('trainingPackage:create', { package: PACKAGE_INPUT });
    const auditBefore = count('audit_log');
    const result = await f.core.router('trainingEvent:create', {
      event: eventInput(pkg.id, { attendees: 10, evaluationsReturned: 12, postConfidence: 11, endDate: '2025-10-01' }),
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const message = result.ok ? '' : result.error.message;
    expect(message).toContain('A confidence average is a number from 0 to 10');
    expect(message).toContain('The last day cannot be before the first day.');
    expect(message).toContain('More evaluations were returned than there were attendees');
    expect(count('training_events')).toBe(0);
    expect(count('audit_log')).toBe(auditBefore);
  });

  it('refuse unknown fields and a removal without a reason', async () => {
    const pkg = await f.ok<TrainingPackageView>('trainingPackage:create', { package: PACKAGE_INPUT });
    const extra = await f.core.router('trainingPackage:create', { package: { ...PACKAGE_INPUT, owner: 'me' } });
    expect(extra).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const made = await f.ok<{ id: string }>('trainingEvent:create', { event: eventInput(pkg.id) });
    const noReason = await f.core.router('trainingEvent:remove', { eventId: made.id, expectedVersion: 1, reason: ' ' });
    expect(noReason).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('Say why the event is being removed.') },
    });
    expect(count('training_events')).toBe(1);
  });

  it('close the writes to read-only users, who may still read', async () => {
    const pkg = await f.ok<TrainingPackageView>('trainingPackage:create', { package: PACKAGE_INPUT });
    const made = await f.ok<{ id: string }>('trainingEvent:create', { event: eventInput(pkg.id) });
    await f.ok('user:create', {
      username: 'rita',
      displayName: 'Rita Reader',
      password: 'read only password 1',
      role: 'read-only',
    });
    await f.ok('vault:unlock', { username: 'rita', password: 'read only password 1' });
    expect(await f.ok<unknown[]>('trainingPackage:list', {})).toHaveLength(1);
    expect(await f.ok('trainingEvent:get', { eventId: made.id })).toMatchObject({ id: made.id });
    for (const [channel, input] of [
      ['trainingPackage:create', { package: PACKAGE_INPUT }],
      ['trainingPackage:update', { packageId: pkg.id, expectedVersion: 1, package: PACKAGE_INPUT }],
      ['trainingEvent:create', { event: eventInput(pkg.id) }],
      ['trainingEvent:update', { eventId: made.id, expectedVersion: 1, event: eventInput(pkg.id) }],
      ['trainingEvent:remove', { eventId: made.id, expectedVersion: 1, reason: 'Wrong.' }],
    ] as const) {
      expect(await f.core.router(channel, input)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });
});
