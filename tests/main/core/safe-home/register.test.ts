/**
 * Runs, enrolment and the register through the router, on a real encrypted vault: who may be
 * enrolled, who is on a register, the group-note names check, stale versions, sessions after
 * today, and that a register is one transaction with its audit rows.
 */
import { describe, expect, it } from 'vitest';
import type { RunView, ThemeView } from '../../../../preload/contract/safe-home-records';
import { enrol, makeFamily, makeRun, safeHomeCore, takeRegister, type ShFixture } from './fixture';

const f = safeHomeCore();

async function twoFamilies(fx: ShFixture) {
  const a = await makeFamily(fx, {
    young: ['Tyler', 'Marsh'],
    carers: [
      ['Dawn Marsh', 'Mother'],
      ['Craig Marsh', 'Father'],
    ],
    siblings: ['Poppy Marsh'],
  });
  const b = await makeFamily(fx, { young: ['Kian', 'Osei'], carers: [['Grace Osei', 'Grandmother']] });
  return { a, b };
}

function count(fx: ShFixture, sql: string, ...params: unknown[]): number {
  return (
    fx
      .vault()
      .db.prepare(sql)
      .get(...params) as { n: number }
  ).n;
}

describe('Safe Home runs and enrolment', () => {
  it('lays out 13 weekly sessions from the start date when no plan is given, and the run is planned', async () => {
    const run = await makeRun(f);
    expect(run.plannedSessions).toBe(13);
    expect(run.status).toBe('planned');
    expect(run.sessions.map((s) => s.sessionDate).slice(0, 3)).toEqual(['2026-06-01', '2026-06-08', '2026-06-15']);
    expect(run.sessions.map((s) => s.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    const themes = await f.ok<ThemeView[]>('safeHomeTheme:list', {});
    expect(themes).toHaveLength(8);
  });

  it('enrols parents and carers only, once per run, and a family run takes one family', async () => {
    const { a, b } = await twoFamilies(f);
    const pro = await f.ok<{ id: string }>('person:add', {
      caseId: a.caseId,
      person: { kind: 'professional', name: 'Priya Shah', role: 'social_worker', agency: 'Leeds' },
    });
    const run = await makeRun(f);
    const asPro = await f.refusal('safeHomeEnrolment:create', {
      runId: run.id,
      enrolment: { caseId: a.caseId, personId: pro.id, enrolledOn: '2026-05-20' },
    });
    expect(asPro.message).toMatch(/not recorded as a parent or carer/);
    const wrongCase = await f.refusal('safeHomeEnrolment:create', {
      runId: run.id,
      enrolment: { caseId: b.caseId, personId: a.carerIds[0], enrolledOn: '2026-05-20' },
    });
    expect(wrongCase.message).toMatch(/not on case .* People tab/);
    await enrol(f, run.id, a);
    const twice = await f.refusal('safeHomeEnrolment:create', {
      runId: run.id,
      enrolment: { caseId: a.caseId, personId: a.carerIds[0], enrolledOn: '2026-05-20' },
    });
    expect(twice.message).toBe('Dawn Marsh is already enrolled in this run.');

    const familyRun = await makeRun(f, { delivery: 'family', title: 'Family run' });
    await enrol(f, familyRun.id, a, 0);
    await enrol(f, familyRun.id, a, 1);
    const other = await f.refusal('safeHomeEnrolment:create', {
      runId: familyRun.id,
      enrolment: { caseId: b.caseId, personId: b.carerIds[0], enrolledOn: '2026-05-20' },
    });
    expect(other.message).toMatch(/for one family/);
  });

  it('refuses an enrolment from a case whose run title names one of its people', async () => {
    const { a } = await twoFamilies(f);
    const run = await makeRun(f, { title: 'Marsh and friends' });
    const refused = await f.refusal('safeHomeEnrolment:create', {
      runId: run.id,
      enrolment: { caseId: a.caseId, personId: a.carerIds[0], enrolledOn: '2026-05-20' },
    });
    expect(refused.code).toBe('INVALID_INPUT');
    expect(refused.message).toContain('“Marsh”');
  });
});

describe('Safe Home register', () => {
  it('marks every expected carer, refuses anyone else, and holds the session', async () => {
    const { a, b } = await twoFamilies(f);
    const run = await makeRun(f);
    const other = await makeRun(f, { title: 'Autumn group' });
    await enrol(f, run.id, a);
    const withB = await enrol(f, run.id, b);
    const strangerRun = await enrol(f, other.id, b);
    const session = withB.sessions[0];
    if (!session) throw new Error('no session');
    const stranger = strangerRun.enrolments[0]?.id;
    const notInRun = await f.refusal('safeHomeSession:takeRegister', {
      sessionId: session.id,
      expectedVersion: session.version,
      register: { entries: [{ enrolmentId: stranger, state: 'attended' }] },
    });
    expect(notInRun.message).toBe('The register names a carer who is not enrolled in this run.');
    const partial = await f.refusal('safeHomeSession:takeRegister', {
      sessionId: session.id,
      expectedVersion: session.version,
      register: {
        entries: [{ enrolmentId: withB.enrolments.find((e) => e.caseId === a.caseId)?.id, state: 'attended' }],
      },
    });
    expect(partial.message).toBe('Mark every carer on the register: Grace Osei is not marked.');

    const held = await takeRegister(f, withB, 1);
    expect(held.status).toBe('in_progress');
    expect(held.register).toHaveLength(2);
    expect(held.sessions[0]?.registerTakenAt).not.toBeNull();
  });

  it('refuses a register for a session after today', async () => {
    const { a } = await twoFamilies(f);
    const plan = Array.from({ length: 13 }, (_, i) => ({
      sessionDate: i < 12 ? `2026-06-${String(i + 1).padStart(2, '0')}` : '2026-09-02',
      themeIds: [],
    }));
    const run = await makeRun(f, { sessions: plan });
    const enrolled = await enrol(f, run.id, a);
    const refused = await f.refusal('safeHomeSession:takeRegister', {
      sessionId: enrolled.sessions[12]?.id,
      expectedVersion: 1,
      register: { entries: [{ enrolmentId: enrolled.enrolments[0]?.id, state: 'attended' }] },
    });
    expect(refused.code).toBe('INVALID_INPUT');
    expect(refused.message).toBe('Session 13 is on 02/09/2026, after today: take its register on the day or after.');
  });

  it('refuses a group note naming anyone of any enrolled family, naming the words, and writes nothing', async () => {
    const { a, b } = await twoFamilies(f);
    const run = await makeRun(f);
    await enrol(f, run.id, a);
    const full = await enrol(f, run.id, b);
    const audits = count(f, 'SELECT count(*) AS n FROM audit_log');
    for (const [note, words] of [
      ['Kian’s grandmother talked about bedtimes.', '“Kian”'],
      ['The group heard from Dawn Marsh about school.', '“Dawn Marsh”'],
      ['Poppy came up in the discussion.', '“Poppy”'],
    ] as const) {
      const session = full.sessions[0];
      const refused = await f.refusal('safeHomeSession:takeRegister', {
        sessionId: session?.id,
        expectedVersion: session?.version,
        register: {
          entries: full.enrolments.map((e) => ({ enrolmentId: e.id, state: 'attended' })),
          groupNote: note,
        },
      });
      expect(refused.code).toBe('INVALID_INPUT');
      expect(refused.message).toContain(words);
      expect(refused.message).toMatch(/move anything about one family into that carer’s own note/);
    }
    expect(count(f, 'SELECT count(*) AS n FROM safe_home_register')).toBe(0);
    expect(count(f, 'SELECT count(*) AS n FROM safe_home_group_notes')).toBe(0);
    expect(count(f, 'SELECT count(*) AS n FROM audit_log')).toBe(audits);
  });

  it('refuses a carer’s own note that names another family, but not their own', async () => {
    const { a, b } = await twoFamilies(f);
    const run = await makeRun(f);
    await enrol(f, run.id, a);
    const full = await enrol(f, run.id, b);
    const dawn = full.enrolments.find((e) => e.caseId === a.caseId)?.id ?? '';
    const refused = await f.refusal('safeHomeSession:takeRegister', {
      sessionId: full.sessions[0]?.id,
      expectedVersion: 1,
      register: {
        entries: full.enrolments.map((e) => ({
          enrolmentId: e.id,
          state: 'attended',
          carerNote: e.id === dawn ? 'Dawn spoke with Grace after the session.' : '',
        })),
      },
    });
    expect(refused.message).toContain('“Grace”');
    const own = await takeRegister(f, full, 1, { [dawn]: { state: 'attended', carerNote: 'Dawn spoke about Tyler.' } });
    expect(own.register.find((c) => c.enrolmentId === dawn)?.carerNote).toBe('Dawn spoke about Tyler.');
  });

  it('is a CONFLICT on a stale version, and a correction keeps one entry per carer', async () => {
    const { a } = await twoFamilies(f);
    const run = await makeRun(f);
    const enrolled = await enrol(f, run.id, a);
    const first = await takeRegister(f, enrolled, 1, {}, 'We talked about routines at home.');
    const stale = await f.refusal('safeHomeSession:takeRegister', {
      sessionId: enrolled.sessions[0]?.id,
      expectedVersion: enrolled.sessions[0]?.version,
      register: { entries: [{ enrolmentId: enrolled.enrolments[0]?.id, state: 'did_not_attend', reason: 'Unwell' }] },
    });
    expect(stale.code).toBe('CONFLICT');
    const corrected = await takeRegister(f, first, 1, {
      [first.enrolments[0]?.id ?? '']: { state: 'did_not_attend', reason: 'Unwell' },
    });
    expect(corrected.register).toEqual([
      expect.objectContaining({ enrolmentId: first.enrolments[0]?.id, state: 'did_not_attend', reason: 'Unwell' }),
    ]);
    const actions = f
      .vault()
      .db.prepare(`SELECT action FROM audit_log WHERE action LIKE 'safeHomeSession.%' ORDER BY seq`)
      .all() as { action: string }[];
    expect(actions.map((r) => r.action)).toEqual(['safeHomeSession.takeRegister', 'safeHomeSession.correctRegister']);
  });

  it('writes entries, group note, covered themes and audit in one transaction: a failing note keeps none', async () => {
    const { a } = await twoFamilies(f);
    const run = await makeRun(f);
    const enrolled = await enrol(f, run.id, a);
    const themes = await f.ok<ThemeView[]>('safeHomeTheme:list', {});
    f.vault()
      .db.prepare(
        `CREATE TEMP TRIGGER fail_note BEFORE INSERT ON safe_home_group_notes BEGIN SELECT RAISE(ABORT, 'forced note failure'); END`,
      )
      .run();
    const audits = count(f, 'SELECT count(*) AS n FROM audit_log');
    const result = await f.core().router('safeHomeSession:takeRegister', {
      sessionId: enrolled.sessions[0]?.id,
      expectedVersion: 1,
      register: {
        entries: [{ enrolmentId: enrolled.enrolments[0]?.id, state: 'attended' }],
        groupNote: 'A calm first session.',
        themeIdsCovered: [themes[0]?.id],
      },
    });
    expect(result.ok).toBe(false);
    expect(count(f, 'SELECT count(*) AS n FROM safe_home_register')).toBe(0);
    expect(count(f, 'SELECT count(*) AS n FROM safe_home_sessions WHERE register_taken_at IS NOT NULL')).toBe(0);
    expect(count(f, 'SELECT count(*) AS n FROM safe_home_sessions WHERE covered_theme_ids IS NOT NULL')).toBe(0);
    expect(count(f, 'SELECT count(*) AS n FROM audit_log')).toBe(audits);
  });

  it('marks a withdrawn carer withdrawn from their withdrawal on, and refuses another state for them', async () => {
    const { a } = await twoFamilies(f);
    const run = await makeRun(f);
    await enrol(f, run.id, a, 0);
    let view = await enrol(f, run.id, a, 1);
    view = await takeRegister(f, view, 1);
    view = await takeRegister(f, view, 2);
    const craig = view.enrolments.find((e) => e.carerName === 'Craig Marsh');
    if (!craig) throw new Error('no Craig');
    view = await f.ok<RunView>('safeHomeEnrolment:withdraw', {
      enrolmentId: craig.id,
      expectedVersion: craig.version,
      withdrawal: { withdrawnOn: '2026-06-10', reason: 'practical', detail: '' },
    });
    const s3 = view.sessions[2];
    const refused = await f.refusal('safeHomeSession:takeRegister', {
      sessionId: s3?.id,
      expectedVersion: s3?.version,
      register: {
        entries: view.enrolments.map((e) => ({ enrolmentId: e.id, state: 'attended' })),
      },
    });
    expect(refused.message).toBe('Craig Marsh withdrew on 10/06/2026, so is marked withdrawn from then on.');
    view = await takeRegister(f, view, 3);
    const craigCells = view.register.filter((c) => c.enrolmentId === craig.id);
    expect(craigCells.map((c) => [view.sessions.find((s) => s.id === c.sessionId)?.seq, c.state])).toEqual([
      [1, 'attended'],
      [2, 'attended'],
      [3, 'withdrawn'],
    ]);
    expect(view.enrolments.find((e) => e.id === craig.id)?.progress.completion).toBe('withdrawn');
  });

  it('withdraws a carer marked withdrawn in the register, from the session’s date', async () => {
    const { a } = await twoFamilies(f);
    const run = await makeRun(f);
    let view = await enrol(f, run.id, a);
    const dawn = view.enrolments[0]?.id ?? '';
    view = await takeRegister(f, view, 1, { [dawn]: { state: 'withdrawn', reason: 'Moving to Scotland' } });
    expect(view.enrolments[0]?.withdrawal).toEqual({
      withdrawnOn: '2026-06-01',
      reason: 'other',
      detail: 'Moving to Scotland',
    });
    // Left off the next register, a withdrawn carer is filled in as withdrawn; a register needs one entry.
    view = await f.ok<RunView>('safeHomeSession:takeRegister', {
      sessionId: view.sessions[1]?.id,
      expectedVersion: view.sessions[1]?.version,
      register: { entries: [{ enrolmentId: dawn, state: 'withdrawn', reason: 'Moved' }] },
    });
    expect(view.register.map((c) => c.state)).toEqual(['withdrawn', 'withdrawn']);
  });
});
