/**
 * The one windowed search both full-text sections (notes, documents) now go through: the walk,
 * the page within the window, the empty page for text with nothing searchable, and the audit
 * row of a section searched on its own channel. A made-up third section over the same index
 * shows a new module's search needs only its SQL and its items.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createNote } from '../../../../main/core/notes/notes.service';
import {
  hitCase,
  searchWindow,
  toFtsQuery,
  windowPage,
  type HitCaseColumns,
  type WindowSection,
} from '../../../../main/core/search/fts-window';
import { auditedSectionSearch } from '../../../../main/core/search/search.service';
import { makeVault, newCase, type TestVault } from '../cases/fixtures';

let t: TestVault;
beforeEach(async () => {
  t = await makeVault('2025-06-15T10:00:00Z');
});
afterEach(() => t.cleanup());

/** One row per matching note, newest written first: the simplest section there can be. */
const PLAIN_NOTES: WindowSection<HitCaseColumns & { seq: number }, { caseId: string; seq: number }> = {
  table: 'notes_fts',
  caseColumn: 'n.case_id',
  rowsSql: (visible) =>
    `SELECT n.seq, n.case_id, c.reference, y.given_name, y.family_name, y.initials
     FROM json_each(@seqs) r JOIN notes n ON n.seq = r.value
       JOIN cases c ON c.id = n.case_id JOIN young_people y ON y.case_id = n.case_id
     WHERE ${visible} ORDER BY n.seq DESC`,
  items: (_db, page) => page.map((r) => ({ caseId: hitCase(r).caseId, seq: r.seq })),
};

describe('the windowed full-text search shared by the sections', () => {
  it('pages within one window and says where the next window starts', () => {
    const c = newCase(t.vault);
    for (let i = 0; i < 5; i++) {
      createNote(t.vault, c.id, {
        occurredAt: '2025-06-01T10:00:00Z',
        type: 'case_note',
        text: `supervision ${i}`,
        thirdPartySensitive: false,
      });
    }
    const query = toFtsQuery('supervision') ?? '';
    const first = searchWindow(t.vault.db, t.vault.user, PLAIN_NOTES, query, {
      limit: 2,
      offset: 1,
      cursor: null,
      window: 3,
    });
    expect(first.total).toBe(3);
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const rest = searchWindow(t.vault.db, t.vault.user, PLAIN_NOTES, query, {
      limit: 10,
      offset: 0,
      cursor: first.nextCursor,
      window: 3,
    });
    expect(rest).toMatchObject({ total: 2, nextCursor: null });
  });

  it('gives an empty, finished page for text with nothing searchable, without searching', () => {
    const page = windowPage('*** ---', { limit: 20, offset: 0, cursor: null }, () => {
      throw new Error('nothing searchable: the index must not be walked');
    });
    expect(page).toEqual({ items: [], total: 0, offset: 0, limit: 20, window: 500, cursor: null, nextCursor: null });
  });

  it('audits a section searched on its own: the outcome, the offset and whether it continues, never the words', () => {
    const search = auditedSectionSearch(
      (_vault, text, limit, offset, cursor) =>
        windowPage(text, { limit, offset, cursor }, () => ({ items: [], total: 0, nextCursor: null })),
      (page) => ({ scope: 'test', found: page.total }),
    );
    search(t.vault, 'a secret name', 20, 40, 7);
    const row = t.vault.db.prepare('SELECT action, detail FROM audit_log ORDER BY seq DESC LIMIT 1').get() as {
      action: string;
      detail: string;
    };
    expect(row.action).toBe('search.fulltext');
    expect(row.detail).toBe('{"scope":"test","found":0,"offset":40,"continued":true}');
  });
});
