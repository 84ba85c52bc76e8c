/**
 * The assessment travels in the case bundle between two real vaults: stages, behaviours (the
 * third-party ones only when chosen) and recommendations; a record changed on both sides is a
 * conflict, as with every other module.
 */
import { describe, expect, it } from 'vitest';
import type { AssessmentView } from '../../../../preload/contract';
import { receive, send, type Laptop } from '../bundles/app-fixtures';
import { twoLaptops } from '../bundles/two-laptops';

let alice: Laptop;
let bob: Laptop;
let bobOnAlice: string;
twoLaptops('ncats-bundle-assessment-', (pair) => ({ alice, bob, bobOnAlice } = pair));

const behaviour = (description: string, thirdParty: boolean) => ({
  occurredOn: '2025-11-02',
  description,
  setting: 'Home',
  harmed: thirdParty ? 'A younger cousin' : null,
  thirdParty,
  hackett: 'abusive',
  brookVersion: '2012',
  brookBand: '13-17',
  brookColour: 'red',
});

async function transfer(caseId: string) {
  const inboxId = await receive(bob, await send(alice, caseId, bobOnAlice));
  return bob.call<{ caseId: string; conflicts: number }>('bundle:apply', { inboxId });
}

describe('the assessment in the case bundle', () => {
  it('carries the pathway, the behaviours without third-party ones, and the recommendations; a change on both sides conflicts', async () => {
    const made = await alice.call<{ id: string }>('case:create', {
      referralDate: '2026-01-12',
      servicesRequested: ['assessment'],
      youngPerson: { givenName: 'Sam', familyName: 'Hughes', dateOfBirth: '2011-05-01' },
    });
    let a = await alice.call<AssessmentView>('assessment:open', { caseId: made.id });
    await alice.call('assessment:addBehaviour', {
      assessmentId: a.id,
      behaviour: behaviour('Shared an image online.', false),
    });
    await alice.call('assessment:addBehaviour', {
      assessmentId: a.id,
      behaviour: behaviour('Touched a cousin.', true),
    });
    await alice.call('assessment:addRecommendation', {
      assessmentId: a.id,
      recommendation: {
        group: 'placement',
        text: 'Stay at home with a safety plan.',
        owner: 'Social worker',
        timescale: 'Now',
      },
    });
    a = await alice.call<AssessmentView>('assessment:update', {
      assessmentId: a.id,
      expectedVersion: a.version,
      patch: { riskToOthers: 'high', riskToOthersRationale: 'Escalating.' },
    });

    const applied = await transfer(made.id);
    const got = await bob.call<AssessmentView>('assessment:get', { caseId: applied.caseId });
    expect(got.stages).toHaveLength(a.stages.length);
    expect(got.behaviours.map((b) => b.description)).toEqual(['Shared an image online.']);
    expect(got.recommendations.map((r) => [r.group, r.owner])).toEqual([['placement', 'Social worker']]);
    expect(got).toMatchObject({ riskToOthers: 'high', riskToOthersRationale: 'Escalating.', state: 'open' });

    // Both change the assessment's own fields: Bob's stays until he chooses, as a conflict.
    await bob.call('assessment:update', {
      assessmentId: got.id,
      expectedVersion: got.version,
      patch: { formulation: 'Bob’s view.' },
    });
    await alice.call('assessment:update', {
      assessmentId: a.id,
      expectedVersion: a.version,
      patch: { formulation: 'Alice’s view.' },
    });
    const again = await transfer(made.id);
    expect(again.conflicts).toBe(1);
    expect((await bob.call<AssessmentView>('assessment:get', { caseId: made.id })).formulation).toBe('Bob’s view.');
  });
});
