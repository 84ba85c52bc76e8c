import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LATEST_VERSION, MIGRATIONS } from '../../../../main/core/db/migrations/index';
import { m0070Drafts } from '../../../../main/core/db/migrations/m0070-drafts';
import { makeVault, newCase, type TestVault } from '../cases/fixtures';

let t: TestVault;
beforeEach(async () => {
  t = await makeVault();
});
afterEach(() => t.cleanup());

function insert(over: Record<string, unknown> = {}): void {
  const user = t.vault.user.id;
  t.vault.db
    .prepare(
      `INSERT INTO drafts (id, user_id, form_key, case_id, title, state, created_at, updated_at)
       VALUES (@id, @user, @key, @caseId, 'A draft', @state, 'now', 'now')`,
    )
    .run({ id: crypto.randomUUID(), user, key: 'referral:new', caseId: null, state: '{"a":1}', ...over });
}

describe('migration 70 (drafts)', () => {
  it('is registered and creates one STRICT table', () => {
    expect(MIGRATIONS).toContain(m0070Drafts);
    expect(LATEST_VERSION).toBeGreaterThanOrEqual(70);
    const list = t.vault.db.prepare('PRAGMA table_list').all() as { name: string; strict: number }[];
    expect(list.find((x) => x.name === 'drafts')?.strict).toBe(1);
  });

  it('keeps one draft per user and form, only valid JSON, only for an existing case', () => {
    insert();
    expect(() => insert()).toThrow(/UNIQUE/);
    expect(() => insert({ key: 'other', state: 'not json' })).toThrow(/CHECK/);
    expect(() => insert({ key: 'note:new:x', caseId: '00000000-0000-4000-8000-000000000000' })).toThrow(/FOREIGN KEY/);
    const c = newCase(t.vault);
    insert({ key: `note:new:${c.id}`, caseId: c.id });
    const fks = t.vault.db.prepare('PRAGMA foreign_key_list(drafts)').all() as { table: string; on_delete: string }[];
    expect(fks.find((f) => f.table === 'cases')?.on_delete).toBe('CASCADE');
    expect(t.vault.db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
  });
});
