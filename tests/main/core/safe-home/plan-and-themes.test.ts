/**
 * The theme list (administrators), editing a run's session plan, carers' ratings and goals, and
 * a People-tab carer who is enrolled staying on the case.
 */
import { describe, expect, it } from 'vitest';
import type { RunView, ThemeView } from '../../../../preload/contract/safe-home-records';
import { enrol, makeFamily, makeRun, safeHomeCore, takeRegister } from './fixture';

const f = safeHomeCore();

describe('Safe Home themes', () => {
  it('adds, renames and retires themes; a retired theme stays on sessions but cannot be newly planned', async () => {
    const added = await f.ok<ThemeView>('safeHomeTheme:create', {
      theme: { label: 'Online safety at home', aim: 'knowledge' },
    });
    expect(added).toMatchObject({ key: null, position: 9, active: true, version: 1 });
    const dup = await f.refusal('safeHomeTheme:create', {
      theme: { label: 'online SAFETY at home', aim: 'knowledge' },
    });
    expect(dup.message).toBe('A theme called “Online safety at home” is on the list already.');
    const plan = Array.from({ length: 13 }, (_, i) => ({
      sessionDate: new Date(Date.UTC(2026, 5, 1 + 7 * i)).toISOString().slice(0, 10),
      themeIds: i === 0 ? [added.id] : [],
    }));
    const run = await makeRun(f, { sessions: plan });
    const retired = await f.ok<ThemeView>('safeHomeTheme:update', {
      themeId: added.id,
      expectedVersion: 1,
      theme: { label: 'Online safety', aim: 'patterns', active: false },
    });
    expect(retired).toMatchObject({ label: 'Online safety', active: false, version: 2 });
    const kept = await f.ok<RunView>('safeHomeRun:get', { runId: run.id });
    expect(kept.sessions[0]?.themes.map((t) => t.label)).toEqual(['Online safety']);
    const again = await f.refusal('safeHomeRun:create', {
      run: {
        title: 'Second',
        delivery: 'group',
        facilitatorIds: [f.adminId()],
        startDate: '2026-06-01',
        venue: 'Hall',
        sessions: plan,
      },
    });
    expect(again.message).toBe('Session 1: the theme “Online safety” is retired and can no longer be planned.');
    const stale = await f.refusal('safeHomeTheme:update', {
      themeId: added.id,
      expectedVersion: 1,
      theme: { label: 'Online', aim: 'patterns' },
    });
    expect(stale.code).toBe('CONFLICT');
  });
});

