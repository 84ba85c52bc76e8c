/**
 * A document present on both sides with different content (issue 15): the bundle imports, the
 * sender's content waits under a blob id of its own as one conflict on the case, and each of the
 * three choices leaves the right rows and files, the content readable, and the checks
 * `ncats verify` makes passing. Real vaults, real bundles, through the router.
 *
 * Content never changes through the app, so the sender's copy is made to differ by hand
 * (`divergeDocument`): it stands for a copy that went its own way (a restore from an older backup on one
 * laptop, a future "new version" feature), which the receiver must not have to refuse a case for.
 */
import { existsSync } from 'node:fs';
import { Readable } from 'node:stream';
import { expect, describe, it } from 'vitest';
import { runVaultChecks } from '../../../../main/cli/vault-checks';
import { openDocumentBlob } from '../../../../main/core/documents/blob-store';
import { sweepBlobStore } from '../../../../main/core/documents/blob-sweep';
import { blobPath } from '../../../../main/core/documents/blob-writer';
import { importDocument } from '../../../../main/core/documents/documents.service';
import type { OpenVault } from '../../../../main/core/vault/vault';
import { documentSha256, expectBlobStoreMatchesRows } from '../../crash/after-kill';
import { patternBytes, readAll, sha256 } from '../documents/fixtures';
import { divergeDocument, makeCase, receive, send, type Laptop } from './app-fixtures';
import { twoLaptops } from './two-laptops';

let alice: Laptop;
let bob: Laptop;
let bobOnAlice: string;
twoLaptops('ncats-bundle-docconflict-', (pair) => ({ alice, bob, bobOnAlice } = pair));

const vaultOf = (l: Laptop): OpenVault => l.core.manager.current();
function present<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('expected a value');
  return value;
}
const ORIGINAL = patternBytes(0, 150_000, 1);
const THEIRS = patternBytes(0, 90_000, 2);

interface Doc {
  id: string;
  title: string;
  sha256: string;
  sizeBytes: number;
}
interface Conflict {
  id: string;
  module: string;
  recordId: string;
  keepBoth: boolean;
  differences: { field: string }[];
}

async function transfer(from: Laptop, to: Laptop, caseId: string, colleagueId: string) {
  const inboxId = await receive(to, await send(from, caseId, colleagueId));
  return to.call<{ applied: boolean; conflicts: number }>('bundle:apply', { inboxId });
}

const incomingBlobs = (vault: OpenVault) =>
  vault.db.prepare('SELECT * FROM document_incoming_blobs').all() as {
    blob_id: string;
    document_id: string;
    size_bytes: number;
    age_identity: string;
  }[];

async function expectVaultSound(vault: OpenVault): Promise<void> {
  expect(runVaultChecks(vault).filter((c) => !c.ok)).toEqual([]);
  await expectBlobStoreMatchesRows(vault);
}

/** Alice and Bob both hold the case and its letter; Alice's letter then differs; she also adds a note and sends again. */
async function conflictOnBob(): Promise<{ caseId: string; docId: string; conflict: Conflict }> {
  const kase = await makeCase(alice, 'Docconflict');
  const doc = await importDocument(
    vaultOf(alice),
    { caseId: kase.id, filename: 'referral-letter.pdf', title: 'Referral letter' },
    Readable.from([ORIGINAL]),
  );
  expect((await transfer(alice, bob, kase.id, bobOnAlice)).applied).toBe(true);
  await divergeDocument(vaultOf(alice), doc.id, THEIRS, 'Referral letter, corrected');
  await alice.call('note:create', {
    caseId: kase.id,
    note: { occurredAt: '2026-01-20T09:00:00Z', type: 'case_note', text: 'Sent with the corrected letter.' },
  });

  const applied = await transfer(alice, bob, kase.id, bobOnAlice);
  expect(applied).toMatchObject({ applied: true, conflicts: 1 });
  const conflicts = await bob.call<Conflict[]>('bundle:conflicts', { caseId: kase.id });
  expect(conflicts).toHaveLength(1);
  return { caseId: kase.id, docId: doc.id, conflict: present(conflicts[0]) };
}

const documents = (l: Laptop, caseId: string) => l.call<Doc[]>('document:list', { caseId });
const openFlags = async (l: Laptop, caseId: string) =>
  (await l.call<{ reason: string; clearedAt: string | null }[]>('flag:list', { caseId })).filter((f) => !f.clearedAt);
