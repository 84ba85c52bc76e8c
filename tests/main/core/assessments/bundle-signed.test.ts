/**
 * A record signed off on this laptop is not overwritten by a bundle (issue 10): Alice sends the
 * case to Bob, Bob signs the report off, Alice (not knowing) edits it and sends it again. Bob's
 * signed content stays; each change is a conflict whose review says who signed it and when, and
 * "take theirs" is refused. Two real vaults, real bundles, through the real router.
 */
import { describe, expect, it } from 'vitest';
import type { AssessmentView, ConsultationView } from '../../../../preload/contract';
import type { ConflictView } from '../../../../preload/contract/bundles';
import { makeCase, receive, send, type Laptop } from '../bundles/app-fixtures';
import { twoLaptops } from '../bundles/two-laptops';

let alice: Laptop;
let bob: Laptop;
let bobOnAlice: string;
twoLaptops('ncats-bundle-signed-', (pair) => ({ alice, bob, bobOnAlice } = pair));

async function transfer(caseId: string) {
  const inboxId = await receive(bob, await send(alice, caseId, bobOnAlice));
  return bob.call<{ caseId: string; conflicts: number }>('bundle:apply', { inboxId });
}

const behaviour = {
  occurredOn: '2025-11-02',
  description: 'Shared an image online.',
  setting: 'Online',
  harmed: null,
  thirdParty: false,
  hackett: 'problematic',
};

/** An assessment on Alice's laptop with everything sign-off needs. */
async function readyAssessment(): Promise<{ caseId: string; a: AssessmentView }> {
  const made = await alice.call<{ id: string }>('case:create', {
    referralDate: '2026-01-12',
    servicesRequested: ['assessment'],
    youngPerson: { givenName: 'Sam', familyName: 'Hughes', dateOfBirth: '2011-05-01' },
  });
  let a = await alice.call<AssessmentView>('assessment:open', { caseId: made.id });
  await alice.call('assessment:addBehaviour', { assessmentId: a.id, behaviour });
  for (const group of ['case_management', 'safety_planning', 'placement', 'treatment']) {
    await alice.call('assessment:addRecommendation', {
      assessmentId: a.id,
      recommendation: { group, text: `A ${group} step.`, owner: 'Social worker', timescale: 'Within 4 weeks' },
    });
  }
  a = await alice.call<AssessmentView>('assessment:update', {
    assessmentId: a.id,
    expectedVersion: a.version,
    patch: { riskToOthers: 'medium', riskToSelf: 'low', riskFromOthers: 'low', formulation: 'Alice’s formulation.' },
  });
  return { caseId: made.id, a };
}

