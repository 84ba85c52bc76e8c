import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { updateNote, createNote } from '../../../../main/core/notes/notes.service';
import { searchNotes, toFtsQuery } from '../../../../main/core/search/search.repo';
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

  it('puts the case with the newest matching note first and says when older matches were not searched', () => {
    const older = newCase(t.vault);
    const newer = newCase(t.vault, {}, { givenName: 'Ben', familyName: 'Owusu' });
    add(older.id, 'supervision discussed the plan');
    add(newer.id, 'supervision booked');
    add(older.id, 'supervision follow-up');
    add(newer.id, 'supervision notes written');
    const all = searchCaseNotes(t.vault, 'supervision', 20, 0);
    expect(all.items.map((g) => g.caseId)).toEqual([newer.id, older.id]);
    expect(all.windowFull).toBe(false);
    // With a window of three notes, the oldest match is left out and the page says so.
    const windowed = searchNotes(t.vault.db, t.vault.user, toFtsQuery('supervision') ?? '', 20, 0, 3);
    expect(windowed.windowFull).toBe(true);
    expect(windowed.groups.find((g) => g.caseId === older.id)?.hits).toBe(1);
    expect(windowed.groups.find((g) => g.caseId === newer.id)?.hits).toBe(2);
  });
});
