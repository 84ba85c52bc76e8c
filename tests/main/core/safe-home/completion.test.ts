/**
 * Completion by the rule in the settings: 75 % of the planned sessions and the safety-plan
 * session by default; changing the rule changes everyone's completion (the run overview, a
 * case's journey, the service view and list alike); catch-ups cover themes but are not sessions.
 */
import { describe, expect, it } from 'vitest';
import type {
  CaseSafeHomeView,
  CompletionRule,
  RunListItem,
  RunView,
  SafeHomeServiceView,
  ThemeView,
} from '../../../../preload/contract/safe-home-records';
import type { Page } from '../../../../preload/contract/paging';
import { enrol, makeFamily, makeRun, safeHomeCore, takeRegister, type ShFixture } from './fixture';

const f = safeHomeCore();

/** 13 weekly sessions from 01/06/2026; session 12 covers the safety plan. */
async function runWithSafetyPlanSession(fx: ShFixture): Promise<{ run: RunView; safetyTheme: ThemeView }> {
  const themes = await fx.ok<ThemeView[]>('safeHomeTheme:list', {});
  const safetyTheme = themes.find((t) => t.key === 'safety_plan');
  if (!safetyTheme) throw new Error('no safety-plan theme');
  const sessions = Array.from({ length: 13 }, (_, i) => ({
    sessionDate: new Date(Date.UTC(2026, 5, 1 + 7 * i)).toISOString().slice(0, 10),
    themeIds: i === 11 ? [safetyTheme.id] : [themes[i % 7]?.id ?? ''],
  }));
  return { run: await makeRun(fx, { sessions }), safetyTheme };
}

