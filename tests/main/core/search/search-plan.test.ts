/**
 * The query plans of the notes search: the window's notes are read by their primary key, and
 * the cases and young people by theirs for the page alone, so no step scans a table or grows
 * with the vault beyond a b-tree descent; the walk itself is FTS5's (bounded by its LIMIT).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { visibleCaseCondition } from '../../../../main/core/cases/visibility';
import { NOTE_SECTION } from '../../../../main/core/search/search.repo';
import { makeVault, type TestVault } from '../cases/fixtures';

let t: TestVault;
beforeEach(async () => {
  t = await makeVault('2025-06-15T10:00:00Z');
});
afterEach(() => t.cleanup());

const plan = (sql: string, params: Record<string, unknown>): string[] =>
  (t.vault.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((r) => r.detail);

describe('the notes search plan', () => {
  it("groups the window's notes read by primary key, without reading cases or young people", () => {
    const visible = visibleCaseCondition(t.vault.user, NOTE_SECTION.caseColumn);
    const steps = plan(NOTE_SECTION.rowsSql(visible.sql), { ...visible.params, seqs: '[1, 2]' });
    expect(steps).toContain('SEARCH n USING INTEGER PRIMARY KEY (rowid=?)');
    expect(steps.filter((s) => /^SCAN /.test(s))).toEqual(['SCAN r VIRTUAL TABLE INDEX 1:']);
    expect(steps.join('\n')).not.toMatch(/\b(cases|young_people|c|y)\b/);
  });
});
