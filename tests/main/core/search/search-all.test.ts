/**
 * `search:all` on a real encrypted vault: the one search box finds a case by name, reference
 * and date of birth typed as dd/mm/yyyy, and notes and documents by their words, each section
 * paged on its own, with one audit row per search that never holds the words.
 */
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { importDocument } from '../../../../main/core/documents/documents.service';
import type { SearchAllPage } from '../../../../preload/contract/search';
import { coreForEachTest } from '../core-fixture';

const fx = coreForEachTest('ncats-searchall-');

const ok = <T>(channel: string, input: unknown) => fx.ok<T>(channel, input);

async function newCase(givenName: string, familyName: string, dateOfBirth: string) {
  return ok<{ id: string; reference: string }>('case:create', {
    referralDate: '2026-01-12',
    youngPerson: { givenName, familyName, dateOfBirth },
  });
}

const note = (caseId: string, text: string) =>
  ok('note:create', { caseId, note: { occurredAt: '2026-01-20T10:00:00Z', type: 'case_note', text } });

const search = (input: Record<string, unknown>) => ok<SearchAllPage>('search:all', input);

function auditCount(): number {
  return (fx.core.manager.current().db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
}

describe('search:all', () => {
  it('finds a case by name, by reference and by date of birth typed as dd/mm/yyyy', async () => {
    const jamie = await newCase('Jamie', 'Hughes', '2012-03-27');
    await newCase('Priya', 'Shah', '2010-07-09');
    await note(jamie.id, 'Met at school.');

    const byName = await search({ query: 'Jamie Hughes' });
    expect(byName.cases?.items.map((c) => c.caseId)).toEqual([jamie.id]);
    expect(byName.cases?.items[0]).toMatchObject({
      reference: jamie.reference,
      displayName: 'Jamie Hughes',
      dateOfBirth: '2012-03-27',
    });
    // Notes that never name the young person do not hide the case: it is its own section.
    expect(byName.notes?.total).toBe(0);
    expect((await search({ query: 'hugh' })).cases?.total).toBe(1);
    expect((await search({ query: jamie.reference })).cases?.items.map((c) => c.caseId)).toEqual([jamie.id]);
    expect((await search({ query: '27/03/2012' })).cases?.items.map((c) => c.caseId)).toEqual([jamie.id]);
    expect((await search({ query: '31/02/2012' })).cases?.total).toBe(0);
  });

  it('finds notes and documents by their words in their own sections, and pages one section alone', async () => {
    const jamie = await newCase('Jamie', 'Hughes', '2012-03-27');
    const priya = await newCase('Priya', 'Shah', '2010-07-09');
    await note(jamie.id, 'Safety plan agreed with the school.');
    await note(priya.id, 'Safety plan reviewed.');
    await importDocument(
      fx.core.manager.current(),
      { caseId: priya.id, filename: 'plan.pdf', title: 'Safety plan (signed)', description: null },
      Readable.from([Buffer.from('%PDF-1.4 test')]),
    );

    const all = await search({ query: 'safety plan', limit: 1 });
    expect(all.cases?.total).toBe(0);
    expect(all.notes).toMatchObject({ total: 2, nextCursor: null, cursor: null });
    expect(all.notes?.items).toHaveLength(1);
    expect(all.documents?.items.map((d) => d.caseId)).toEqual([priya.id]);

    const notesPage2 = await search({ query: 'safety plan', limit: 1, only: 'notes', notes: { offset: 1 } });
    expect(notesPage2.cases).toBeNull();
    expect(notesPage2.documents).toBeNull();
    expect(notesPage2.notes?.offset).toBe(1);
    expect(notesPage2.notes?.items.map((g) => g.caseId)).not.toEqual(all.notes?.items.map((g) => g.caseId));
  });

  it('writes one audit row per search, without the words searched for', async () => {
    const jamie = await newCase('Jamie', 'Hughes', '2012-03-27');
    await note(jamie.id, 'Psychiatric review booked.');
    const before = auditCount();
    await search({ query: 'Hughes psychiatric' });
    expect(auditCount() - before).toBe(1);
    const row = fx.core.manager
      .current()
      .db.prepare('SELECT action, detail FROM audit_log ORDER BY seq DESC LIMIT 1')
      .get() as {
      action: string;
      detail: string;
    };
    expect(row.action).toBe('search.all');
    expect(row.detail).not.toMatch(/hughes|psychiatric/i);
    expect(JSON.parse(row.detail)).toMatchObject({ only: null, cases: 0, noteCases: 0, documents: 0 });
  });

  it('refuses an empty search and a bad cursor, saying why', async () => {
    const empty = await fx.core.router('search:all', { query: '   ' });
    expect(empty).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const bad = await fx.core.router('search:all', { query: 'plan', notes: { offset: 0, cursor: 'x' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