describe('Safe Home completion', () => {
  it('completes at 75 % with the safety-plan session; the rule change reaches every view', async () => {
    const a = await makeFamily(f, { young: ['Tyler', 'Marsh'], carers: [['Dawn Marsh', 'Mother']] });
    const b = await makeFamily(f, { young: ['Kian', 'Osei'], carers: [['Grace Osei', 'Grandmother']] });
    const { run } = await runWithSafetyPlanSession(f);
    await enrol(f, run.id, a);
    let view = await enrol(f, run.id, b);
    const dawn = view.enrolments.find((e) => e.caseId === a.caseId)?.id ?? '';
    const grace = view.enrolments.find((e) => e.caseId === b.caseId)?.id ?? '';
    const dna = { state: 'did_not_attend', reason: 'No contact' };
    for (let seq = 1; seq <= 13; seq++) {
      const states: Record<string, typeof dna> = {};
      // Dawn misses 1, 2 and 3: 10 of 13 (77 %) with session 12. Grace misses 11, 12 and 13: 10 of 13 without it.
      if (seq <= 3) states[dawn] = dna;
      if (seq >= 11) states[grace] = dna;
      view = await takeRegister(f, view, seq, states);
    }
    const progress = (v: RunView, id: string) => v.enrolments.find((e) => e.id === id)?.progress;
    expect(progress(view, dawn)).toMatchObject({
      sessionsAttended: 10,
      sessionsHeld: 13,
      attendedSafetyPlanSession: true,
      completion: 'completed',
      completionWords: 'Completed: 10 of 13 sessions (77 %) and the safety-plan session',
    });
    expect(progress(view, grace)).toMatchObject({ sessionsAttended: 10, completion: 'in_progress' });
    expect(progress(view, grace)?.themesMissed.map((t) => t.label)).toContain('The safety plan');

    view = await f.ok<RunView>('safeHomeRun:close', {
      runId: run.id,
      expectedVersion: view.version,
      closedOn: '2026-08-31',
    });
    expect(view.status).toBe('finished');
    expect(progress(view, grace)?.completion).toBe('not_completed');
    let summary = await f.ok<SafeHomeServiceView>('safeHomeRun:summary', {});
    expect(summary).toMatchObject({ runsFinished: 1, carersEnrolled: 2, carersCompleted: 1, completionRate: 0.5 });
    expect(summary.dropOutBySession).toEqual([{ seq: 10, carers: 1 }]);

    const rule: CompletionRule = { minAttendancePercent: 70, requireSafetyPlanSession: false };
    await f.ok('safeHomeRule:update', { rule });
    expect(await f.ok('safeHomeRule:get', {})).toEqual(rule);
    view = await f.ok<RunView>('safeHomeRun:get', { runId: run.id });
    expect(progress(view, grace)?.completion).toBe('completed');
    const ofB = await f.ok<CaseSafeHomeView>('safeHomeCase:get', { caseId: b.caseId });
    expect(ofB.journeys[0]?.progress.completion).toBe('completed');
    summary = await f.ok<SafeHomeServiceView>('safeHomeRun:summary', {});
    expect(summary).toMatchObject({ carersCompleted: 2, completionRate: 1, dropOutBySession: [] });
    const list = await f.ok<Page<RunListItem>>('safeHomeRun:list', { limit: 20, offset: 0 });
    expect(list.items[0]).toMatchObject({
      status: 'finished',
      carersCompleted: 2,
      sessionsHeld: 13,
      nextSessionDate: null,
    });
    const audit = f.vault().db.prepare(`SELECT detail FROM audit_log WHERE action = 'safeHomeRule.update'`).get() as {
      detail: string;
    };
    expect(JSON.parse(audit.detail)).toEqual({
      from: { minAttendancePercent: 75, requireSafetyPlanSession: true },
      to: rule,
    });
  });

  it('counts a catch-up for themes and the safety-plan session, never as a session attended', async () => {
    const a = await makeFamily(f, { young: ['Tyler', 'Marsh'], carers: [['Dawn Marsh', 'Mother']] });
    const { run } = await runWithSafetyPlanSession(f);
    let view = await enrol(f, run.id, a);
    const dawn = view.enrolments[0]?.id ?? '';
    for (let seq = 1; seq <= 12; seq++) {
      view = await takeRegister(
        f,
        view,
        seq,
        seq === 12 ? { [dawn]: { state: 'apologies', reason: 'Work', cancelledAt: '2026-08-16T09:00:00+01:00' } } : {},
      );
    }
    expect(view.enrolments[0]?.progress).toMatchObject({
      sessionsAttended: 11,
      attendedSafetyPlanSession: false,
      completion: 'in_progress',
    });
    view = await f.ok<RunView>('safeHomeSession:addCatchUp', {
      runId: run.id,
      catchUp: { forSessionId: view.sessions[11]?.id, sessionDate: '2026-08-20', enrolmentIds: [dawn] },
    });
    const cu = view.sessions.find((s) => s.kind === 'catch_up');
    expect(cu).toMatchObject({ seq: 12, forEnrolmentIds: [dawn] });
    view = await f.ok<RunView>('safeHomeSession:takeRegister', {
      sessionId: cu?.id,
      expectedVersion: cu?.version,
      register: { entries: [{ enrolmentId: dawn, state: 'attended' }] },
    });
    expect(view.enrolments[0]?.progress).toMatchObject({
      sessionsAttended: 11,
      catchUpsAttended: 1,
      attendedSafetyPlanSession: true,
      completion: 'completed',
    });
    const summary = await f.ok<SafeHomeServiceView>('safeHomeRun:summary', {});
    expect(summary.carersCompleted).toBe(1);
  });

  it('keeps the service view’s counts with the plan: moving the safety-plan theme changes completion there too', async () => {
    const a = await makeFamily(f, { young: ['Tyler', 'Marsh'], carers: [['Dawn Marsh', 'Mother']] });
    const { run, safetyTheme } = await runWithSafetyPlanSession(f);
    let view = await enrol(f, run.id, a);
    for (let seq = 1; seq <= 12; seq++) view = await takeRegister(f, view, seq);
    expect((await f.ok<SafeHomeServiceView>('safeHomeRun:summary', {})).carersCompleted).toBe(1);
    // The plan moves the safety plan to session 13, not yet held.
    const sessions = view.sessions.map((s) => ({
      id: s.id,
      sessionDate: s.sessionDate,
      themeIds: s.seq === 13 ? [safetyTheme.id] : [],
    }));
    view = await f.ok<RunView>('safeHomeRun:update', {
      runId: run.id,
      expectedVersion: view.version,
      run: {
        title: view.title,
        delivery: view.delivery,
        facilitatorIds: [f.adminId()],
        startDate: view.startDate,
        venue: view.venue,
        sessions,
      },
    });
    expect(view.enrolments[0]?.progress.completion).toBe('in_progress');
    const summary = await f.ok<SafeHomeServiceView>('safeHomeRun:summary', {});
    expect(summary.carersCompleted).toBe(0);
  });
});
