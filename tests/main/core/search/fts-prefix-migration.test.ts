/**
 * Migration 270: the full-text tables recreated with prefix indexes. On a vault whose tables are
 * still as migrations 30 and 40 made them (and were filled by their triggers as notes and
 * documents were written, edited and deleted), every search finds the same records in the same
 * order after the migration, the index holds what its content holds (FTS5's integrity check,
 * which covers the prefix indexes too), and the triggers go on keeping the new tables in step.
 */
import { Readable } from 'node:stream';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LATEST_VERSION, MIGRATIONS, migrate, schemaVersion } from '../../../../main/core/db/migrations/index';
import { FTS_PREFIX_LENGTHS } from '../../../../main/core/db/migrations/m0270-fts-prefix-index';
import { deleteDocument, importDocument, updateDocument } from '../../../../main/core/documents/documents.service';
import { searchDocumentsWindow } from '../../../../main/core/documents/documents.search';
import { createNote, updateNote } from '../../../../main/core/notes/notes.service';
import { deleteCaseRows } from '../../../../main/core/retention/case-tables';
import { toFtsQuery, walkNewestFirst, type FtsTable } from '../../../../main/core/search/fts-window';
import { searchNotes } from '../../../../main/core/search/search.repo';
import { makeVault, newCase, type TestVault } from '../cases/fixtures';

const FTS_TABLES: FtsTable[] = ['notes_fts', 'documents_fts'];

let t: TestVault;
beforeEach(async () => {
  t = await makeVault('2025-06-15T10:00:00Z');
});
afterEach(() => t.cleanup());

/** The SQL of each full-text table as schema 260 had it, from an empty database migrated that far. */
function schema260Tables(): Map<string, string> {
  const reference = new Database(':memory:');
  try {
    migrate(
      reference,
      MIGRATIONS.filter((m) => m.version <= 260),
    );
    const rows = reference
      .prepare(`SELECT name, sql FROM sqlite_schema WHERE name IN ('notes_fts', 'documents_fts')`)
      .all() as { name: string; sql: string }[];
    return new Map(rows.map((r) => [r.name, r.sql]));
  } finally {
    reference.close();
  }
}

/** Put the (still empty) full-text tables of a new vault back as schema 260 made them. */
function backTo260(): void {
  const db = t.vault.db;
  for (const [name, sql] of schema260Tables()) db.exec(`DROP TABLE ${name}; ${sql};`);
  db.pragma('user_version = 260');
}

/**
 * Migration 270 alone on that vault: the rest of its schema is already at the latest version, so
 * the later migrations are not run again; the version is set back to the latest afterwards.
 */
function migrateTo270(): ReturnType<typeof migrate> {
  const db = t.vault.db;
  const result = migrate(
    db,
    MIGRATIONS.filter((m) => m.version <= 270),
  );
  expect(schemaVersion(db)).toBe(270);
  db.pragma(`user_version = ${LATEST_VERSION}`);
  return result;
}

const tableSql = (name: string) =>
  (t.vault.db.prepare('SELECT sql FROM sqlite_schema WHERE name = ?').get(name) as { sql: string }).sql;

/**
 * FTS5's own integrity check (which covers every prefix index too). The notes index must hold
 * exactly what `notes` holds; the documents index leaves deleted documents out, so it is checked
 * against itself (rank 0), and against the live documents by its rowids.
 */
function expectIndexesInStep(): void {
  const db = t.vault.db;
  expect(() => db.prepare(`INSERT INTO notes_fts (notes_fts, rank) VALUES ('integrity-check', 1)`).run()).not.toThrow();
  expect(() =>
    db.prepare(`INSERT INTO documents_fts (documents_fts, rank) VALUES ('integrity-check', 0)`).run(),
  ).not.toThrow();
  expect(db.prepare('SELECT id FROM documents_fts_docsize ORDER BY id').pluck().all()).toEqual(
    db.prepare('SELECT seq FROM documents WHERE deleted_at IS NULL ORDER BY seq').pluck().all(),
  );
}

const WORDS = ['school', 'safety', 'plan', 'planning', 'supervision', 'scholar', 'carer', 'café', 'safeguarding'];

/** Queries as typed: one letter, prefixes of every length, whole words, phrases, no match. */
const QUERIES = ['s', 'sc', 'sch', 'scho', 'schoo', 'school', 'safety pl', 'superv', 'cafe', 'safeguard', 'zebra'];

/** What every search answers for every query, in its order: raw walks with a small window, and pages. */
function answers(): unknown {
  return QUERIES.map((text) => {
    const q = toFtsQuery(text) ?? '';
    const walks = FTS_TABLES.map((table) => {
      const windows: number[][] = [];
      let cursor: number | null = null;
      do {
        const w = walkNewestFirst(t.vault.db, table, q, cursor, 7);
        windows.push(w.seqs);
        cursor = w.nextCursor;
      } while (cursor !== null);
      return windows;
    });
    const notes = searchNotes(t.vault.db, t.vault.user, q, 5, 0, null, 9);
    const documents = searchDocumentsWindow(t.vault.db, t.vault.user, q, 5, 0, null, 9);
    return { text, walks, notes, documents };
  });
}

