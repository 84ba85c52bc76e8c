/**
 * Migration 230 on a vault whose documents predate it: every row takes `blob_id = id`, so each
 * blob (format 1 and format 2) is found where it always was and reads back whole; no file moves;
 * and from then on a row without a blob id is refused.
 */
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LATEST_VERSION, migrate, schemaVersion } from '../../../../main/core/db/migrations/index';
import {
  importDocument,
  listCaseDocuments,
  openDocumentStream,
} from '../../../../main/core/documents/documents.service';
import { undoMigrationsAfter } from '../undo-migrations';
import { blobFiles, patternBytes, readAll, sha256, vaultWithCase, type DocFixture } from './fixtures';
import { importV1Document } from './v1-fixture';

let fx: DocFixture;
beforeEach(async () => {
  fx = await vaultWithCase();
});
afterEach(() => fx.cleanup());

describe('m0230 documents.blob_id', () => {
  it('names every existing document’s blob by its id, so an old vault reads them all unchanged', async () => {
    const { vault, caseId } = fx;
    const v1Bytes = patternBytes(0, 200_000, 3);
    const v2Bytes = patternBytes(0, 70_000, 9);
    const v1 = await importV1Document(vault, caseId, v1Bytes);
    const v2 = await importDocument(vault, { caseId, filename: 'letter.pdf' }, Readable.from([v2Bytes]));
    const files = blobFiles(vault.dir).sort();

    // The vault as the app before migration 230 left it: no blob_id, no incoming-versions table.
    undoMigrationsAfter(vault.db, 220);
    vault.db.pragma('user_version = 220');
    const columns = (vault.db.pragma('table_info(documents)') as { name: string }[]).map((c) => c.name);
    expect(columns).not.toContain('blob_id');

    expect(migrate(vault.db)).toEqual({ from: 220, to: LATEST_VERSION });
    expect(schemaVersion(vault.db)).toBe(LATEST_VERSION);
    expect(vault.db.prepare('SELECT id, blob_id FROM documents ORDER BY id').all()).toEqual(
      [v1, v2.id].sort().map((id) => ({ id, blob_id: id })),
    );
    expect(blobFiles(vault.dir).sort()).toEqual(files);
    const docs = listCaseDocuments(vault, caseId);
    const read = async (id: string) => {
      const doc = docs.find((d) => d.id === id);
      if (!doc) throw new Error(`document ${id} is not listed`);
      return readAll(await openDocumentStream(vault, doc));
    };
    expect(sha256(await read(v1))).toBe(sha256(v1Bytes));
    expect(sha256(await read(v2.id))).toBe(sha256(v2Bytes));

    expect(() => vault.db.prepare(`UPDATE documents SET blob_id = '' WHERE id = ?`).run(v1)).toThrow(/needs a blob id/);
    expect(() => vault.db.prepare(`UPDATE documents SET blob_id = ? WHERE id = ?`).run(v2.id, v1)).toThrow(/UNIQUE/);
  });
});
