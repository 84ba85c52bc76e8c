/**
 * Two-person disposal on a real encrypted vault: what is removed (every row of the case in every
 * table, its document blobs, its full-text entries), what is kept (the tombstone, the audit
 * chain, the other cases), and what refuses it.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { blobPath } from '../../../../main/core/documents/blob-writer';
import { writeDocumentBlob } from '../../../../main/core/documents/blob-store';
import { runVaultChecks } from '../../../../main/cli/vault-checks';
import type { Db } from '../../../../main/core/db/connection';
import type { RetentionDetailView, TombstoneView } from '../../../../preload/contract/retention';
import { ADMIN_A, ADMIN_B, caseWithRecords, closeCase, retentionWorld, type RetentionWorld } from './retention-fixture';

/** Every table and its rows as text (blobs as latin1): a decrypted read of the whole database. */
function tablesAsText(db: Db, except: readonly string[] = []): Map<string, string> {
  const names = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'")
    .all() as { name: string }[];
  const out = new Map<string, string>();
  for (const { name } of names) {
    if (except.includes(name)) continue;
    const rows = db.prepare(`SELECT * FROM "${name}"`).raw().all() as unknown[][];
    out.set(
      name,
      rows.map((r) => r.map((v) => (Buffer.isBuffer(v) ? v.toString('latin1') : String(v))).join('\u0001')).join('\n'),
    );
  }
  return out;
}

function tablesContaining(db: Db, needle: string, except: readonly string[] = []): string[] {
  const lower = needle.toLowerCase();
  return [...tablesAsText(db, except)].filter(([, text]) => text.toLowerCase().includes(lower)).map(([name]) => name);
}

function documentIds(db: Db, caseId: string): string[] {
  return (db.prepare('SELECT id FROM documents WHERE case_id = ?').all(caseId) as { id: string }[]).map((d) => d.id);
}

