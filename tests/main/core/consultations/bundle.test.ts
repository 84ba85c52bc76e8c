/**
 * Consultations travel in the case bundle between two real vaults, through the router: the
 * consultation, its signed versions and its addenda arrive; batch agreements (the service's
 * own records) stay behind; a consultation edited on both sides is kept as a conflict.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConsultationView } from '../../../../preload/contract';
import { tempDirs } from '../temp-vault';
import { exchangeCards, laptop, makeCase, receive, send, type Laptop } from '../bundles/app-fixtures';

const dirs = tempDirs('ncats-bundle-consultations-');
let alice: Laptop;
let bob: Laptop;
let bobOnAlice: string;
let aliceOnBob: string;

beforeEach(async () => {
  const parent = dirs.make();
  alice = await laptop(parent, 'alice', 'Alice Ahmed');
  bob = await laptop(parent, 'bob', 'Bob Barnes');
  const ids = await exchangeCards(alice, bob);
  bobOnAlice = ids.bOnA;
  aliceOnBob = ids.aOnB;
});
afterEach(() => {
  alice.core.manager.dispose();
  bob.core.manager.dispose();
  dirs.cleanup();
});

async function caseWithConsultation(l: Laptop) {
  const made = await makeCase(l, 'Hughes');
  const sw = await l.call<{ id: string }>('person:add', {
    caseId: made.id,
    person: { kind: 'professional', name: 'Priya Shah', role: 'social_worker', agency: 'Leeds' },
  });
  const c = await l.call<ConsultationView>('consultation:create', {
    caseId: made.id,
    consultation: {
      meetingDate: '2026-01-20',
      meetingMode: 'in_person',
      attendeeIds: [sw.id],
      policeInvestigation: 'not_known',
      reason: 'Advice on managing school.',
      networkQuestions: 'What supervision is needed at school?',
      discussion: 'Discussed the school day.',
      recommendations: 'A supervised timetable.',
      suitability: 'assessment_now',
    },
  });
  return { made, c };
}

/** What the form sends: the consultation's content without its names, dates and sign-off. */
function contentOf(c: ConsultationView) {
  return {
    meetingDate: c.meetingDate,
    meetingMode: c.meetingMode,
    attendeeIds: c.attendeeIds,
    documentIds: c.documentIds,
    policeInvestigation: c.policeInvestigation,
    reason: c.reason,
    networkQuestions: c.networkQuestions,
    discussion: c.discussion,
    recommendations: c.recommendations,
    suitability: c.suitability,
    suitabilityReason: c.suitabilityReason,
  };
}

const apply = async (to: Laptop, file: string) => {
  const inboxId = await receive(to, file);
  return to.call<{ caseId: string; conflicts: number }>('bundle:apply', { inboxId });
};

describe('consultations in the case bundle', () => {
  it('carry the consultation, its sign-off and addenda, but not batch agreements', async () => {
    const { made, c } = await caseWithConsultation(alice);
    await alice.call('consultation:sign', { consultationId: c.id, expectedVersion: c.version });
    await alice.call('consultation:addAddendum', { consultationId: c.id, text: 'The school nurse also attended.' });
    const agreement = await alice.call<{ id: string }>('batch:createAgreement', {
      agreement: { organisation: 'Leeds Youth Justice', frequency: 'Monthly', startDate: '2026-01-01' },
    });
    await alice.call('batch:addSession', {
      agreementId: agreement.id,
      session: { sessionDate: '2026-01-22', discussedCases: [{ caseId: made.id, discussion: 'Update.' }] },
    });

    const applied = await apply(bob, await send(alice, made.id, bobOnAlice));
    const got = await bob.call<ConsultationView[]>('consultation:list', { caseId: applied.caseId });
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({
      id: c.id,
      discussion: 'Discussed the school day.',
      attendees: [{ name: 'Priya Shah' }],
    });
    expect(got[0]?.signoff.signedVersions).toEqual([expect.objectContaining({ signedVersion: 1 })]);
    expect(got[0]?.signoff.addenda.map((a) => a.text)).toEqual(['The school nurse also attended.']);
    const bobsAgreements = await bob.call<{ total: number }>('batch:listAgreements', {});
    expect(bobsAgreements.total).toBe(0);
    // Signed on Alice's laptop, so locked on Bob's too.
    const edit = await bob.raw('consultation:update', {
      consultationId: c.id,
      expectedVersion: 1,
      consultation: { ...contentOf(c), discussion: 'Changed after sign-off.' },
    });
    expect(edit).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringMatching(/signed off by Alice Ahmed/) },
    });
  });

  it('keeps a consultation changed on both laptops as a conflict', async () => {
    const { made, c } = await caseWithConsultation(alice);
    await apply(bob, await send(alice, made.id, bobOnAlice));
    const content = contentOf(c);
    await alice.call('consultation:update', {
      consultationId: c.id,
      expectedVersion: 1,
      consultation: { ...content, discussion: 'Alice’s version.' },
    });
    await bob.call('consultation:update', {
      consultationId: c.id,
      expectedVersion: 1,
      consultation: { ...content, discussion: 'Bob’s version.' },
    });
    const back = await apply(bob, await send(alice, made.id, bobOnAlice));
    expect(back.conflicts).toBe(1);
    const conflicts = await bob.call<{ recordId: string }[]>('bundle:conflicts', { caseId: made.id });
    expect(conflicts.map((x) => x.recordId)).toEqual([c.id]);
    expect(aliceOnBob).toBeTruthy();
  });
});
