/**
 * A run's life and its records: safety-plan versions numbered by date and reviewed in a held
 * session of their run; a finished run refusing writes until reopened with a reason; the audit
 * rows of reads and writes; and the router's validation of bad input.
 */
import { describe, expect, it } from 'vitest';
import type { RunView, SafetyPlanVersionView } from '../../../../preload/contract/safe-home-records';
import { enrol, makeFamily, makeRun, safeHomeCore, takeRegister, type ShFixture } from './fixture';

const f = safeHomeCore();

function audits(fx: ShFixture, where: string): { action: string; case_id: string | null; detail: string }[] {
  return fx.vault().db.prepare(`SELECT action, case_id, detail FROM audit_log WHERE ${where} ORDER BY seq`).all() as {
    action: string;
    case_id: string | null;
    detail: string;
  }[];
}

describe('Safe Home safety plans', () => {
  it('numbers versions per family per run in date order, each reviewed in a held session of the run', async () => {
    const a = await makeFamily(f, { young: ['Tyler', 'Marsh'], carers: [['Dawn Marsh', 'Mother']] });
    const run = await makeRun(f);
    const other = await makeRun(f, { title: 'Autumn group' });
    let view = await enrol(f, run.id, a);
    view = await takeRegister(f, view, 1);
    const add = (versionDate: string, content: string) =>
      f.ok<SafetyPlanVersionView>('safeHomeSafetyPlan:addVersion', {
        runId: run.id,
        plan: { caseId: a.caseId, versionDate, content },
      });
    await add('2026-06-20', 'Second draft.');
    const first = await add('2026-06-01', 'First draft.');
    expect(first.versionNo).toBe(1);
    const later = await add('2026-06-25', 'Third.');
    expect(later.versionNo).toBe(3);

    const unheld = await f.refusal('safeHomeSafetyPlan:markReviewed', {
      versionId: later.id,
      expectedVersion: later.version,
      sessionId: view.sessions[5]?.id,
    });
    expect(unheld.message).toMatch(/^Session 6 \(06\/07\/2026\) has not been held yet/);
    const before = await f.refusal('safeHomeSafetyPlan:markReviewed', {
      versionId: later.id,
      expectedVersion: later.version,
      sessionId: view.sessions[0]?.id,
    });
    expect(before.message).toBe('Session 1 (01/06/2026) is before this version of the plan (25/06/2026).');
    const otherRun = await f.refusal('safeHomeSafetyPlan:markReviewed', {
      versionId: first.id,
      expectedVersion: first.version,
      sessionId: other.sessions[0]?.id,
    });
    expect(otherRun.message).toMatch(/session of its own run/);
    const reviewed = await f.ok<SafetyPlanVersionView>('safeHomeSafetyPlan:markReviewed', {
      versionId: first.id,
      expectedVersion: first.version,
      sessionId: view.sessions[0]?.id,
    });
    expect(reviewed.reviewedIn).toEqual({ sessionId: view.sessions[0]?.id, seq: 1, sessionDate: '2026-06-01' });
    const stale = await f.refusal('safeHomeSafetyPlan:markReviewed', {
      versionId: first.id,
      expectedVersion: first.version,
      sessionId: view.sessions[0]?.id,
    });
    expect(stale.code).toBe('CONFLICT');

    const stranger = await makeFamily(f, { young: ['Kian', 'Osei'], carers: [['Grace Osei', 'Grandmother']] });
    const notEnrolled = await f.refusal('safeHomeSafetyPlan:addVersion', {
      runId: run.id,
      plan: { caseId: stranger.caseId, versionDate: '2026-06-20', content: 'Plan.' },
    });
    expect(notEnrolled.message).toBe('No carer of this case is enrolled in the run. Enrol a carer first.');
  });
});

