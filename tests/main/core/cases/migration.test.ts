import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeVault, newCase, type TestVault } from './fixtures';
import { createNote, updateNote } from '../../../../main/core/notes/notes.service';

let t: TestVault;
beforeEach(async () => {
  t = await makeVault();
});
afterEach(() => t.cleanup());

const TABLES = [
  'cases',
  'young_people',
  'case_services',
  'case_clinicians',
  'case_status_history',
  'case_people',
  'paperwork_item_types',
  'case_paperwork',
  'flags',
  'tasks',
  'notes',
  'note_revisions',
];

describe('migrations 20 and 30 (cases, casework)', () => {
  it('create STRICT tables with foreign keys that hold', () => {
    const list = t.vault.db.prepare('PRAGMA table_list').all() as { name: string; strict: number }[];
    for (const name of TABLES) expect(list.find((x) => x.name === name)?.strict, name).toBe(1);
    expect(() =>
      t.vault.db
        .prepare(
          `INSERT INTO case_services (case_id, service, requested) VALUES ('00000000-0000-4000-8000-000000000000', 'assessment', 1)`,
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    newCase(t.vault);
    expect(() => t.vault.db.prepare(`UPDATE cases SET status = 'lost'`).run()).toThrow(/CHECK/);
    expect(t.vault.db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
  });

  it('seed the paperwork checklist', () => {
    const rows = t.vault.db.prepare('SELECT id, required FROM paperwork_item_types ORDER BY sort_order').all();
    expect(rows).toEqual([
      { id: 'referral_form', required: 1 },
      { id: 'chronology', required: 1 },
      { id: 'police_disclosure', required: 1 },
      { id: 'school_report', required: 1 },
      { id: 'social_care_assessment', required: 1 },
      { id: 'health_camhs_report', required: 0 },
    ]);
  });

  it('keep the note index in step with inserts, edits and deletes', () => {
    const c = newCase(t.vault);
    const n = createNote(t.vault, c.id, {
      occurredAt: '2025-06-01T10:00:00Z',
      type: 'case_note',
      text: 'apple',
      thirdPartySensitive: false,
    });
    const hits = (word: string) =>
      (t.vault.db.prepare('SELECT count(*) AS n FROM notes_fts WHERE notes_fts MATCH ?').get(word) as { n: number }).n;
    expect(hits('apple')).toBe(1);
    updateNote(t.vault, n.id, 1, {
      occurredAt: '2025-06-01T10:00:00Z',
      type: 'case_note',
      text: 'banana',
      thirdPartySensitive: false,
    });
    expect([hits('apple'), hits('banana')]).toEqual([0, 1]);
    t.vault.db.prepare('DELETE FROM notes WHERE id = ?').run(n.id);
    expect(hits('banana')).toBe(0);
    expect(
      t.vault.db.prepare(`INSERT INTO notes_fts (notes_fts, rank) VALUES ('integrity-check', 1)`).run().changes,
    ).toBeGreaterThanOrEqual(0);
  });
});