/** Notes and documents written, edited and deleted, as the old tables' triggers saw them. */
async function seed(): Promise<{ caseIds: string[] }> {
  const cases = [newCase(t.vault), newCase(t.vault, {}, { givenName: 'Ben', familyName: 'Owusu' })];
  const caseIds = cases.map((c) => c.id);
  for (let i = 0; i < 60; i++) {
    const words = [WORDS[i % WORDS.length], WORDS[(i * 7) % WORDS.length], WORDS[(i * 3 + 1) % WORDS.length]];
    const note = createNote(t.vault, caseIds[i % 2] ?? '', {
      occurredAt: `2025-0${1 + (i % 5)}-${String(10 + (i % 17)).padStart(2, '0')}T10:00:00Z`,
      type: 'case_note',
      text: `Note ${i}: ${words.join(' ')} discussed.`,
      thirdPartySensitive: false,
    });
    if (i % 10 === 3) {
      updateNote(t.vault, note.id, 1, {
        occurredAt: '2025-05-01T10:00:00Z',
        type: 'case_note',
        text: `Rewritten ${i}: scholarship`,
        thirdPartySensitive: false,
      });
    }
  }
  for (let i = 0; i < 12; i++) {
    const doc = await importDocument(
      t.vault,
      {
        caseId: caseIds[i % 2] ?? '',
        filename: `doc-${i}.pdf`,
        title: `${WORDS[i % WORDS.length]} report ${i}`,
        description: i % 3 === 0 ? `About ${WORDS[(i + 4) % WORDS.length]}` : null,
      },
      Readable.from([Buffer.from('%PDF-1.4 test')]),
    );
    if (i % 4 === 1) deleteDocument(t.vault, doc.id, null);
    if (i % 4 === 2) updateDocument(t.vault, doc.id, 1, { title: `school scholar ${i}`, description: undefined });
  }
  return { caseIds };
}

describe('m0270 full-text prefix indexes', () => {
  it('creates the tables with a prefix index for every length up to 12, on a new vault', () => {
    expect(FTS_PREFIX_LENGTHS.split(' ').map(Number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    for (const table of FTS_TABLES) expect(tableSql(table)).toContain(`prefix = '${FTS_PREFIX_LENGTHS}'`);
    // Deleted rows leave the index as they are deleted (disposal relies on it; no merge needed).
    for (const table of FTS_TABLES) {
      expect(t.vault.db.prepare(`SELECT v FROM ${table}_config WHERE k = 'secure-delete'`).pluck().get()).toBe(1);
    }
    expectIndexesInStep();
  });

  it('finds the same records in the same order after the migration, and loses nothing', async () => {
    backTo260();
    for (const table of FTS_TABLES) expect(tableSql(table)).not.toContain('prefix');
    await seed();
    const before = answers();
    const indexed = FTS_TABLES.map((table) => t.vault.db.prepare(`SELECT count(*) AS n FROM ${table}_docsize`).get());

    expect(migrateTo270()).toEqual({ from: 260, to: 270 });
    for (const table of FTS_TABLES) expect(tableSql(table)).toContain(`prefix = '${FTS_PREFIX_LENGTHS}'`);
    expect(answers()).toEqual(before);
    // 60 notes; 12 documents of which 3 deleted, which the index leaves out as before.
    expect(FTS_TABLES.map((table) => t.vault.db.prepare(`SELECT count(*) AS n FROM ${table}_docsize`).get())).toEqual(
      indexed,
    );
    expect(indexed).toEqual([{ n: 60 }, { n: 9 }]);
    expectIndexesInStep();
    // The answers are not empty: the comparison above compared something.
    const school = toFtsQuery('sch') ?? '';
    expect(walkNewestFirst(t.vault.db, 'notes_fts', school, null).seqs.length).toBeGreaterThan(20);
  });

  it('keeps the new tables in step through the old triggers: note edits, document text, deletion, disposal', async () => {
    backTo260();
    const { caseIds } = await seed();
    migrateTo270();
    const notesFor = (text: string) => searchNotes(t.vault.db, t.vault.user, toFtsQuery(text) ?? '', 50, 0).total;
    const docsFor = (text: string) =>
      searchDocumentsWindow(t.vault.db, t.vault.user, toFtsQuery(text) ?? '', 50, 0).items.length;

    const [first, second] = caseIds;
    const note = createNote(t.vault, first ?? '', {
      occurredAt: '2025-06-01T10:00:00Z',
      type: 'case_note',
      text: 'Zephyr mentioned at the meeting.',
      thirdPartySensitive: false,
    });
    expect(notesFor('zeph')).toBe(1);
    updateNote(t.vault, note.id, 1, {
      occurredAt: '2025-06-01T10:00:00Z',
      type: 'case_note',
      text: 'Quokka instead.',
      thirdPartySensitive: false,
    });
    expect(notesFor('zeph')).toBe(0);
    expect(notesFor('quok')).toBe(1);

    const doc = await importDocument(
      t.vault,
      { caseId: second ?? '', filename: 'x.pdf', title: 'Xylophone lesson', description: 'Yodelling' },
      Readable.from([Buffer.from('%PDF-1.4 test')]),
    );
    expect([docsFor('xylo'), docsFor('yod')]).toEqual([1, 1]);
    updateDocument(t.vault, doc.id, 1, { title: 'Marimba lesson', description: undefined });
    expect([docsFor('xylo'), docsFor('marim'), docsFor('yod')]).toEqual([0, 1, 1]);
    deleteDocument(t.vault, doc.id, null);
    expect([docsFor('marim'), docsFor('yod')]).toEqual([0, 0]);
    expectIndexesInStep();

    // Disposal deletes the case's rows (the delete triggers), then optimises each index.
    expect(notesFor('quok')).toBe(1);
    t.vault.db.transaction(() => deleteCaseRows(t.vault.db, first ?? ''))();
    for (const table of FTS_TABLES) t.vault.db.prepare(`INSERT INTO ${table} (${table}) VALUES ('optimize')`).run();
    expect(notesFor('quok')).toBe(0);
    expect(t.vault.db.prepare('SELECT count(*) AS n FROM notes_fts_docsize').get()).toEqual({ n: 30 });
    expectIndexesInStep();
  });
});