describe('disposal', () => {
  let w: RetentionWorld;
  let disposed: { id: string; reference: string };
  let kept: { id: string; reference: string };
  beforeEach(async () => {
    w = await retentionWorld();
    disposed = await caseWithRecords(w, {
      givenName: 'Zebedee',
      familyName: 'Quartermaine',
      dateOfBirth: '1990-05-01',
    });
    kept = await caseWithRecords(w, { givenName: 'Yolanda', familyName: 'Fairweather', dateOfBirth: '1991-07-02' });
    await closeCase(w, disposed.id);
    await closeCase(w, kept.id);
    w.clock.now = new Date('2026-12-02T10:00:00Z');
  });
  afterEach(() => w.dispose());

  async function proposeThenSignInAsB(): Promise<void> {
    await w.call<RetentionDetailView>('disposal:propose', {
      caseId: disposed.id,
      reason: 'Review date passed; no hold.',
    });
    await w.signInAs(ADMIN_B);
  }

  it('removes every row of the case from every table, its blobs and full-text entries, and keeps a tombstone; the vault still verifies', async () => {
    const db0 = w.core.manager.current().db;
    const blobs = documentIds(db0, disposed.id).map((id) => blobPath(w.core.manager.current().dir, id));
    expect(blobs.length).toBe(1);
    expect(blobs.every((b) => existsSync(b))).toBe(true);
    // The scan can fail: before disposal the name and the id are found in the case's tables.
    expect(tablesContaining(db0, 'Quartermaine').length).toBeGreaterThan(2);
    expect(tablesContaining(db0, disposed.id, ['audit_log']).length).toBeGreaterThan(5);

    await proposeThenSignInAsB();
    const tombstone = await w.call<TombstoneView>('disposal:approve', {
      caseId: disposed.id,
      password: ADMIN_B.password,
    });
    expect(tombstone).toMatchObject({
      reference: disposed.reference,
      closedOn: '2000-01-10',
      reviewDate: '2020-01-10',
      reason: 'Review date passed; no hold.',
      proposedByName: ADMIN_A.displayName,
      approvedByName: ADMIN_B.displayName,
    });

    const { db } = w.core.manager.current();
    // The audit chain keeps its rows (ids only); nothing else holds the case id.
    expect(tablesContaining(db, disposed.id, ['audit_log'])).toEqual([]);
    expect(tablesContaining(db, 'Quartermaine')).toEqual([]);
    expect(tablesContaining(db, 'Zebedee')).toEqual([]);
    // The tombstone holds the reference, and only the tombstone (and the audit's case.create detail).
    expect(tablesContaining(db, disposed.reference, ['audit_log'])).toEqual(['disposal_tombstones']);
    expect(blobs.some((b) => existsSync(b))).toBe(false);
    // The other case is untouched.
    expect(tablesContaining(db, 'Fairweather').length).toBeGreaterThan(2);
    expect(documentIds(db, kept.id).length).toBe(1);

    const checks = runVaultChecks(w.core.manager.current());
    expect(checks.filter((c) => !c.ok)).toEqual([]);
    const actions = db
      .prepare("SELECT action FROM audit_log WHERE case_id = ? AND action LIKE 'disposal%' OR action = 'case.dispose'")
      .all(disposed.id);
    expect(actions.map((a) => (a as { action: string }).action)).toEqual(['disposal.propose', 'case.dispose']);

    // After a VACUUM (pages rewritten; secure_delete zeroed the freed cells) a decrypted read of
    // every table, FTS shadow tables included, still finds no trace of the name.
    db.exec('VACUUM');
    expect(tablesContaining(db, 'Quartermaine')).toEqual([]);
    expect(tablesContaining(db, 'quartermain')).toEqual([]);
    expect(db.pragma('secure_delete', { simple: true })).toBe(1);
  });

  it('removes a sender’s version of a document still waiting on an open conflict, file and row', async () => {
    const vault = w.core.manager.current();
    const documentId = documentIds(vault.db, disposed.id)[0] ?? '';
    // As an import leaves it when a bundle's copy of the letter differs from ours (bundles/document-conflicts.ts).
    const blobId = randomUUID();
    const written = await writeDocumentBlob(vault.dir, blobId, Readable.from([Buffer.from('the sender’s version')]));
    vault.db
      .prepare(
        `INSERT INTO document_incoming_blobs (blob_id, document_id, bundle_id, case_id, size_bytes, sha256, blob_format,
           chunk_size, age_identity, staged_at) VALUES (?, ?, ?, ?, ?, ?, 2, ?, ?, ?)`,
      )
      .run(
        blobId,
        documentId,
        randomUUID(),
        disposed.id,
        written.size,
        written.sha256,
        written.chunkSize,
        written.ageIdentity,
        '2026-12-01T09:00:00Z',
      );
    expect(existsSync(blobPath(vault.dir, blobId))).toBe(true);

    await proposeThenSignInAsB();
    await w.call('disposal:approve', { caseId: disposed.id, password: ADMIN_B.password });

    const after = w.core.manager.current();
    expect(after.db.prepare('SELECT count(*) FROM document_incoming_blobs').pluck().get()).toBe(0);
    expect(existsSync(blobPath(after.dir, blobId))).toBe(false);
    expect(runVaultChecks(after).filter((c) => !c.ok)).toEqual([]);
  });

  it('lists the tombstone for administrators', async () => {
    await proposeThenSignInAsB();
    await w.call('disposal:approve', { caseId: disposed.id, password: ADMIN_B.password });
    const page = await w.call<{ items: TombstoneView[]; total: number }>('tombstone:list', {});
    expect(page.total).toBe(1);
    expect(page.items[0]?.reference).toBe(disposed.reference);
    expect(JSON.stringify(page)).not.toMatch(/Zebedee|Quartermaine/);
  });

  it('refuses approval by the administrator who proposed it, and removes nothing', async () => {
    await w.call('disposal:propose', { caseId: disposed.id, reason: 'Due.' });
    expect(await w.failCode('disposal:approve', { caseId: disposed.id, password: ADMIN_A.password })).toBe('FORBIDDEN');
    expect(tablesContaining(w.core.manager.current().db, 'Quartermaine').length).toBeGreaterThan(2);
  });

  it('refuses a wrong password (the signature), audits the refusal and removes nothing', async () => {
    await proposeThenSignInAsB();
    expect(await w.failCode('disposal:approve', { caseId: disposed.id, password: 'not the password at all' })).toBe(
      'WRONG_PASSWORD',
    );
    const { db } = w.core.manager.current();
    expect(tablesContaining(db, 'Quartermaine').length).toBeGreaterThan(2);
    expect(db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'disposal.approve_refused'").get()).toEqual({
      n: 1,
    });
  });

  it('refuses a case on legal hold: the hold withdraws the proposal, and a held case cannot be proposed', async () => {
    await w.call('disposal:propose', { caseId: disposed.id, reason: 'Due.' });
    const held = await w.call<RetentionDetailView>('legalHold:set', {
      caseId: disposed.id,
      reason: 'Civil claim notified.',
    });
    expect(held).toMatchObject({ legalHold: true, holdReason: 'Civil claim notified.', proposal: null });
    expect(await w.failCode('disposal:propose', { caseId: disposed.id, reason: 'Due.' })).toBe('CONFLICT');
    await w.signInAs(ADMIN_B);
    expect(await w.failCode('disposal:approve', { caseId: disposed.id, password: ADMIN_B.password })).toBe('NOT_FOUND');
    const cleared = await w.call<RetentionDetailView>('legalHold:clear', {
      caseId: disposed.id,
      reason: 'Claim settled.',
    });
    expect(cleared.legalHold).toBe(false);
  });

  it('refuses a case not yet due, and a reopened case (which has no review date)', async () => {
    w.clock.now = new Date('2019-12-01T10:00:00Z');
    expect(await w.failCode('disposal:propose', { caseId: disposed.id, reason: 'Early.' })).toBe('CONFLICT');
    w.clock.now = new Date('2026-12-02T10:00:00Z');
    const c = await w.call<{ version: number }>('case:get', { caseId: disposed.id });
    await w.call('case:setStatus', {
      caseId: disposed.id,
      expectedVersion: c.version,
      status: 'referred',
      reason: 'Re-referred.',
    });
    const detail = await w.call<RetentionDetailView>('retention:get', { caseId: disposed.id });
    expect(detail.reviewDate).toBeNull();
    expect(await w.failCode('disposal:propose', { caseId: disposed.id, reason: 'Due.' })).toBe('CONFLICT');
  });

  it('numbers the next new case past a disposed one, even when the disposed case had the highest number', async () => {
    await w.call<RetentionDetailView>('disposal:propose', { caseId: kept.id, reason: 'Review date passed; no hold.' });
    await w.signInAs(ADMIN_B);
    await w.call<TombstoneView>('disposal:approve', { caseId: kept.id, password: ADMIN_B.password });
    // The same year as the disposed case (NC-2000-0002, the highest number that year).
    w.clock.now = new Date('2000-06-01T10:00:00Z');
    const next = await caseWithRecords(w, { givenName: 'Xavier', familyName: 'Newcase', dateOfBirth: '1992-01-01' });
    expect(kept.reference).toBe('NC-2000-0002');
    expect(next.reference).toBe('NC-2000-0003');
  });

  it('never gives a disposed reference to a new case', () => {
    const { db } = w.core.manager.current();
    db.prepare(
      `INSERT INTO disposal_tombstones (id, reference, referral_date, closed_on, review_date, reason, proposed_by, proposed_at, approved_by, approved_at)
       SELECT '00000000-0000-4000-8000-000000000001', 'NC-2030-0001', '2000-01-01', '2000-01-02', '2020-01-02', 'x', a.id, 't', b.id, 't'
       FROM users a, users b WHERE a.username = 'admin' AND b.username = 'bea'`,
    ).run();
    expect(() =>
      db
        .prepare(
          `INSERT INTO cases (id, reference, ref_year, ref_seq, status, referral_date, age_at_referral, created_at, updated_at, updated_by)
         SELECT '00000000-0000-4000-8000-000000000002', 'NC-2030-0001', 2030, 1, 'referred', '2030-01-01', 10, 't', 't', id FROM users LIMIT 1`,
        )
        .run(),
    ).toThrow(/disposed of/);
  });
});