describe('Safe Home finished runs', () => {
  it('refuses every write to a finished run, and reopening it needs a reason, audited', async () => {
    const a = await makeFamily(f, {
      young: ['Tyler', 'Marsh'],
      carers: [
        ['Dawn Marsh', 'Mother'],
        ['Craig Marsh', 'Father'],
      ],
    });
    const plan = Array.from({ length: 12 }, (_, i) => ({
      sessionDate: `2026-08-${String(10 + i).padStart(2, '0')}`,
      themeIds: [],
    }));
    const run = await makeRun(f, { plannedSessions: 12, startDate: '2026-08-10', sessions: plan });
    let view = await enrol(f, run.id, a);
    const early = await f.refusal('safeHomeRun:close', {
      runId: run.id,
      expectedVersion: view.version,
      closedOn: '2026-08-11',
    });
    expect(early.message).toBe(
      'Sessions 1 (10/08/2026), 2 (11/08/2026) have no register. Take it, or take the session out of the plan, before finishing the run.',
    );
    view = await takeRegister(f, view, 1);
    view = await f.ok<RunView>('safeHomeRun:close', {
      runId: run.id,
      expectedVersion: view.version,
      closedOn: '2026-08-10',
    });
    const e = view.enrolments[0];
    const finished = /finished on 10\/08\/2026, so it cannot be changed\. Reopen the run/;
    const writes: [string, unknown][] = [
      [
        'safeHomeEnrolment:create',
        { runId: run.id, enrolment: { caseId: a.caseId, personId: a.carerIds[1], enrolledOn: '2026-08-01' } },
      ],
      [
        'safeHomeSession:takeRegister',
        {
          sessionId: view.sessions[0]?.id,
          expectedVersion: view.sessions[0]?.version,
          register: { entries: [{ enrolmentId: e?.id, state: 'attended' }] },
        },
      ],
      [
        'safeHomeSession:addCatchUp',
        {
          runId: run.id,
          catchUp: { forSessionId: view.sessions[0]?.id, sessionDate: '2026-08-12', enrolmentIds: [e?.id] },
        },
      ],
      ['safeHomeEnrolment:rate', { enrolmentId: e?.id, expectedVersion: e?.version, outcome: { confidenceAfter: 7 } }],
      [
        'safeHomeEnrolment:withdraw',
        { enrolmentId: e?.id, expectedVersion: e?.version, withdrawal: { withdrawnOn: '2026-08-10', reason: 'other' } },
      ],
      [
        'safeHomeSafetyPlan:addVersion',
        { runId: run.id, plan: { caseId: a.caseId, versionDate: '2026-08-10', content: 'Plan.' } },
      ],
      [
        'safeHomeRun:update',
        {
          runId: run.id,
          expectedVersion: view.version,
          run: {
            title: 'Renamed',
            delivery: 'group',
            facilitatorIds: [f.adminId()],
            startDate: '2026-08-10',
            plannedSessions: 12,
            venue: 'Hall',
          },
        },
      ],
      ['safeHomeRun:close', { runId: run.id, expectedVersion: view.version, closedOn: '2026-08-10' }],
    ];
    for (const [channel, input] of writes) {
      const refused = await f.refusal(channel, input);
      expect(refused.message, channel).toMatch(finished);
    }
    const noReason = await f.refusal('safeHomeRun:reopen', {
      runId: run.id,
      expectedVersion: view.version,
      reason: '  ',
    });
    expect(noReason.message).toMatch(/Say why the run is reopened/);
    view = await f.ok<RunView>('safeHomeRun:reopen', {
      runId: run.id,
      expectedVersion: view.version,
      reason: 'Session 1 register to correct.',
    });
    expect(view.status).toBe('in_progress');
    const row = audits(f, `action = 'safeHomeRun.reopen'`);
    expect(row).toHaveLength(1);
    expect(row[0]?.case_id).toBe(a.caseId);
    expect(JSON.parse(row[0]?.detail ?? '{}')).toEqual({
      runId: run.id,
      reason: 'Session 1 register to correct.',
      wasClosedOn: '2026-08-10',
    });
  });
});

