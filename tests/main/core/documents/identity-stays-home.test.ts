/**
 * A document's age identity opens this vault's copy of its blob, so it must never leave the
 * vault: not in a bundle's records, and not in the view the renderer gets.
 */
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { documentsFor } from '../../../../main/core/bundles/modules/documents-module';
import { findDocumentRow } from '../../../../main/core/documents/documents.repo';
import { importDocument } from '../../../../main/core/documents/documents.service';
import { vaultWithCase, type DocFixture } from './fixtures';

const fixtures: DocFixture[] = [];
afterEach(() => {
  for (const f of fixtures.splice(0)) f.cleanup();
});

describe('the age identity stays in the vault', () => {
  it('is in the row, but not in the bundle records or the document view', async () => {
    const f = await vaultWithCase();
    fixtures.push(f);
    const view = await importDocument(f.vault, { caseId: f.caseId, filename: 'a.txt' }, Readable.from(['hello']));
    const identity = findDocumentRow(f.vault.db, view.id)?.age_identity;
    expect(identity).toMatch(/^AGE-SECRET-KEY-1/);

    const records = documentsFor(f.vault).module.collect(f.vault.db, f.caseId, { includeThirdPartySensitive: true });
    expect(records).toHaveLength(1);
    expect(records[0]).not.toHaveProperty('age_identity');
    expect(JSON.stringify(records)).not.toContain('AGE-SECRET-KEY');
    expect(JSON.stringify(view)).not.toContain('AGE-SECRET-KEY');
  });
});
