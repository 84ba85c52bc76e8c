/**
 * The intervention channels through the real router: inputs validated by the contract's zod
 * schemas with messages in UK English before any handler runs, the Interventions area's list,
 * and the writes closed to read-only users.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InterventionListItem, Page } from '../../../../preload/contract';
import { tempDirs } from '../temp-vault';
import { laptop, type Laptop } from '../bundles/app-fixtures';
import { caseWithPlan, SESSION_INPUT, whoAmI } from './channel-helpers';

const dirs = tempDirs('ncats-intervention-channels-');
let l: Laptop;
beforeEach(async () => {
  l = await laptop(dirs.make(), 'ada', 'Ada Admin');
});
afterEach(() => {
  l.core.manager.dispose();
  dirs.cleanup();
});

const messageOf = (r: { ok: boolean; error?: { message: string } }) => (r.ok ? '' : (r.error?.message ?? ''));

describe('intervention channels', () => {
  it('refuse a bad session with the reasons, and write nothing', async () => {
    const c = await caseWithPlan(l, await whoAmI(l));
    const result = await l.raw('interventionSession:create', {
      planId: c.plan.id,
      session: {
        ...SESSION_INPUT,
        sessionDate: '2026-02-30',
        startTime: '25:00',
        venue: 'the park',
        attendance: 'did_not_attend',
        ratings: [{ goalId: c.plan.goals[0]?.id, rating: 11 }],
      },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const message = messageOf(result);
    expect(message).toContain('That date does not exist.');
    expect(message).toContain('Enter the start time as HH:MM (24-hour).');
    expect(message).toContain('Choose where the session took place.');
    expect(message).toContain('A goal rating is a whole number from 0 to 10.');
    const log = await l.call<Page<unknown>>('interventionSession:log', { caseId: c.caseId });
    expect(log.total).toBe(1);
  });

  it('refuse a DNA without a reason and a plan with four goals', async () => {
    const c = await caseWithPlan(l, await whoAmI(l));
    const dna = await l.raw('interventionSession:create', {
      planId: c.plan.id,
      session: { ...SESSION_INPUT, attendance: 'did_not_attend' },
    });
    expect(messageOf(dna)).toContain('Say why the session was not attended');
    const goal = { area: 'other', description: 'A goal.' };
    const four = await l.raw('intervention:update', {
      planId: c.plan.id,
      expectedVersion: c.plan.version,
      plan: {
        planType: 'family',
        startDate: '2026-02-01',
        clinicianIds: [await whoAmI(l)],
        goals: [goal, goal, goal, goal],
      },
    });
    expect(messageOf(four)).toContain('A plan has at most 3 Goal Based Outcomes.');
  });

  it('list active plans with their next session and DNA rate', async () => {
    const c = await caseWithPlan(l, await whoAmI(l));
    await l.call('interventionSession:create', {
      planId: c.plan.id,
      session: { ...SESSION_INPUT, sessionDate: '2026-03-09', attendance: 'did_not_attend', attendanceReason: 'Ill' },
    });
    const later = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    await l.call('interventionSession:create', {
      planId: c.plan.id,
      session: { ...SESSION_INPUT, sessionDate: later, attendance: 'planned' },
    });
    const page = await l.call<Page<InterventionListItem>>('intervention:list', { limit: 10 });
    expect(page.total).toBe(1);
    expect(page.items).toEqual([
      expect.objectContaining({
        caseId: c.caseId,
        youngPersonName: 'Sam Hughes',
        clinicianNames: ['Ada Admin'],
        nextSessionDate: later,
        sessionsOffered: 2,
        didNotAttend: 1,
        dnaRate: 0.5,
      }),
    ]);
  });

  it('close the writes to read-only users, who may still read', async () => {
    const c = await caseWithPlan(l, await whoAmI(l));
    await l.call('user:create', {
      username: 'rita',
      displayName: 'Rita Reader',
      password: 'read only password 1',
      role: 'read-only',
    });
    await l.call('vault:unlock', { username: 'rita', password: 'read only password 1' });
    const plans = await l.call<unknown[]>('intervention:listForCase', { caseId: c.caseId });
    expect(plans).toHaveLength(1);
    for (const [channel, input] of [
      ['interventionSession:create', { planId: c.plan.id, session: SESSION_INPUT }],
      ['interventionSession:sign', { sessionId: c.session.id, expectedVersion: 1 }],
      [
        'intervention:addReview',
        { planId: c.plan.id, review: { reviewDate: '2026-03-01', attendees: 'A', progress: 'B' } },
      ],
    ] as const) {
      expect(await l.raw(channel, input)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });
});
