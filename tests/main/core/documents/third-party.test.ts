/**
 * The third-party marking of a document (migration 240), in a real vault: set on upload through
 * the upload route's query string, changed later through `document:update`, each audited with
 * which way it went; a stale version is refused and changes nothing; and the marking travels in
 * the case bundle between two real laptops as part of the document's record, while a bundle from
 * before the marking arrives unmarked.
 */
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { DocumentView } from '../../../../preload/contract';
import type { BundleContentsView } from '../../../../preload/contract/bundles';
import { documentsFor } from '../../../../main/core/bundles/modules/documents-module';
import { uploadDocument, uploadParamsFromQuery } from '../../../../main/core/documents/document-routes';
import { getDocument, updateDocument } from '../../../../main/core/documents/documents.service';
import { makeCase, receive, send, type Laptop } from '../bundles/app-fixtures';
import { twoLaptops } from '../bundles/two-laptops';

let alice: Laptop;
let bob: Laptop;
let bobOnAlice: string;
twoLaptops('ncats-doc-third-party-', (pair) => ({ alice, bob, bobOnAlice } = pair));

const upload = (caseId: string, query: string, text = 'A statement.') =>
  uploadDocument(
    alice.core.manager.current(),
    uploadParamsFromQuery(new URLSearchParams(`caseId=${caseId}&${query}`)),
    Readable.from([Buffer.from(text)]),
  );

function audits(l: Laptop, action: string): Record<string, unknown>[] {
  return (
    l.core.manager.current().db.prepare('SELECT detail FROM audit_log WHERE action = ? ORDER BY seq').all(action) as {
      detail: string;
    }[]
  ).map((r) => JSON.parse(r.detail) as Record<string, unknown>);
}

describe('marking a document as holding third-party information', () => {
  it('is set on upload and changed later, each audited with which way it went', async () => {
    const caseId = (await makeCase(alice, 'Hughes')).id;
    const marked = await upload(caseId, 'filename=victim-statement.txt&thirdParty=1');
    const plain = await upload(caseId, 'filename=school-report.txt');
    expect([marked.thirdParty, plain.thirdParty]).toEqual([true, false]);
    expect(audits(alice, 'document.create').map((d) => d.thirdParty)).toEqual([true, false]);

    const vault = alice.core.manager.current();
    const now = await alice.call<DocumentView>('document:update', {
      documentId: plain.id,
      expectedVersion: plain.version,
      thirdParty: true,
    });
    expect(now.thirdParty).toBe(true);
    expect(audits(alice, 'document.update').at(-1)).toEqual({ fields: ['thirdParty'], thirdParty: true });
    // A title change leaves the marking as it was.
    const renamed = updateDocument(vault, plain.id, now.version, { title: 'School report, spring' });
    expect(renamed.thirdParty).toBe(true);
    expect(audits(alice, 'document.update').at(-1)).toEqual({ fields: ['title'] });
    // Unmarking from a stale version is refused, and the marking is kept.
    const stale = await alice.raw('document:update', {
      documentId: plain.id,
      expectedVersion: now.version,
      thirdParty: false,
    });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(getDocument(vault, plain.id).thirdParty).toBe(true);
  });

  it('refuses a marking that is neither 0 nor 1, and stores nothing', async () => {
    const caseId = (await makeCase(alice, 'Hughes')).id;
    await expect(upload(caseId, 'filename=x.txt&thirdParty=yes')).rejects.toThrow('thirdParty is 1 (marked) or 0.');
    const n = alice.core.manager.current().db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number };
    expect(n.n).toBe(0);
  });

  it('shows on the Send a case screen’s contents and travels in the bundle as part of the record', async () => {
    const caseId = (await makeCase(alice, 'Hughes')).id;
    const marked = await upload(caseId, 'filename=victim-statement.txt&thirdParty=1');
    const plain = await upload(caseId, 'filename=school-report.txt');
    const contents = await alice.call<BundleContentsView>('bundle:contents', { caseId });
    expect(contents.documents.map((d) => [d.id, d.thirdParty])).toEqual([
      [marked.id, true],
      [plain.id, false],
    ]);

    const inboxId = await receive(bob, await send(alice, caseId, bobOnAlice));
    const applied = await bob.call<{ caseId: string }>('bundle:apply', { inboxId });
    const got = await bob.call<DocumentView[]>('document:list', { caseId: applied.caseId });
    expect(Object.fromEntries(got.map((d) => [d.id, d.thirdParty]))).toEqual({ [marked.id]: true, [plain.id]: false });
  });

  it('a document record from before the marking (no third_party) is read as unmarked', async () => {
    const caseId = (await makeCase(alice, 'Hughes')).id;
    const doc = await upload(caseId, 'filename=old.txt&thirdParty=1');
    const { module } = documentsFor(alice.core.manager.current());
    const [record] = module.collect(alice.core.manager.current().db, caseId, { includeThirdPartySensitive: true });
    expect(record?.third_party).toBe(1);
    if (!record) throw new Error('no document record');
    const { third_party: _dropped, ...before240 } = record;
    void _dropped;
    const parsed = module.schema.parse(before240);
    expect(parsed).toMatchObject({ id: doc.id, third_party: 0 });
  });
});