describe('a bundle meeting a record signed off on this laptop', () => {
  it('keeps the signed assessment, its behaviours and recommendations, as conflicts naming the sign-off', async () => {
    const { caseId, a } = await readyAssessment();
    await transfer(caseId);
    const onBob = await bob.call<AssessmentView>('assessment:get', { caseId });
    await bob.call('assessment:signOff', { assessmentId: onBob.id, expectedVersion: onBob.version });

    // Alice, not knowing, changes the formulation, the behaviour and a recommendation.
    await alice.call('assessment:update', {
      assessmentId: a.id,
      expectedVersion: a.version,
      patch: { formulation: 'Alice’s later view.' },
    });
    const aliceNow = await alice.call<AssessmentView>('assessment:get', { caseId });
    const first = aliceNow.behaviours[0];
    if (!first) throw new Error('the behaviour is missing');
    await alice.call('assessment:updateBehaviour', {
      behaviourId: first.id,
      expectedVersion: first.version,
      behaviour: { ...behaviour, description: 'Changed by Alice.' },
    });
    // A stage moves on after sign-off too: that one is not locked and still arrives.
    const meeting = aliceNow.stages.find((s) => s.stage === 'professionals_meeting');
    if (!meeting) throw new Error('no professionals meeting stage');
    await alice.call('assessment:planStage', {
      stageId: meeting.id,
      expectedVersion: meeting.version,
      plan: { plannedDate: '2026-02-20', ownerId: null },
    });

    const again = await transfer(caseId);
    expect(again.conflicts).toBe(2);
    const kept = await bob.call<AssessmentView>('assessment:get', { caseId });
    expect(kept.formulation).toBe('Alice’s formulation.');
    expect(kept.behaviours.map((x) => x.description)).toEqual(['Shared an image online.']);
    expect(kept.stages.find((s) => s.stage === 'professionals_meeting')?.plannedDate).toBe('2026-02-20');

    const conflicts = await bob.call<ConflictView[]>('bundle:conflicts', { caseId });
    expect(conflicts.map((c) => c.module).sort()).toEqual(['assessment-behaviours', 'assessments']);
    for (const c of conflicts) {
      expect(c.locked).toMatch(
        /^Kept as it is on this laptop: this assessment report was signed off by Bob Barnes on \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}, so a bundle cannot change it\.$/,
      );
    }
    const mine = conflicts.find((c) => c.module === 'assessments');
    const take = await bob.raw('bundle:resolveConflict', { conflictId: mine?.id, resolution: 'take-theirs' });
    expect(take).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringMatching(/signed off by Bob Barnes .* add an addendum/) },
    });
    expect((await bob.call<AssessmentView>('assessment:get', { caseId })).formulation).toBe('Alice’s formulation.');
    const keep = await bob.call<{ remaining: number }>('bundle:resolveConflict', {
      conflictId: mine?.id,
      resolution: 'keep-mine',
    });
    expect(keep.remaining).toBe(1);
  });

  it('applies a change to an assessment not signed off, as before', async () => {
    const { caseId, a } = await readyAssessment();
    await transfer(caseId);
    await alice.call('assessment:update', {
      assessmentId: a.id,
      expectedVersion: a.version,
      patch: { formulation: 'Alice’s later view.' },
    });
    expect((await transfer(caseId)).conflicts).toBe(0);
    expect((await bob.call<AssessmentView>('assessment:get', { caseId })).formulation).toBe('Alice’s later view.');
  });

  it('keeps a consultation signed off on this laptop', async () => {
    const made = await makeCase(alice, 'Hughes');
    const c = await alice.call<ConsultationView>('consultation:create', {
      caseId: made.id,
      consultation: {
        meetingDate: '2026-01-20',
        meetingMode: 'virtual',
        attendeeIds: [],
        policeInvestigation: 'no',
        reason: 'Advice on managing school.',
        networkQuestions: 'What supervision is needed?',
        discussion: 'Discussed the school day.',
        recommendations: 'A supervised timetable.',
        suitability: 'assessment_now',
      },
    });
    await transfer(made.id);
    await bob.call('consultation:sign', { consultationId: c.id, expectedVersion: c.version });
    await alice.call('consultation:update', {
      consultationId: c.id,
      expectedVersion: c.version,
      consultation: {
        meetingDate: c.meetingDate,
        meetingMode: c.meetingMode,
        attendeeIds: c.attendeeIds,
        documentIds: c.documentIds,
        policeInvestigation: c.policeInvestigation,
        reason: c.reason,
        networkQuestions: c.networkQuestions,
        discussion: 'Changed by Alice after Bob signed.',
        recommendations: c.recommendations,
        suitability: c.suitability,
        suitabilityReason: c.suitabilityReason,
      },
    });
    expect((await transfer(made.id)).conflicts).toBe(1);
    const kept = await bob.call<ConsultationView[]>('consultation:list', { caseId: made.id });
    expect(kept[0]?.discussion).toBe('Discussed the school day.');
    const [conflict] = await bob.call<ConflictView[]>('bundle:conflicts', { caseId: made.id });
    expect(conflict?.locked).toMatch(/this consultation was signed off by Bob Barnes on/);
  });
});
