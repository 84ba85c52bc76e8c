import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { updateNote, createNote } from '../../../../main/core/notes/notes.service';
import { SEARCH_WINDOW, searchNotes, toFtsQuery } from '../../../../main/core/search/search.repo';
import { searchCaseNotes } from '../../../../main/core/search/search.service';
import { auditActions, makeVault, newCase, type TestVault } from '../cases/fixtures';

let t: TestVault;
beforeEach(async () => {
  t = await makeVault('2025-06-15T10:00:00Z');
});
afterEach(() => t.cleanup());

const at = '2025-06-01T10:00:00Z';
const add = (caseId: string, text: string) =>
  createNote(t.vault, caseId, { occurredAt: at, type: 'case_note', text, thirdPartySensitive: false });

describe('full-text search over notes', () => {
  it('groups hits by case with a snippet of the best note', () => {
    const a = newCase(t.vault);
    const b = newCase(t.vault, {}, { givenName: 'Ben', familyName: 'Owusu' });
    newCase(t.vault, {}, { givenName: 'Cara', familyName: 'Lee' });
    add(a.id, 'Safety plan reviewed with carers at home.');
    add(a.id, 'The safety plan needs updating after the school meeting.');
    add(a.id, 'Unrelated administrative note.');
    add(b.id, 'Discussed the safety plan briefly.');
    const res = searchCaseNotes(t.vault, 'safety plan', 20, 0);
    expect(res.total).toBe(2);
    const byCase = new Map(res.items.map((g) => [g.caseId, g]));
    expect(byCase.get(a.id)).toMatchObject({ hits: 2, reference: a.reference, displayName: 'Amelia Hughes' });
    expect(byCase.get(b.id)?.hits).toBe(1);
    for (const g of res.items) expect(g.best.snippet).toMatch(/\[safety\] \[plan\]/i);
    expect(auditActions(t.vault).at(-1)).toBe('search.fulltext');
    const detail = t.vault.db.prepare('SELECT detail FROM audit_log ORDER BY seq DESC LIMIT 1').get() as {
      detail: string;
    };
    expect(detail.detail).not.toMatch(/safety/);
  });

  it('matches prefixes, stems and accents, pages groups, and follows edits', () => {
    const a = newCase(t.vault);
    const n = add(a.id, 'Meetings with the café staff were helpful.');
    expect(searchCaseNotes(t.vault, 'meeting', 20, 0).total).toBe(1); // porter stemming
    expect(searchCaseNotes(t.vault, 'cafe', 20, 0).total).toBe(1); // diacritics removed
    expect(searchCaseNotes(t.vault, 'hel', 20, 0).total).toBe(1); // prefix on the last word
    updateNote(t.vault, n.id, 1, {
      occurredAt: at,
      type: 'case_note',
      text: 'Rewritten entirely.',
      thirdPartySensitive: false,
    });
    expect(searchCaseNotes(t.vault, 'cafe', 20, 0).total).toBe(0);
    expect(searchCaseNotes(t.vault, 'rewritten', 20, 0).total).toBe(1);
    for (let i = 0; i < 4; i++)
      add(newCase(t.vault, {}, { givenName: `Kid${i}`, familyName: 'Test' }).id, 'rewritten too');
    const p1 = searchCaseNotes(t.vault, 'rewritten', 2, 0);
    const p3 = searchCaseNotes(t.vault, 'rewritten', 2, 4);
    expect(p1.total).toBe(5);
    expect(p1.items).toHaveLength(2);
    expect(p3.items).toHaveLength(1);
  });

  it('neutralises FTS syntax in what users type', () => {
    expect(toFtsQuery('safety "plan" NEAR(x) -risk')).toBe('"safety" AND "plan" AND "NEAR" AND "x" AND "risk"*');
    expect(toFtsQuery('  ** ')).toBeNull();
    const a = newCase(t.vault);
    add(a.id, 'plain text');
    expect(searchCaseNotes(t.vault, '"unbalanced', 20, 0).total).toBe(0);
    expect(searchCaseNotes(t.vault, '***', 20, 0).total).toBe(0);
  });

  it('orders the cases by the date of their newest matching note, not by when the notes were written', () => {
    const a = newCase(t.vault);
    const b = newCase(t.vault, {}, { givenName: 'Ben', familyName: 'Owusu' });
    const c = newCase(t.vault, {}, { givenName: 'Cara', familyName: 'Lee' });
    const note = (caseId: string, occurredAt: string, text: string) =>
      createNote(t.vault, caseId, { occurredAt, type: 'case_note', text, thirdPartySensitive: false });
    // Written A, B, C, then an old note for C written up last: write order is C, B, A.
    note(a.id, '2025-06-10T09:00:00Z', 'safety plan agreed');
    note(b.id, '2024-01-01T09:00:00Z', 'safety plan drafted');
    note(c.id, '2025-01-01T09:00:00Z', 'safety plan reviewed');
    const late = note(c.id, '2023-05-05T09:00:00Z', 'safety plan first discussed (written up late)');
    const page = searchCaseNotes(t.vault, 'safety plan', 20, 0);
    expect(page.items.map((g) => g.caseId)).toEqual([a.id, c.id, b.id]);
    expect(page.items.map((g) => g.best.occurredAt)).toEqual([
      '2025-06-10T09:00:00.000Z',
      '2025-01-01T09:00:00.000Z',
      '2024-01-01T09:00:00.000Z',
    ]);
    // C's best note is its newest-dated match, not the one written last.
    expect(page.items[1]?.best.noteId).not.toBe(late.id);
    expect(page.items[1]).toMatchObject({ hits: 2 });
    expect(page.nextCursor).toBeNull();
  });

  it('continues below the window until every note has been searched', () => {
    const cases = ['Ann', 'Bo', 'Cy'].map((given) => newCase(t.vault, {}, { givenName: given, familyName: 'Test' }));
    const oldest = newCase(t.vault, {}, { givenName: 'Zara', familyName: 'Older' });
    add(oldest.id, 'supervision at the start');
    for (let i = 0; i < 6; i++) add(cases[i % 3]?.id ?? '', `supervision ${i}`);
    const q = toFtsQuery('supervision') ?? '';
    const seen: string[][] = [];
    let cursor: number | null = null;
    let windows = 0;
    do {
      const w = searchNotes(t.vault.db, t.vault.user, q, 20, 0, cursor, 3);
      seen.push(w.groups.map((g) => g.caseId));
      cursor = w.nextCursor;
      windows += 1;
    } while (cursor !== null && windows < 10);
    // 7 matching notes in windows of 3: 3 + 3 + 1, and the oldest case only in the last one.
    expect(windows).toBe(3);
    expect(seen[0]).not.toContain(oldest.id);
    expect(seen[1]).not.toContain(oldest.id);
    expect(seen[2]).toEqual([oldest.id]);
  });

  it('reaches a match older than the first window through search:notes, then reports the index exhausted', () => {
    const zara = newCase(t.vault, {}, { givenName: 'Zara', familyName: 'Older' });
    const busy = newCase(t.vault, {}, { givenName: 'Ben', familyName: 'Owusu' });
    add(zara.id, 'school meeting long ago');
    t.vault.db.transaction(() => {
      for (let i = 0; i < SEARCH_WINDOW; i++) add(busy.id, `school update ${i}`);
    })();
    const first = searchCaseNotes(t.vault, 'school', 20, 0);
    expect(first.items.map((g) => g.caseId)).toEqual([busy.id]);
    expect(first.items[0]?.hits).toBe(SEARCH_WINDOW);
    expect(first.nextCursor).not.toBeNull();
    const older = searchCaseNotes(t.vault, 'school', 20, 0, first.nextCursor);
    expect(older.items.map((g) => g.caseId)).toEqual([zara.id]);
    expect(older).toMatchObject({ cursor: first.nextCursor, nextCursor: null, total: 1 });
    const detail = t.vault.db.prepare('SELECT detail FROM audit_log ORDER BY seq DESC LIMIT 1').get() as {
      detail: string;
    };
    expect(JSON.parse(detail.detail)).toMatchObject({ continued: true, cases: 1 });
  });
});
