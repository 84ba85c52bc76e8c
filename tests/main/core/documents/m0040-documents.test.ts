/** Migration 40: the documents table, its constraints and the FTS triggers, on a real vault. */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { schemaVersion } from '../../../../main/core/db/migrations/index';
import { m0040Documents } from '../../../../main/core/db/migrations/m0040-documents';
import { vaultWithCase, type DocFixture } from './fixtures';

let fx: DocFixture;
beforeEach(async () => {
  fx = await vaultWithCase();
});
afterEach(() => fx.cleanup());

function insert(overrides: Record<string, unknown> = {}) {
  const at = new Date().toISOString();
  const id = randomUUID();
  const row = {
    id,
    // Since migration 230 every row names its blob (here, as for any local document, by its id).
    blob_id: id,
    case_id: fx.caseId,
    owner_type: 'case',
    owner_id: fx.caseId,
    title: 'Safety plan',
    description: 'Agreed with carers',
    original_filename: 'plan.pdf',
    media_type: 'application/pdf',
    size_bytes: 10,
    sha256: 'a'.repeat(64),
    blob_format: 1,
    chunk_size: 65536,
    uploaded_by: fx.vault.user.id,
    uploaded_at: at,
    updated_at: at,
    updated_by: fx.vault.user.id,
    ...overrides,
  };
  fx.vault.db
    .prepare(
      `INSERT INTO documents (${Object.keys(row).join(', ')}) VALUES (${Object.keys(row)
        .map((k) => `@${k}`)
        .join(', ')})`,
    )
    .run(row);
  return row.id;
}

const ftsCount = (q: string) =>
  (fx.vault.db.prepare('SELECT count(*) AS n FROM documents_fts WHERE documents_fts MATCH ?').get(q) as { n: number })
    .n;

it('is applied on a new vault at version 40 or later', () => {
  expect(m0040Documents.version).toBe(40);
  expect(schemaVersion(fx.vault.db)).toBeGreaterThanOrEqual(40);
});

it('enforces the case foreign key, the owner type, the hash length and the deletion pair', () => {
  expect(() => insert({ case_id: randomUUID() })).toThrow(/FOREIGN KEY/);
  expect(() => insert({ owner_type: 'bundle' })).toThrow(/CHECK/);
  expect(() => insert({ sha256: 'abc' })).toThrow(/CHECK/);
  expect(() => insert({ deleted_at: new Date().toISOString() })).toThrow(/CHECK/);
});

it('keeps the FTS index in step with inserts, edits, soft deletes and hard deletes', () => {
  const id = insert();
  expect(ftsCount('safety')).toBe(1);
  fx.vault.db.prepare(`UPDATE documents SET title = 'Risk plan' WHERE id = ?`).run(id);
  expect(ftsCount('safety')).toBe(0);
  expect(ftsCount('risk')).toBe(1);
  fx.vault.db.prepare(`UPDATE documents SET deleted_at = 'x', deleted_by = ? WHERE id = ?`).run(fx.vault.user.id, id);
  expect(ftsCount('risk')).toBe(0);
  fx.vault.db.prepare(`UPDATE documents SET deleted_at = NULL, deleted_by = NULL WHERE id = ?`).run(id);
  expect(ftsCount('carers')).toBe(1);
  fx.vault.db.prepare('DELETE FROM documents WHERE id = ?').run(id);
  expect(ftsCount('carers')).toBe(0);
  fx.vault.db.exec(`INSERT INTO documents_fts (documents_fts) VALUES ('integrity-check')`);
});
