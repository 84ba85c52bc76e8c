/**
 * Separation of families: a case's Safe Home holds nothing of another family in the same group
 * (names, notes, register entries of their carers), and the group note reaches a carer's journey
 * only for sessions they attended.
 */
import { describe, expect, it } from 'vitest';
import type { CaseSafeHomeView, RunView } from '../../../../preload/contract/safe-home-records';
import { enrol, makeFamily, makeRun, safeHomeCore, takeRegister } from './fixture';

const f = safeHomeCore();

describe('Safe Home separation of families', () => {
  it('a case’s view holds none of another family’s names, notes or register entries', async () => {
    const a = await makeFamily(f, {
      young: ['Tyler', 'Marsh'],
      carers: [
        ['Dawn Marsh', 'Mother'],
        ['Craig Marsh', 'Father'],
      ],
      siblings: ['Poppy Marsh'],
    });
    const b = await makeFamily(f, {
      young: ['Kian', 'Osei'],
      carers: [['Grace Osei', 'Grandmother']],
      siblings: ['Amara Osei'],
    });
    const run = await makeRun(f);
    await enrol(f, run.id, a, 0);
    await enrol(f, run.id, a, 1);
    let view = await enrol(f, run.id, b);
    const grace = view.enrolments.find((e) => e.caseId === b.caseId);
    const dawn = view.enrolments.find((e) => e.carerName === 'Dawn Marsh');
    if (!grace || !dawn) throw new Error('missing carers');

    const bNotes = [
      'Grandmother shared how the bedtime routine changed after the disclosure.',
      'Worried about the cousin who visits at weekends; safety plan to cover visits.',
    ];
    view = await takeRegister(
      f,
      view,
      1,
      {
        [grace.id]: { state: 'attended', carerNote: bNotes[0] },
        [dawn.id]: { state: 'attended', carerNote: 'Dawn talked about Tyler’s school.' },
      },
      'The group agreed its ground rules and talked about what brought everyone here.',
    );
    view = await takeRegister(
      f,
      view,
      2,
      {
        [grace.id]: {
          state: 'apologies',
          reason: 'Hospital appointment',
          cancelledAt: '2026-06-07T18:00:00+01:00',
          carerNote: bNotes[1],
        },
        [dawn.id]: { state: 'did_not_attend', reason: 'No contact' },
      },
      'Second session: the continuum from healthy to harmful behaviour.',
    );
    await f.ok('safeHomeSafetyPlan:addVersion', {
      runId: run.id,
      plan: {
        caseId: b.caseId,
        versionDate: '2026-06-08',
        content: 'Kian sleeps in his own room; Amara’s door stays shut.',
      },
    });
    await f.ok('safeHomeSafetyPlan:addVersion', {
      runId: run.id,
      plan: { caseId: a.caseId, versionDate: '2026-06-08', content: 'Tyler is not left alone with Poppy.' },
    });
    const catchUp = await f.ok<RunView>('safeHomeSession:addCatchUp', {
      runId: run.id,
      catchUp: { forSessionId: view.sessions[1]?.id, sessionDate: '2026-06-10', enrolmentIds: [grace.id] },
    });
    const cu = catchUp.sessions.find((s) => s.kind === 'catch_up');
    await f.ok('safeHomeSession:takeRegister', {
      sessionId: cu?.id,
      expectedVersion: cu?.version,
      register: {
        entries: [{ enrolmentId: grace.id, state: 'attended', carerNote: 'Catch-up went well for the grandmother.' }],
      },
    });

    const ofA = await f.ok<CaseSafeHomeView>('safeHomeCase:get', { caseId: a.caseId });
    const json = JSON.stringify(ofA);
    const bWords = [
      'Kian',
      'Osei',
      'Grace',
      'Amara',
      b.reference,
      b.caseId,
      grace.id,
      grace.personId,
      ...bNotes,
      'Hospital appointment',
      'Catch-up went well',
      'Amara’s door stays shut',
      cu?.id ?? 'catch-up id',
    ];
    for (const word of bWords) expect(json, `case A's view contains "${word}"`).not.toContain(word);
    expect(json).toContain('Tyler is not left alone with Poppy.');
    expect(ofA.journeys.map((j) => j.carerName).sort()).toEqual(['Craig Marsh', 'Dawn Marsh']);

    // And the other way round: B's view has nothing of A's.
    const ofB = JSON.stringify(await f.ok<CaseSafeHomeView>('safeHomeCase:get', { caseId: b.caseId }));
    for (const word of ['Tyler', 'Marsh', 'Dawn', 'Craig', 'Poppy', a.reference, 'Tyler’s school', 'left alone']) {
      expect(ofB, `case B's view contains "${word}"`).not.toContain(word);
    }
  });

  it('puts the group note in a carer’s journey only for the sessions they attended', async () => {
    const a = await makeFamily(f, { young: ['Tyler', 'Marsh'], carers: [['Dawn Marsh', 'Mother']] });
    const run = await makeRun(f);
    let view = await enrol(f, run.id, a);
    const dawn = view.enrolments[0]?.id ?? '';
    view = await takeRegister(f, view, 1, {}, 'Ground rules and hopes for the group.');
    view = await takeRegister(
      f,
      view,
      2,
      { [dawn]: { state: 'did_not_attend', reason: 'No contact' } },
      'The continuum.',
    );
    const ofA = await f.ok<CaseSafeHomeView>('safeHomeCase:get', { caseId: a.caseId });
    const sessions = ofA.journeys[0]?.sessions ?? [];
    expect(sessions.slice(0, 3).map((s) => [s.seq, s.state, s.groupNote])).toEqual([
      [1, 'attended', 'Ground rules and hopes for the group.'],
      [2, 'did_not_attend', null],
      [3, null, null],
    ]);
    expect(JSON.stringify(ofA)).not.toContain('The continuum.');
  });
});
