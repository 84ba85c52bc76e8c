import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DRAFT_MAX_BYTES } from '../../../../preload/contract/drafts';
import { caseFileRegistry } from '../../../../main/core/bundles/modules/index';
import { createCore, type Core } from '../../../../main/core/core';
import { scryptParams } from '../../../../main/core/vault/kdf';
import { referral } from '../cases/fixtures';

// The visibility rule is the one place that will decide who sees which case; here it can be
// told to hide a case, to check that a draft of a case its author may no longer see is not
// offered back. Everything else is the real core on a real encrypted vault.
const hidden = vi.hoisted(() => new Set<string>());
vi.mock('../../../../main/core/cases/visibility', () => ({
  visibleCaseCondition: (_user: unknown, column: string) => ({
    sql: `${column} NOT IN (SELECT value FROM json_each(@hiddenCases))`,
    params: { hiddenCases: JSON.stringify([...hidden]) },
  }),
}));

const NOTE_TEXT = 'Spoke to Amelia’s foster carer about the safety plan; she asked for a review.';
const PASSWORD = 'correct horse battery';

let dir: string;
let core: Core;
let caseId: string;
let reference: string;

async function ok<T>(channel: string, input: unknown): Promise<T> {
  const r = await core.router(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

function noteDraft(text = NOTE_TEXT) {
  return {
    key: `note:new:${caseId}`,
    caseId,
    title: `Case note on ${reference}`,
    state: { form: { date: '15/06/2025', time: '10:00', type: 'case_note', text, sensitive: false } },
  };
}

function audit(action: string): { case_id: string | null; detail: string; username: string }[] {
  return core.manager
    .current()
    .db.prepare('SELECT case_id, detail, username FROM audit_log WHERE action = ? ORDER BY seq')
    .all(action) as { case_id: string | null; detail: string; username: string }[];
}

beforeEach(async () => {
  hidden.clear();
  dir = mkdtempSync(join(tmpdir(), 'ncats-drafts-'));
  core = createCore(join(dir, 'vault'), { vault: { kdf: scryptParams(2 ** 14) } });
  await core.manager.create({ username: 'admin', displayName: 'Ada Admin', password: PASSWORD });
  ({ id: caseId, reference } = await ok<{ id: string; reference: string }>('case:create', referral()));
});
afterEach(() => {
  core.manager.dispose();
  rmSync(dir, { recursive: true, force: true });
});

describe('drafts', () => {
  it('are saved (upsert by key), listed, restored and discarded, with the audit rows that matter', async () => {
    const first = await ok<{ createdAt: string }>('draft:save', noteDraft('Spoke to'));
    const second = await ok<{ createdAt: string; updatedAt: string }>('draft:save', noteDraft());
    expect(second.createdAt).toBe(first.createdAt);
    await ok('draft:save', { key: 'referral:new', caseId: null, title: 'New referral', state: { givenName: 'Noah' } });

    const list = await ok<{ key: string; caseReference: string | null; title: string }[]>('draft:list', {});
    expect(list.map((d) => [d.key, d.caseReference, d.title]).sort()).toEqual([
      [`note:new:${caseId}`, reference, `Case note on ${reference}`],
      ['referral:new', null, 'New referral'],
    ]);
    expect(await ok('draft:get', { key: `note:new:${caseId}` })).toMatchObject({
      caseId,
      state: noteDraft().state,
    });

    // One row for the first save, none for the autosave after it; restore and discard too.
    expect(audit('draft.create')).toEqual([
      expect.objectContaining({ case_id: caseId, username: 'admin' }),
      expect.objectContaining({ case_id: null }),
    ]);
    expect(audit('draft.restore')).toEqual([expect.objectContaining({ case_id: caseId })]);
    // The audit row never holds what was typed.
    const log = JSON.stringify(core.manager.current().db.prepare('SELECT * FROM audit_log').all());
    expect(log).not.toContain('Spoke to');

    expect(await ok('draft:discard', { key: `note:new:${caseId}` })).toBe(true);
    expect(await ok('draft:discard', { key: `note:new:${caseId}` })).toBe(false);
    expect(await ok('draft:get', { key: `note:new:${caseId}` })).toBeNull();
    expect(JSON.parse(audit('draft.discard')[0]?.detail ?? '{}')).toEqual({ form: 'note', reason: 'discarded' });
    await ok('draft:discard', { key: 'referral:new', reason: 'submitted' });
    expect(await ok('draft:list', {})).toEqual([]);
  });

  it('are personal: another user can neither see, restore nor discard mine', async () => {
    await ok('draft:save', noteDraft());
    await ok('user:create', { username: 'clin', displayName: 'Cal Clinician', password: PASSWORD, role: 'clinician' });
    await core.manager.unlock('clin', PASSWORD);
    expect(await ok('draft:list', {})).toEqual([]);
    expect(await ok('draft:get', { key: `note:new:${caseId}` })).toBeNull();
    expect(await ok('draft:discard', { key: `note:new:${caseId}` })).toBe(false);
    // Their own draft for the same form is theirs alone.
    await ok('draft:save', noteDraft('Cal’s own words'));

    await core.manager.unlock('admin', PASSWORD);
    expect(await ok('draft:get', { key: `note:new:${caseId}` })).toMatchObject({ state: noteDraft().state });
  });

  it('refuse an oversized, too deep or non-JSON state with a clear error, and keep nothing', async () => {
    const big = await core.router('draft:save', { ...noteDraft('x'.repeat(DRAFT_MAX_BYTES)) });
    expect(big).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: 'state: The draft is too large to keep (the limit is 512 KB). Save the form itself instead.',
      },
    });
    // Multi-byte text counts by its UTF-8 size: 200,000 three-byte characters are 600 KB.
    const wide = await core.router('draft:save', { ...noteDraft('€'.repeat(200_000)) });
    expect(wide).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    // A note at its own limit (100,000 characters) fits, even in a non-Latin script.
    await ok('draft:save', noteDraft('ب'.repeat(100_000)));
    await ok('draft:discard', { key: `note:new:${caseId}` });

    let deep: unknown = 'bottom';
    for (let i = 0; i < 20; i++) deep = { deeper: deep };
    expect(await core.router('draft:save', { ...noteDraft(), state: deep })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('nested more than 8 levels deep') },
    });
    expect(await core.router('draft:save', { ...noteDraft(), state: undefined })).toMatchObject({
      ok: false,
      error: { message: 'state: The draft is empty.' },
    });
    // A key that does not name the case it claims, or is not a key at all.
    expect(await core.router('draft:save', { ...noteDraft(), key: 'note:new:someone-else' })).toMatchObject({
      ok: false,
      error: { message: 'key: The draft key does not name its case.' },
    });
    expect(await core.router('draft:save', { ...noteDraft(), key: '../etc' })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('Not a valid draft key') },
    });
    expect(await ok('draft:list', {})).toEqual([]);
    expect(audit('draft.create')).toEqual([expect.objectContaining({ case_id: caseId })]);
  });

  it('are not saved for a case that does not exist, nor by a read-only user', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    expect(
      await core.router('draft:save', { ...noteDraft(), key: `note:new:${missing}`, caseId: missing }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringContaining('does not exist') } });
    await ok('user:create', { username: 'reader', displayName: 'Rea Reader', password: PASSWORD, role: 'read-only' });
    await core.manager.unlock('reader', PASSWORD);
    expect(await core.router('draft:save', noteDraft())).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await ok('draft:list', {})).toEqual([]);
  });

  it('of a case that is gone or no longer visible to me are not offered', async () => {
    await ok('draft:save', noteDraft());
    hidden.add(caseId);
    expect(await ok('draft:list', {})).toEqual([]);
    expect(await ok('draft:get', { key: `note:new:${caseId}` })).toBeNull();
    expect(audit('draft.restore')).toEqual([]);
    hidden.clear();
    expect(await ok('draft:list', {})).toHaveLength(1);

    // A case removed from the database takes its drafts with it (ON DELETE CASCADE).
    const { db } = core.manager.current();
    db.pragma('foreign_keys = OFF');
    db.prepare('DELETE FROM cases WHERE id = ?').run(caseId);
    db.pragma('foreign_keys = ON');
    expect(await ok('draft:list', {})).toEqual([]);
    expect(await ok('draft:get', { key: `note:new:${caseId}` })).toBeNull();
  });

  it('are encrypted at rest: no file of the vault holds their text in plain', async () => {
    await ok('draft:save', noteDraft());
    // The text may still sit in the write-ahead log (-wal): SQLCipher encrypts that file too.
    const vaultDir = join(dir, 'vault');
    const files = readdirSync(vaultDir);
    expect(files.some((f) => f.endsWith('-wal'))).toBe(true);
    for (const name of files) {
      const bytes = readFileSync(join(vaultDir, name));
      expect(bytes.includes(Buffer.from('foster carer about the safety plan')), name).toBe(false);
    }
  });

  it('never travel in a case bundle', async () => {
    await ok('note:create', {
      caseId,
      note: { occurredAt: '2025-06-01T10:00:00Z', type: 'case_note', text: 'A saved note travels.' },
    });
    await ok('draft:save', noteDraft());
    const vault = core.manager.current();
    const registry = caseFileRegistry(vault);
    const collected = registry.modules.map((m) => m.collect(vault.db, caseId, { includeThirdPartySensitive: true }));
    const everything = JSON.stringify(collected);
    expect(everything).toContain('A saved note travels.');
    expect(everything).not.toContain(NOTE_TEXT);
    expect(registry.modules.map((m) => m.name)).not.toContain('drafts');
  });
});
