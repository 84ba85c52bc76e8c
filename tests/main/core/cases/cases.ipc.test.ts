import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../../main/core/core';
import { scryptParams } from '../../../../main/core/vault/kdf';
import { referral } from './fixtures';

let dir: string;
let core: Core;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ncats-cases-ipc-'));
  core = createCore(join(dir, 'vault'), { vault: { kdf: scryptParams(2 ** 14) } });
  await core.manager.create({ username: 'admin', displayName: 'Ada Admin', password: 'correct horse battery' });
});
afterEach(() => {
  core.manager.dispose();
  rmSync(dir, { recursive: true, force: true });
});

describe('case channels through the router', () => {
  it('refuses a malformed referral before any handler runs, naming the field', async () => {
    const bad = await core.router('case:create', { ...referral(), referralDate: '31/02/2025' });
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringMatching(/^referralDate: /) },
    });
    const extra = await core.router('case:create', { ...referral(), sneaky: true });
    expect(extra).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const count = core.manager.current().db.prepare('SELECT count(*) AS n FROM cases').get();
    expect(count).toEqual({ n: 0 });
  });

  it('returns rule violations as INVALID_INPUT with a clear message', async () => {
    const old = await core.router('case:create', referral({}, { dateOfBirth: '1990-01-01' }));
    expect(old).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('up to 21') },
    });
  });

  it('creates, reads and lists a case; the access log is for administrators only', async () => {
    const created = await core.router('case:create', referral());
    if (!created.ok) throw new Error(created.error.message);
    const { id } = created.value as { id: string };
    expect(await core.router('case:get', { caseId: id })).toMatchObject({
      ok: true,
      value: { reference: 'NC-2025-0001' },
    });
    expect(await core.router('caseload:list', { search: 'hug' })).toMatchObject({ ok: true, value: { total: 1 } });
    const log = await core.router('case:accessLog', { caseId: id });
    expect(log).toMatchObject({ ok: true, value: { items: [{ action: 'case.read' }, { action: 'case.create' }] } });

    await core.router('user:create', {
      username: 'reader',
      displayName: 'Rita Reader',
      password: 'a long enough password',
      role: 'read-only',
    });
    await core.manager.unlock('reader', 'a long enough password');
    expect(await core.router('case:accessLog', { caseId: id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(
      await core.router('note:create', {
        caseId: id,
        note: { occurredAt: '2025-01-01T10:00:00Z', type: 'case_note', text: 'x' },
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await core.router('case:get', { caseId: id })).toMatchObject({ ok: true });
  });

  it('lists the configured paperwork checklist', async () => {
    const types = await core.router('paperwork:listTypes', {});
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
