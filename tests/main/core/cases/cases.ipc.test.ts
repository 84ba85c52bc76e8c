import { describe, expect, it } from 'vitest';
import { coreForEachTest } from '../core-fixture';
import { referral } from './fixtures';

const fx = coreForEachTest('ncats-cases-ipc-');

describe('case channels through the router', () => {
  it('refuses a malformed referral before any handler runs, naming the field', async () => {
    const bad = await fx.core.router('case:create', { ...referral(), referralDate: '31/02/2025' });
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringMatching(/^referralDate: /) },
    });
    const extra = await fx.core.router('case:create', { ...referral(), sneaky: true });
    expect(extra).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const count = fx.core.manager.current().db.prepare('SELECT count(*) AS n FROM cases').get();
    expect(count).toEqual({ n: 0 });
  });

  it('returns rule violations as INVALID_INPUT with a clear message', async () => {
    const old = await fx.core.router('case:create', referral({}, { dateOfBirth: '1990-01-01' }));
    expect(old).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('up to 21') },
    });
  });

  it('creates, reads and lists a case; the access log is for administrators only', async () => {
    const created = await fx.core.router('case:create', referral());
    if (!created.ok) throw new Error(created.error.message);
    const { id } = created.value as { id: string };
    expect(await fx.core.router('case:get', { caseId: id })).toMatchObject({
      ok: true,
      value: { reference: 'NC-2025-0001' },
    });
    expect(await fx.core.router('caseload:list', { search: 'hug' })).toMatchObject({ ok: true, value: { total: 1 } });
    const log = await fx.core.router('case:accessLog', { caseId: id });
    expect(log).toMatchObject({ ok: true, value: { items: [{ action: 'case.read' }, { action: 'case.create' }] } });

    await fx.core.router('user:create', {
      username: 'reader',
      displayName: 'Rita Reader',
      password: 'a long enough password',
      role: 'read-only',
    });
    await fx.core.manager.unlock('reader', 'a long enough password');
    expect(await fx.core.router('case:accessLog', { caseId: id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(
      await fx.core.router('note:create', {
        caseId: id,
        note: { occurredAt: '2025-01-01T10:00:00Z', type: 'case_note', text: 'x' },
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await fx.core.router('case:get', { caseId: id })).toMatchObject({ ok: true });
  });

  it('lists the configured paperwork checklist', async () => {
    const types = await fx.core.router('paperwork:listTypes', {});
    expect(types).toMatchObject({ ok: true });
    const names = (types.ok ? (types.value as { name: string; required: boolean }[]) : []).map(
      (t) => `${t.name}${t.required ? '*' : ''}`,
    );
    expect(names).toEqual([
      'Referral form*',
      'Chronology*',
      'Police disclosure*',
      'School report*',
      'Social care assessment*',
      'Health / CAMHS report',
    ]);
  });
});
