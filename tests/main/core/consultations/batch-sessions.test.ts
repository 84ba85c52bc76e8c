/**
 * Editing and removing batch sessions through the router on a real encrypted vault: a linked
 * case's chronology line follows the edit (its date; gone when the case is no longer listed), a
 * removed session leaves no line, the rules of recording hold for an edit, `expectedVersion`,
 * the audit rows (the session's, and one against each linked case touched), the router's
 * validation and who may do it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AgreementDetail, ChronologyPage, SessionView } from '../../../../preload/contract';
import { tempDirs } from '../temp-vault';
import { laptop, makeCase, type Laptop } from '../bundles/app-fixtures';

const dirs = tempDirs('ncats-batch-sessions-');
let l: Laptop;
let first: { id: string; reference: string };
let second: { id: string; reference: string };
let agreement: AgreementDetail;

beforeEach(async () => {
  l = await laptop(dirs.make(), 'ada', 'Ada Admin');
  first = await makeCase(l, 'Hughes');
  second = await makeCase(l, 'Otherchild');
  agreement = await l.call<AgreementDetail>('batch:createAgreement', {
    agreement: { organisation: 'Leeds Youth Justice', frequency: 'Monthly', startDate: '2026-01-01' },
  });
});
afterEach(() => {
  l.core.manager.dispose();
  dirs.cleanup();
});

const session = (extra: Record<string, unknown> = {}) => ({
  sessionDate: '2026-02-10',
  attendees: 'Case managers',
  themes: 'Online harm',
  reflectiveNotes: 'A hard month for the team.',
  advice: 'Keep supervision at home.',
  discussedCases: [
    { caseId: first.id, discussion: 'Supervision update.' },
    { anonymousRef: 'Child K (Year 9)', discussion: 'Advice on school.' },
  ],
  ...extra,
});

async function addSession(): Promise<SessionView> {
  const d = await l.call<AgreementDetail>('batch:addSession', { agreementId: agreement.id, session: session() });
  return d.sessions[0] as SessionView;
}

function update(s: SessionView, extra: Record<string, unknown>, expectedVersion = s.version) {
  return l.raw('batch:updateSession', { sessionId: s.id, expectedVersion, session: session(extra) });
}

function remove(s: SessionView, reason = 'The session was cancelled.', expectedVersion = s.version) {
  return l.raw('batch:removeSession', { sessionId: s.id, expectedVersion, reason });
}

async function batchLines(caseId: string): Promise<{ at: string; entityId: string; summary: string }[]> {
  const page = await l.call<ChronologyPage>('chronology:get', { caseId, limit: 50, offset: 0 });
  return page.items
    .filter((e) => e.kind === 'batch_discussed')
    .map((e) => ({ at: e.at, entityId: e.entityId, summary: e.summary }));
}

function auditRows(action: string): { case_id: string | null; detail: string }[] {
  return l.core.manager
    .current()
    .db.prepare('SELECT case_id, detail FROM audit_log WHERE action = ? ORDER BY seq')
    .all(action) as { case_id: string | null; detail: string }[];
}

describe('editing a batch session', () => {
  it('changes its content, and the linked case’s chronology line follows the new date', async () => {
    const s = await addSession();
    const [line] = await batchLines(first.id);
    expect(line).toMatchObject({
      at: '2026-02-10',
      summary: 'Discussed in a batch consultation with Leeds Youth Justice',
    });

    const edited = await update(s, { sessionDate: '2026-02-12', themes: 'Online harm; school exclusion' });
    expect(edited.ok).toBe(true);
    const after = (edited.ok && (edited.value as AgreementDetail).sessions[0]) as SessionView;
    expect(after).toMatchObject({ version: 2, sessionDate: '2026-02-12', themes: 'Online harm; school exclusion' });
    expect(after.discussedCases.map((d) => d.label)).toEqual([first.reference, 'Child K (Year 9)']);
    // The same line, moved to the new date.
    expect(await batchLines(first.id)).toEqual([{ ...line, at: '2026-02-12' }]);

    const [row] = auditRows('batch.session_update');
    expect(JSON.parse(row?.detail ?? '{}')).toEqual({ agreementId: agreement.id, fields: ['sessionDate', 'themes'] });
    const onCase = auditRows('case.discussed').filter((r) => r.case_id === first.id);
    expect(onCase.map((r) => (JSON.parse(r.detail) as { change?: string }).change)).toEqual([undefined, 'updated']);
  });

  it('takes a case off the list (its line goes) and puts another on (its line comes), auditing each', async () => {
    const s = await addSession();
    const moved = await update(s, {
      discussedCases: [
        { caseId: second.id, discussion: 'Placement.' },
        { anonymousRef: 'Child K (Year 9)', discussion: 'Advice on school.' },
      ],
    });
    expect(moved.ok).toBe(true);
    expect(await batchLines(first.id)).toEqual([]);
    expect(await batchLines(second.id)).toHaveLength(1);
    const changes = auditRows('case.discussed')
      .slice(1)
      .map((r) => [r.case_id, (JSON.parse(r.detail) as { change: string }).change]);
    expect(changes).toEqual([
      [first.id, 'removed'],
      [second.id, 'added'],
    ]);
    const [row] = auditRows('batch.session_update');
    expect(JSON.parse(row?.detail ?? '{}')).toMatchObject({ fields: ['discussedCases'] });
    expect(row?.detail).not.toMatch(/Placement|Child K/);
  });

  it('refuses a date outside the agreement, a case listed twice and a stale version, and writes nothing', async () => {
    const s = await addSession();
    const early = await update(s, { sessionDate: '2025-12-01' });
    expect(early).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'The session date is outside the agreement’s start and end dates.' },
    });
    const twice = await update(s, {
      discussedCases: [
        { caseId: first.id, discussion: 'A' },
        { caseId: first.id, discussion: 'B' },
      ],
    });
    expect(!twice.ok && twice.error.message).toMatch(/listed twice/);
    expect(await update(s, { themes: 'First edit' })).toMatchObject({ ok: true });
    const stale = await update(s, { themes: 'Lost edit' });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(!stale.ok && stale.error.message).toMatch(/Someone changed this session/);
    const d = await l.call<AgreementDetail>('batch:getAgreement', { agreementId: agreement.id });
    expect(d.sessions[0]).toMatchObject({ version: 2, themes: 'First edit', sessionDate: '2026-02-10' });
    expect(auditRows('batch.session_update')).toHaveLength(1);
  });
});

describe('removing a batch session', () => {
  it('leaves no chronology line, and audits the reason, its date and each linked case', async () => {
    const s = await addSession();
    const removed = await remove(s, 'The session was cancelled.');
    expect(removed.ok && (removed.value as AgreementDetail).sessions).toEqual([]);
    expect(await batchLines(first.id)).toEqual([]);
    const [row] = auditRows('batch.session_remove');
    expect(JSON.parse(row?.detail ?? '{}')).toEqual({
      agreementId: agreement.id,
      reason: 'The session was cancelled.',
      sessionDate: '2026-02-10',
      casesDiscussed: 2,
      version: 1,
    });
    const onCase = auditRows('case.discussed').filter((r) => r.case_id === first.id);
    expect(JSON.parse(onCase[1]?.detail ?? '{}')).toEqual({ sessionId: s.id, change: 'removed' });
    const rows = l.core.manager.current().db.prepare('SELECT count(*) AS n FROM batch_session_cases').get() as {
      n: number;
    };
    expect(rows.n).toBe(0);
    const listed = await l.call<{ items: { sessionCount: number }[] }>('batch:listAgreements', {});
    expect(listed.items[0]?.sessionCount).toBe(0);
    expect(await remove(s)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('refuses a stale version and keeps the session', async () => {
    const s = await addSession();
    await update(s, { advice: 'Changed' });
    expect(await remove(s)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await batchLines(first.id)).toHaveLength(1);
  });
});

describe('the batch session channels', () => {
  it('refuse malformed input before any handler, saying why', async () => {
    const s = await addSession();
    const noReason = await remove(s, ' ');
    expect(noReason).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(!noReason.ok && noReason.error.message).toMatch(/Say why this session is being removed/);
    const both = await update(s, { discussedCases: [{ caseId: first.id, anonymousRef: 'X', discussion: '' }] });
    expect(!both.ok && both.error.message).toMatch(/either a case of the service or an anonymous reference/);
    const noVersion = await l.raw('batch:updateSession', { sessionId: s.id, session: session() });
    expect(noVersion).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(auditRows('batch.session_update')).toEqual([]);
  });

  it('are closed to read-only users', async () => {
    const s = await addSession();
    await l.call('user:create', {
      username: 'rita',
      displayName: 'Rita Reader',
      password: 'a long enough password',
      role: 'read-only',
    });
    await l.call('vault:lock', {});
    await l.call('vault:unlock', { username: 'rita', password: 'a long enough password' });
    expect(await update(s, { themes: 'x' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await remove(s)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
