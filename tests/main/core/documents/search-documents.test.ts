/**
 * `search:documents` on a real encrypted vault: titles and descriptions found, grouped by case,
 * paged, bounded to a window of the newest matches, deleted documents never shown, and one audit
 * row per query that never holds the words searched for.
 */
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { searchDocumentsWindow } from '../../../../main/core/documents/documents.search';
import { deleteDocument, importDocument } from '../../../../main/core/documents/documents.service';
import { toFtsQuery } from '../../../../main/core/search/search.repo';
import type { DocumentSearchPage } from '../../../../preload/contract/documents';
import { coreForEachTest } from '../core-fixture';

const fx = coreForEachTest('ncats-docsearch-');

async function newCase(givenName: string, familyName: string): Promise<string> {
  const made = await fx.core.router('case:create', {
    referralDate: '2026-01-12',
    youngPerson: { givenName, familyName, dateOfBirth: '2012-05-01' },
  });
  if (!made.ok) throw new Error(made.error.message);
  return (made.value as { id: string }).id;
}

async function addDocument(caseId: string, title: string, description: string | null = null) {
  return importDocument(
    fx.core.manager.current(),
    { caseId, filename: 'file.pdf', title, description },
    Readable.from([Buffer.from('%PDF-1.4 test')]),
  );
}

async function search(query: string, offset = 0, limit = 20): Promise<DocumentSearchPage> {
  const result = await fx.core.router('search:documents', { query, offset, limit });
  if (!result.ok) throw new Error(result.error.message);
  return result.value as DocumentSearchPage;
}

function lastAudit(): { action: string; detail: string | null } {
  return fx.core.manager
    .current()
    .db.prepare('SELECT action, detail FROM audit_log ORDER BY seq DESC LIMIT 1')
    .get() as {
    action: string;
    detail: string | null;
  };
}

describe('search:documents', () => {
  it('finds titles and descriptions, grouped by case, with whose case it is and a marked snippet', async () => {
    const alex = await newCase('Alex', 'Rivers');
    const bea = await newCase('Bea', 'Stone');
    const a1 = await addDocument(alex, 'School report', 'Autumn term attendance');
    const b1 = await addDocument(bea, 'Police disclosure', 'Mentions the school trip');
    const a2 = await addDocument(alex, 'Letter from school nurse');

    const page = await search('school');
    expect(page.total).toBe(3);
    // Alex's case holds the newest match, so it comes first with both its documents, newest first.
    expect(page.items.map((h) => h.documentId)).toEqual([a2.id, a1.id, b1.id]);
    expect(page.items[0]).toMatchObject({
      caseId: alex,
      displayName: 'Alex Rivers',
      title: 'Letter from school nurse',
    });
    expect(page.items[0]?.reference).toMatch(/^NC-\d{4}-\d{4}$/);
    expect(page.items[2]?.snippet).toContain('[school]');
    expect(page.items[2]?.uploadedAt).toBe(b1.uploadedAt);
    expect(page).toMatchObject({ offset: 0, limit: 20, cursor: null, nextCursor: null });

    // Description only, prefix of the last word, several words all required.
    expect((await search('attend')).items.map((h) => h.documentId)).toEqual([a1.id]);
    expect((await search('school trip')).items.map((h) => h.documentId)).toEqual([b1.id]);
    expect((await search('nothing like this')).total).toBe(0);
  });

  it('pages through the hits and refuses an empty query', async () => {
    const caseId = await newCase('Cal', 'Moss');
    const ids = [];
    for (let i = 0; i < 5; i += 1) ids.push((await addDocument(caseId, `Session record ${i}`)).id);
    const second = await search('session', 2, 2);
    expect(second.total).toBe(5);
    expect(second.items.map((h) => h.documentId)).toEqual([ids[2], ids[1]]);
    const refused = await fx.core.router('search:documents', { query: '   ', offset: 0, limit: 20 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('treats FTS syntax as words and never shows a deleted document', async () => {
    const caseId = await newCase('Dee', 'Lake');
    const doc = await addDocument(caseId, 'Safety plan', 'NEAR the "park"');
    // Operators are quoted as plain words: no syntax error, and "NEAR" matches the word itself.
    expect((await search('"AND OR NEAR(')).total).toBe(0);
    expect((await search('NEAR(')).total).toBe(1);
    expect((await search('park')).items.map((h) => h.documentId)).toEqual([doc.id]);
    deleteDocument(fx.core.manager.current(), doc.id, 'uploaded to the wrong case');
    expect((await search('park')).total).toBe(0);
  });

  it('writes one audit row per query, without the words searched for', async () => {
    const caseId = await newCase('Eli', 'Fenwick');
    await addDocument(caseId, 'Confidential psychiatric letter');
    const before = (fx.core.manager.current().db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number })
      .n;
    await search('psychiatric');
    const after = (fx.core.manager.current().db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number })
      .n;
    expect(after - before).toBe(1);
    const row = lastAudit();
    expect(row.action).toBe('search.fulltext');
    expect(row.detail).not.toMatch(/psychiatric/i);
    expect(JSON.parse(row.detail ?? '{}')).toMatchObject({ scope: 'documents', documents: 1 });
  });

  it('walks a window of the newest matches, then continues below it until every document is searched', async () => {
    const caseId = await newCase('Fay', 'Green');
    const ids = [];
    for (let i = 0; i < 6; i += 1) ids.push((await addDocument(caseId, `Review minutes ${i}`)).id);
    const vault = fx.core.manager.current();
    const query = toFtsQuery('review') ?? '';
    const bounded = searchDocumentsWindow(vault.db, vault.user, query, 10, 0, null, 4);
    expect(bounded.total).toBe(4);
    expect(bounded.items.map((h) => h.documentId)).toEqual(ids.slice(2).reverse());
    expect(bounded.nextCursor).not.toBeNull();
    const older = searchDocumentsWindow(vault.db, vault.user, query, 10, 0, bounded.nextCursor, 4);
    expect(older.items.map((h) => h.documentId)).toEqual([ids[1], ids[0]]);
    expect(older.nextCursor).toBeNull();
    expect(searchDocumentsWindow(vault.db, vault.user, query, 10, 0, null, 6).nextCursor).toBeNull();
    // The same through the channel: a cursor in, and the rest of the index reported searched.
    const viaRouter = await fx.core.router('search:documents', { query: 'review', cursor: bounded.nextCursor });
    expect(viaRouter).toMatchObject({ ok: true, value: { total: 2, nextCursor: null } });
    const refused = await fx.core.router('search:documents', { query: 'review', cursor: -3 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('is open to read-only users too', async () => {
    const caseId = await newCase('Gus', 'Hale');
    await addDocument(caseId, 'Chronology from social care');
    const made = await fx.core.router('user:create', {
      username: 'reader',
      displayName: 'Rita Reader',
      password: 'another long password',
      role: 'read-only',
    });
    expect(made.ok).toBe(true);
    await fx.core.router('vault:lock', {});
    const unlocked = await fx.core.router('vault:unlock', { username: 'reader', password: 'another long password' });
    expect(unlocked.ok).toBe(true);
    expect((await search('chronology')).total).toBe(1);
  });
});