describe('Safe Home audit', () => {
  it('audits a run read as case.read of each enrolled case, a case read of that case, and writes naming run and cases', async () => {
    const a = await makeFamily(f, { young: ['Tyler', 'Marsh'], carers: [['Dawn Marsh', 'Mother']] });
    const b = await makeFamily(f, { young: ['Kian', 'Osei'], carers: [['Grace Osei', 'Grandmother']] });
    const run = await makeRun(f);
    await enrol(f, run.id, a);
    const view = await enrol(f, run.id, b);
    await takeRegister(f, view, 1);
    const creates = audits(f, `action = 'safeHomeEnrolment.create'`);
    expect(creates.map((r) => r.case_id)).toEqual([a.caseId, b.caseId]);
    expect(creates.every((r) => JSON.parse(r.detail).runId === run.id)).toBe(true);
    const register = audits(f, `action = 'safeHomeSession.takeRegister'`);
    expect(register.map((r) => r.case_id).sort()).toEqual([a.caseId, b.caseId].sort());
    expect(JSON.parse(register[0]?.detail ?? '{}')).toMatchObject({ runId: run.id, seq: 1 });

    const seq = (f.vault().db.prepare('SELECT max(seq) AS s FROM audit_log').get() as { s: number }).s;
    await f.ok('safeHomeRun:get', { runId: run.id });
    const reads = audits(f, `seq > ${seq} AND action = 'case.read'`);
    expect(reads.map((r) => r.case_id).sort()).toEqual([a.caseId, b.caseId].sort());
    expect(reads.every((r) => JSON.parse(r.detail).view === 'safe_home_run')).toBe(true);

    const seq2 = (f.vault().db.prepare('SELECT max(seq) AS s FROM audit_log').get() as { s: number }).s;
    await f.ok('safeHomeCase:get', { caseId: a.caseId });
    expect(audits(f, `seq > ${seq2}`)).toEqual([
      { action: 'case.read', case_id: a.caseId, detail: JSON.stringify({ view: 'safe_home' }) },
    ]);
  });
});

describe('Safe Home router validation', () => {
  it('returns the contract’s messages for bad input, and nothing is written', async () => {
    const bad: [string, unknown, RegExp][] = [
      [
        'safeHomeRun:create',
        {
          run: {
            title: 'Group',
            delivery: 'group',
            facilitatorIds: [f.adminId()],
            startDate: '2026-06-01',
            venue: 'Hall',
            plannedSessions: 16,
          },
        },
        /The programme has 12 to 15 sessions/,
      ],
      [
        'safeHomeRun:create',
        { run: { title: ' ', delivery: 'group', facilitatorIds: [], startDate: '2026-06-01', venue: 'Hall' } },
        /Give the run a title/,
      ],
      [
        'safeHomeEnrolment:rate',
        { enrolmentId: '3f1c2a8e-1111-4111-8111-111111111111', expectedVersion: 1, outcome: { confidenceAfter: 11 } },
        /A rating is a whole number from 0 to 10/,
      ],
      [
        'safeHomeSession:takeRegister',
        {
          sessionId: '3f1c2a8e-1111-4111-8111-111111111111',
          expectedVersion: 1,
          register: { entries: [{ enrolmentId: '3f1c2a8e-2222-4222-8222-222222222222', state: 'apologies' }] },
        },
        /Say when the apologies were sent/,
      ],
      ['safeHomeRule:update', { rule: { minAttendancePercent: 0, requireSafetyPlanSession: true } }, /at least 1 %/],
    ];
    for (const [channel, input, message] of bad) {
      const refused = await f.refusal(channel, input);
      expect(refused.code, channel).toBe('INVALID_INPUT');
      expect(refused.message, channel).toMatch(message);
    }
    const runs = (f.vault().db.prepare('SELECT count(*) AS n FROM safe_home_runs').get() as { n: number }).n;
    expect(runs).toBe(0);
  });
});