const resolve = (conflictId: string, resolution: string) =>
  bob.call<{ remaining: number }>('bundle:resolveConflict', { conflictId, resolution });

describe('a document whose content differs from ours', () => {
  it('does not refuse the bundle: the rest imports and the sender’s content waits as one conflict', async () => {
    const { caseId, docId, conflict } = await conflictOnBob();
    const vault = vaultOf(bob);
    expect(conflict).toMatchObject({ module: 'documents', recordId: docId, keepBoth: true });
    expect(conflict.differences.map((d) => d.field)).toEqual(expect.arrayContaining(['sha256', 'size_bytes', 'title']));
    const notes = await bob.call<{ items: { text: string }[] }>('note:list', { caseId });
    expect(notes.items.map((n) => n.text)).toContain('Sent with the corrected letter.');
    expect((await openFlags(bob, caseId)).map((f) => f.reason)).toEqual([
      'Bundle import conflict: 1 record differs - review',
    ]);
    // Ours is untouched and still in force.
    expect(await documents(bob, caseId)).toEqual([
      expect.objectContaining({ id: docId, title: 'Referral letter', sha256: sha256(ORIGINAL) }),
    ]);
    expect(await documentSha256(vault, docId)).toBe(sha256(ORIGINAL));
    // Theirs is kept under a blob id of its own, readable, and owned (the sweep leaves it).
    const kept = present(incomingBlobs(vault)[0]);
    expect(kept).toMatchObject({ document_id: docId, size_bytes: THEIRS.length });
    expect(kept.blob_id).not.toBe(docId);
    const theirs = await openDocumentBlob(vault, {
      blobId: kept.blob_id,
      sizeBytes: kept.size_bytes,
      ageIdentity: kept.age_identity,
    });
    expect(sha256(await readAll(theirs))).toBe(sha256(THEIRS));
    expect(sweepBlobStore(vault.dir, vault.db, Date.now() + 1000)).toEqual({ tempFiles: 0, orphanBlobs: 0 });
    expect(existsSync(blobPath(vault.dir, kept.blob_id))).toBe(true);
    await expectVaultSound(vault);
  });

  it('keep mine: the sender’s content is removed, ours stays, the flag clears, and a resend raises nothing again', async () => {
    const { caseId, docId, conflict } = await conflictOnBob();
    const vault = vaultOf(bob);
    const kept = present(incomingBlobs(vault)[0]);
    expect(await resolve(conflict.id, 'keep-mine')).toEqual({ caseId, remaining: 0 });
    expect(incomingBlobs(vault)).toEqual([]);
    expect(existsSync(blobPath(vault.dir, kept.blob_id))).toBe(false);
    expect(await documents(bob, caseId)).toEqual([
      expect.objectContaining({ id: docId, title: 'Referral letter', sha256: sha256(ORIGINAL) }),
    ]);
    expect(await documentSha256(vault, docId)).toBe(sha256(ORIGINAL));
    expect(await openFlags(bob, caseId)).toEqual([]);
    const audit = vault.db
      .prepare(`SELECT detail FROM audit_log WHERE action = 'bundle.conflict.resolve' AND entity_id = ?`)
      .pluck()
      .all(docId) as string[];
    expect(audit.map((d) => JSON.parse(d) as { resolution: string })).toEqual([
      expect.objectContaining({ resolution: 'keep-mine' }),
    ]);
    await expectVaultSound(vault);

    // The same version again is the one both sides now share: kept local, its staged copy removed.
    expect(await transfer(alice, bob, caseId, bobOnAlice)).toMatchObject({ applied: true, conflicts: 0 });
    expect(incomingBlobs(vault)).toEqual([]);
    await expectVaultSound(vault);
  });

  it('take theirs: our row takes the sender’s metadata and content, and our old blob is removed', async () => {
    const { caseId, docId, conflict } = await conflictOnBob();
    const vault = vaultOf(bob);
    const kept = present(incomingBlobs(vault)[0]);
    const ours = vault.db.prepare('SELECT blob_id FROM documents WHERE id = ?').pluck().get(docId) as string;
    expect(await resolve(conflict.id, 'take-theirs')).toEqual({ caseId, remaining: 0 });
    expect(incomingBlobs(vault)).toEqual([]);
    expect(vault.db.prepare('SELECT blob_id FROM documents WHERE id = ?').pluck().get(docId)).toBe(kept.blob_id);
    expect(existsSync(blobPath(vault.dir, ours))).toBe(false);
    expect(await documents(bob, caseId)).toEqual([
      expect.objectContaining({
        id: docId,
        title: 'Referral letter, corrected',
        sha256: sha256(THEIRS),
        sizeBytes: THEIRS.length,
      }),
    ]);
    expect(await documentSha256(vault, docId)).toBe(sha256(THEIRS));
    expect(await openFlags(bob, caseId)).toEqual([]);
    await expectVaultSound(vault);
  });

  it('keep both: the sender’s version becomes a new document on the case, titled as theirs', async () => {
    const { caseId, docId, conflict } = await conflictOnBob();
    const vault = vaultOf(bob);
    const kept = present(incomingBlobs(vault)[0]);
    const ours = vault.db.prepare('SELECT blob_id FROM documents WHERE id = ?').pluck().get(docId) as string;
    expect(await resolve(conflict.id, 'keep-both')).toEqual({ caseId, remaining: 0 });
    expect(incomingBlobs(vault)).toEqual([]);
    const docs = await documents(bob, caseId);
    expect(docs).toHaveLength(2);
    const mine = present(docs.find((d) => d.id === docId));
    const theirs = present(docs.find((d) => d.id !== docId));
    expect(mine).toMatchObject({ title: 'Referral letter', sha256: sha256(ORIGINAL) });
    const today = new Date().toLocaleDateString('en-GB', { timeZone: 'Europe/London' });
    expect(theirs).toMatchObject({
      title: `Referral letter, corrected (version from Alice Ahmed, ${today})`,
      sha256: sha256(THEIRS),
      sizeBytes: THEIRS.length,
    });
    expect(vault.db.prepare('SELECT blob_id FROM documents WHERE id = ?').pluck().get(theirs.id)).toBe(kept.blob_id);
    expect(existsSync(blobPath(vault.dir, ours))).toBe(true);
    expect(await documentSha256(vault, docId)).toBe(sha256(ORIGINAL));
    expect(await documentSha256(vault, theirs.id)).toBe(sha256(THEIRS));
    // Created by the choice, before anything read it (the reads above add case.read rows).
    const actions = vault.db
      .prepare(`SELECT action FROM audit_log WHERE entity_id = ? ORDER BY seq`)
      .pluck()
      .all(theirs.id) as string[];
    expect(actions[0]).toBe('document.create');
    expect(actions.filter((a) => a === 'document.create')).toHaveLength(1);
    expect(await openFlags(bob, caseId)).toEqual([]);
    await expectVaultSound(vault);
  });

  it('keep both is refused where no sender’s content is kept (a conflict about metadata alone)', async () => {
    const { caseId, conflict } = await conflictOnBob();
    const vault = vaultOf(bob);
    // As if the content were the same: no staged version, so keep both is neither offered nor taken.
    vault.db.prepare('DELETE FROM document_incoming_blobs').run();
    const refused = await bob.raw('bundle:resolveConflict', { conflictId: conflict.id, resolution: 'keep-both' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await bob.call<Conflict[]>('bundle:conflicts', { caseId })).toEqual([
      expect.objectContaining({ id: conflict.id, keepBoth: false }),
    ]);
  });

  it('a newer bundle’s version supersedes the one waiting: the older staged content is removed', async () => {
    const { caseId, docId, conflict } = await conflictOnBob();
    const vault = vaultOf(bob);
    const older = present(incomingBlobs(vault)[0]);
    const third = patternBytes(0, 40_000, 3);
    await divergeDocument(vaultOf(alice), docId, third, 'Referral letter, corrected again');
    expect(await transfer(alice, bob, caseId, bobOnAlice)).toMatchObject({ applied: true, conflicts: 1 });
    const open = await bob.call<Conflict[]>('bundle:conflicts', { caseId });
    expect(open).toHaveLength(1);
    expect(present(open[0]).id).not.toBe(conflict.id);
    const newer = present(incomingBlobs(vault)[0]);
    expect(incomingBlobs(vault)).toHaveLength(1);
    expect(newer.size_bytes).toBe(third.length);
    expect(existsSync(blobPath(vault.dir, older.blob_id))).toBe(false);
    expect(existsSync(blobPath(vault.dir, newer.blob_id))).toBe(true);
    await expectVaultSound(vault);
  });
});
