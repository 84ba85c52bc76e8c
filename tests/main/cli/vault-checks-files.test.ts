/**
 * `ncats verify`'s document files check (main/cli/vault-checks.ts): every blob a row owns has its
 * encrypted file. A real vault with a real document; the check passes, then names the blob once
 * its file is gone.
 */
import { rmSync } from 'node:fs';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { runVaultChecks } from '../../../main/cli/vault-checks';
import { blobPath } from '../../../main/core/documents/blob-writer';
import { importDocument } from '../../../main/core/documents/documents.service';
import { makeVault, newCase, type TestVault } from '../core/cases/fixtures';

const FILES_CHECK = 'Document files (one encrypted file for every document row)';
let t: TestVault | undefined;
afterEach(() => t?.cleanup());

describe('the document files check', () => {
  it('passes with every file present and fails naming a blob whose file is missing', async () => {
    t = await makeVault();
    const kase = newCase(t.vault);
    const doc = await importDocument(
      t.vault,
      { caseId: kase.id, filename: 'letter.pdf', title: 'Letter' },
      Readable.from([Buffer.from('%PDF-1.4 a letter')]),
    );
    const before = runVaultChecks(t.vault).find((c) => c.name === FILES_CHECK);
    expect(before).toMatchObject({ ok: true, details: ['1 encrypted file, each present'] });

    const blobId = t.vault.db.prepare('SELECT blob_id FROM documents WHERE id = ?').pluck().get(doc.id) as string;
    rmSync(blobPath(t.vault.dir, blobId));
    const after = runVaultChecks(t.vault).find((c) => c.name === FILES_CHECK);
    expect(after?.ok).toBe(false);
    expect(after?.details.join('\n')).toContain(blobId);
  });
});