describe('Safe Home session plan', () => {
  it('renumbers the plan, keeps a held session and its register, and refuses dropping one', async () => {
    const a = await makeFamily(f, { young: ['Tyler', 'Marsh'], carers: [['Dawn Marsh', 'Mother']] });
    const run = await makeRun(f);
    let view = await enrol(f, run.id, a);
    view = await takeRegister(f, view, 1);
    const content = {
      title: 'Summer group, north',
      delivery: 'group',
      facilitatorIds: [f.adminId()],
      startDate: '2026-06-01',
      venue: 'Family centre, room 2',
      plannedSessions: 13,
    };
    // Drop session 2 (not held) and add one at the end: session 3 becomes 2, and so on.
    const kept = view.sessions
      .filter((s) => s.seq !== 2)
      .map((s) => ({ id: s.id, sessionDate: s.sessionDate, themeIds: [] }));
    const edited = await f.ok<RunView>('safeHomeRun:update', {
      runId: run.id,
      expectedVersion: view.version,
      run: { ...content, sessions: [...kept, { id: null, sessionDate: '2026-09-07', themeIds: [] }] },
    });
    expect(edited.sessions.map((s) => s.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(edited.sessions[1]?.id).toBe(view.sessions[2]?.id);
    expect(edited.sessions[12]?.sessionDate).toBe('2026-09-07');
    expect(edited.register).toHaveLength(1);
    expect(edited.sessions.some((s) => s.id === view.sessions[1]?.id)).toBe(false);

    const withoutHeld = edited.sessions.slice(1).map((s) => ({ id: s.id, sessionDate: s.sessionDate, themeIds: [] }));
    const refused = await f.refusal('safeHomeRun:update', {
      runId: run.id,
      expectedVersion: edited.version,
      run: { ...content, sessions: [...withoutHeld, { id: null, sessionDate: '2026-09-14', themeIds: [] }] },
    });
    expect(refused.message).toBe('Session 1 (01/06/2026) has its register, so it stays in the plan.');
    const early = await f.refusal('safeHomeSession:addCatchUp', {
      runId: run.id,
      catchUp: {
        forSessionId: edited.sessions[2]?.id,
        sessionDate: '2026-06-20',
        enrolmentIds: [edited.enrolments[0]?.id],
      },
    });
    expect(early.message).toBe(
      'Session 3 (22/06/2026) has not been held yet (no register): a catch-up is for carers who missed a session that took place.',
    );
    const stale = await f.refusal('safeHomeRun:update', { runId: run.id, expectedVersion: view.version, run: content });
    expect(stale.code).toBe('CONFLICT');
  });
});

describe('Safe Home carers', () => {
  it('keeps goals and ratings before and after, and refuses a rating of another carer’s goal', async () => {
    const a = await makeFamily(f, { young: ['Tyler', 'Marsh'], carers: [['Dawn Marsh', 'Mother']] });
    const b = await makeFamily(f, { young: ['Kian', 'Osei'], carers: [['Grace Osei', 'Grandmother']] });
    const run = await makeRun(f);
    await f.ok('safeHomeEnrolment:create', {
      runId: run.id,
      enrolment: {
        caseId: a.caseId,
        personId: a.carerIds[0],
        enrolledOn: '2026-05-20',
        confidenceBefore: 3,
        goals: [{ description: 'Feel able to talk with Tyler about what happened.', baselineRating: 2 }],
      },
    });
    const view = await f.ok<RunView>('safeHomeEnrolment:create', {
      runId: run.id,
      enrolment: {
        caseId: b.caseId,
        personId: b.carerIds[0],
        enrolledOn: '2026-05-20',
        goals: [{ description: 'Sleep.' }],
      },
    });
    const dawn = view.enrolments.find((e) => e.caseId === a.caseId);
    const grace = view.enrolments.find((e) => e.caseId === b.caseId);
    const goal = dawn?.progress.goals[0];
    const foreign = await f.refusal('safeHomeEnrolment:rate', {
      enrolmentId: dawn?.id,
      expectedVersion: dawn?.version,
      outcome: { goalRatings: [{ goalId: grace?.progress.goals[0]?.id, rating: 5 }] },
    });
    expect(foreign.message).toBe('A goal rating names a goal that is not this carer’s.');
    const rated = await f.ok<RunView>('safeHomeEnrolment:rate', {
      enrolmentId: dawn?.id,
      expectedVersion: dawn?.version,
      outcome: {
        confidenceBefore: 3,
        confidenceAfter: 8,
        knowledgeAfter: 7,
        goalRatings: [{ goalId: goal?.id, rating: 6 }],
      },
    });
    expect(rated.enrolments.find((e) => e.id === dawn?.id)?.progress).toMatchObject({
      confidenceBefore: 3,
      confidenceAfter: 8,
      knowledgeBefore: null,
      knowledgeAfter: 7,
      goals: [
        { id: goal?.id, description: 'Feel able to talk with Tyler about what happened.', baseline: 2, latest: 6 },
      ],
    });
  });

  it('keeps an enrolled carer on the People tab', async () => {
    const a = await makeFamily(f, { young: ['Tyler', 'Marsh'], carers: [['Dawn Marsh', 'Mother']] });
    const run = await makeRun(f);
    await enrol(f, run.id, a);
    const refused = await f.refusal('person:remove', { personId: a.carerIds[0] });
    expect(refused).toEqual({
      code: 'INVALID_INPUT',
      message:
        'Dawn Marsh is enrolled in a Safe Home run, so they stay on the People tab. Withdraw them from the run instead.',
    });
  });
});
