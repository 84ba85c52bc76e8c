/**
 * Interventions travel in the case bundle between two real vaults, through the router: the plan,
 * its goals and ratings, the sessions (signed ones stay locked), and a concern with its flag and
 * task; a session note edited on both laptops is kept as a conflict.
 */
import { describe, expect, it } from 'vitest';
import type { FlagView, InterventionSessionView, Page, PlanView, TaskView } from '../../../../preload/contract';
import { receive, send, type Laptop } from '../bundles/app-fixtures';
import { twoLaptops } from '../bundles/two-laptops';
import { caseWithPlan, SESSION_INPUT, whoAmI } from './channel-helpers';

let alice: Laptop;
let bob: Laptop;
let bobOnAlice: string;
let aliceOnBob: string;
twoLaptops('ncats-bundle-interventions-', (pair) => ({ alice, bob, bobOnAlice, aliceOnBob } = pair));

const apply = async (to: Laptop, file: string) => {
  const inboxId = await receive(to, file);
  return to.call<{ caseId: string; conflicts: number }>('bundle:apply', { inboxId });
};

describe('interventions in the case bundle', () => {
  it('carry the plan, goals, ratings, sessions, sign-off and a concern with its flag and task', async () => {
    const c = await caseWithPlan(alice, await whoAmI(alice));
    await alice.call('interventionSession:sign', { sessionId: c.session.id, expectedVersion: c.session.version });
    await alice.call('interventionSession:raiseConcern', {
      sessionId: c.session.id,
      concern: {
        description: 'Disclosed contact with an older cousin.',
        actionTaken: 'Called the duty social worker.',
        informedPersonIds: [c.personId],
        informedAt: '2026-03-02T17:00:00Z',
        followUp: { title: 'Follow up with the social worker', ownerId: await whoAmI(alice) },
      },
    });
    const applied = await apply(bob, await send(alice, c.caseId, bobOnAlice));
    expect(applied.conflicts).toBe(0);
    const plans = await bob.call<PlanView[]>('intervention:listForCase', { caseId: c.caseId });
    expect(plans).toHaveLength(1);
    expect(plans[0]?.goals[0]?.change).toMatchObject({ first: 2, latest: 6, change: 4, reliable: true });
    expect(plans[0]?.networkCare[0]?.name).toBe('Priya Shah');
    const log = await bob.call<Page<InterventionSessionView>>('interventionSession:log', { caseId: c.caseId });
    const got = log.items[0];
    expect(got?.signoff.signedVersions).toEqual([
      expect.objectContaining({ signedByName: expect.stringMatching(/^Alice Ahmed/) }),
    ]);
    expect(got?.concerns).toEqual([
      expect.objectContaining({ description: 'Disclosed contact with an older cousin.' }),
    ]);
    const flags = await bob.call<FlagView[]>('flag:list', { caseId: c.caseId });
    expect(flags.map((f) => f.id)).toContain(got?.concerns[0]?.flagId);
    const tasks = await bob.call<TaskView[]>('task:listForCase', { caseId: c.caseId });
    expect(tasks.map((t) => t.id)).toContain(got?.concerns[0]?.taskId);
    // Signed on Alice's laptop, so locked on Bob's too.
    const edit = await bob.raw('interventionSession:update', {
      sessionId: c.session.id,
      expectedVersion: c.session.version,
      session: { ...SESSION_INPUT, content: 'Changed after signing.' },
    });
    expect(edit).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringMatching(/signed off by Alice Ahmed/) },
    });
  });

  it('keeps a session note changed on both laptops as a conflict', async () => {
    const c = await caseWithPlan(alice, await whoAmI(alice));
    await apply(bob, await send(alice, c.caseId, bobOnAlice));
    const edit = (l: Laptop, content: string) =>
      l.call('interventionSession:update', {
        sessionId: c.session.id,
        expectedVersion: c.session.version,
        session: { ...SESSION_INPUT, content },
      });
    await edit(alice, 'Alice’s version.');
    await edit(bob, 'Bob’s version.');
    const back = await apply(bob, await send(alice, c.caseId, bobOnAlice));
    expect(back.conflicts).toBe(1);
    const conflicts = await bob.call<{ recordId: string }[]>('bundle:conflicts', { caseId: c.caseId });
    expect(conflicts.map((x) => x.recordId)).toEqual([c.session.id]);
  });

  it('sends a case back when the colleague only edited a session note (its author travels with it)', async () => {
    const c = await caseWithPlan(alice, await whoAmI(alice));
    await apply(bob, await send(alice, c.caseId, bobOnAlice));
    await bob.call('interventionSession:update', {
      sessionId: c.session.id,
      expectedVersion: c.session.version,
      session: { ...SESSION_INPUT, content: 'Bob’s note of the session.' },
    });
    const back = await apply(alice, await send(bob, c.caseId, aliceOnBob));
    expect(back.conflicts).toBe(0);
    const log = await alice.call<Page<InterventionSessionView>>('interventionSession:log', { caseId: c.caseId });
    expect(log.items[0]?.content).toBe('Bob’s note of the session.');
  });

  it('keeps a note signed here as signed when a colleague’s bundle brings a change to it', async () => {
    const c = await caseWithPlan(alice, await whoAmI(alice));
    await apply(bob, await send(alice, c.caseId, bobOnAlice));
    await bob.call('interventionSession:update', {
      sessionId: c.session.id,
      expectedVersion: c.session.version,
      session: { ...SESSION_INPUT, content: 'Changed on Bob’s laptop after Alice’s copy was sent.' },
    });
    await alice.call('interventionSession:sign', { sessionId: c.session.id, expectedVersion: c.session.version });
    const back = await apply(alice, await send(bob, c.caseId, aliceOnBob));
    expect(back.conflicts).toBe(1);
    const log = await alice.call<Page<InterventionSessionView>>('interventionSession:log', { caseId: c.caseId });
    expect(log.items[0]?.content).toBe(SESSION_INPUT.content);
    const [conflict] = await alice.call<{ id: string; recordId: string; locked?: string }[]>('bundle:conflicts', {
      caseId: c.caseId,
    });
    expect(conflict).toMatchObject({
      recordId: c.session.id,
      locked: expect.stringMatching(/session note was signed off/),
    });
    const take = await alice.raw('bundle:resolveConflict', { conflictId: conflict?.id, resolution: 'take-theirs' });
    expect(take).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
