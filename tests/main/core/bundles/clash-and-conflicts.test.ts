/**
 * Two things two vaults disagree on. A case reference the receiving vault already uses for a
 * different case: the incoming case gets the next local number, and later bundles of the same
 * case find it again by its UUID. Records changed on both sides: kept as conflicts, the case
 * flagged, and each resolved (keep mine / take theirs) with an audit row; the flag clears with
 * the last one, and a kept local version then travels back as an ordinary update.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDirs } from '../temp-vault';
import { exchangeCards, laptop, makeCase, receive, send, type Laptop } from './app-fixtures';

const dirs = tempDirs('ncats-bundle-clash-');
let alice: Laptop;
let bob: Laptop;
let bobOnAlice: string;
let aliceOnBob: string;

beforeEach(async () => {
  const parent = dirs.make();
  alice = await laptop(parent, 'alice', 'Alice Ahmed');
  bob = await laptop(parent, 'bob', 'Bob Barnes');
  const ids = await exchangeCards(alice, bob);
  bobOnAlice = ids.bOnA;
  aliceOnBob = ids.aOnB;
});
afterEach(() => {
  alice.core.manager.dispose();
  bob.core.manager.dispose();
  dirs.cleanup();
});

interface Note {
  id: string;
  text: string;
  version: number;
}
const notes = async (l: Laptop, caseId: string) =>
  (await l.call<{ items: Note[] }>('note:list', { caseId })).items.sort((a, b) => a.id.localeCompare(b.id));
const addNote = (l: Laptop, caseId: string, text: string) =>
  l.call<Note>('note:create', { caseId, note: { occurredAt: '2026-01-20T09:00:00Z', type: 'case_note', text } });
const editNote = (l: Laptop, note: Note, text: string) =>
  l.call<Note>('note:update', {
    noteId: note.id,
    expectedVersion: note.version,
    note: { occurredAt: '2026-01-20T09:00:00Z', type: 'case_note', text },
  });
const openFlags = async (l: Laptop, caseId: string) =>
  (await l.call<{ reason: string; clearedAt: string | null }[]>('flag:list', { caseId })).filter((f) => !f.clearedAt);

async function transfer(from: Laptop, to: Laptop, caseId: string, colleagueId: string) {
  const inboxId = await receive(to, await send(from, caseId, colleagueId));
  const preview = await to.call<{ preview: Record<string, unknown> & { counts: Record<string, number> } }>(
    'bundle:preview',
    { inboxId },
  );
  const applied = await to.call<{ caseId: string; localReference: string; conflicts: number }>('bundle:apply', {
    inboxId,
  });
  return { preview: preview.preview, applied };
}

describe('a reference already used here by a different case', () => {
  it('gives the incoming case the next local number, and later bundles of it update that case', async () => {
    const bobsOwn = await makeCase(bob, 'Localcase');
    const alices = await makeCase(alice, 'Travelling');
    expect(alices.reference).toBe(bobsOwn.reference);

    const first = await transfer(alice, bob, alices.id, bobOnAlice);
    expect(first.preview).toMatchObject({ caseAction: 'new', referenceClash: true, localReference: null });
    const local = first.applied.localReference;
    expect(local).not.toBe(alices.reference);
    expect(local).toMatch(/^NC-2026-\d{4}$/);
    expect(await bob.call('case:get', { caseId: alices.id })).toMatchObject({ reference: local });
    expect(await bob.call('case:get', { caseId: bobsOwn.id })).toMatchObject({ reference: bobsOwn.reference });
    const chronology = await bob.call<{ items: { kind: string; summary: string }[] }>('chronology:get', {
      caseId: alices.id,
    });
    expect(chronology.items.map((e) => e.summary)).toContain(
      `Received in a bundle from Alice Ahmed (their reference ${alices.reference})`,
    );

    await addNote(alice, alices.id, 'Seen at school.');
    const second = await transfer(alice, bob, alices.id, bobOnAlice);
    expect(second.preview).toMatchObject({ caseAction: 'update', localReference: local, referenceClash: false });
    expect(second.applied.localReference).toBe(local);
    expect((await notes(bob, alices.id)).map((n) => n.text)).toEqual(['Seen at school.']);
    expect(await notes(bob, bobsOwn.id)).toEqual([]);

    // Back to Alice: her own number stays hers.
    await addNote(bob, alices.id, 'Reply from Bob.');
    const back = await transfer(bob, alice, alices.id, aliceOnBob);
    expect(back.applied.localReference).toBe(alices.reference);
  });
});

describe('records changed on both sides', () => {
  it('keeps both, flags the case, and resolves each conflict with an audit row; the flag clears with the last', async () => {
    const made = await makeCase(alice, 'Conflicted');
    const n1 = await addNote(alice, made.id, 'Note one.');
    const n2 = await addNote(alice, made.id, 'Note two.');
    await transfer(alice, bob, made.id, bobOnAlice);

    const [b1, b2] = [
      (await notes(bob, made.id)).find((n) => n.id === n1.id),
      (await notes(bob, made.id)).find((n) => n.id === n2.id),
    ];
    if (!b1 || !b2) throw new Error('notes did not arrive');
    await editNote(bob, b1, 'Note one, as Bob has it.');
    await editNote(bob, b2, 'Note two, as Bob has it.');
    await editNote(alice, n1, 'Note one, as Alice has it.');
    await editNote(alice, n2, 'Note two, as Alice has it.');

    const { preview, applied } = await transfer(alice, bob, made.id, bobOnAlice);
    expect(preview.counts.conflict).toBe(2);
    expect(applied.conflicts).toBe(2);
    expect((await openFlags(bob, made.id)).map((f) => f.reason)).toEqual([
      'Bundle import conflict: 2 records differ - review',
    ]);
    // Bob's versions stay in force until he chooses.
    expect((await notes(bob, made.id)).map((n) => n.text).sort()).toEqual([
      'Note one, as Bob has it.',
      'Note two, as Bob has it.',
    ]);

    const conflicts = await bob.call<
      {
        id: string;
        recordId: string;
        module: string;
        senderName: string;
        differences: { field: string; mine: string; theirs: string }[];
      }[]
    >('bundle:conflicts', { caseId: made.id });
    expect(conflicts).toHaveLength(2);
    const c1 = conflicts.find((c) => c.recordId === n1.id);
    const c2 = conflicts.find((c) => c.recordId === n2.id);
    if (!c1 || !c2) throw new Error('conflicts missing');
    expect(c1).toMatchObject({ module: 'notes', senderName: 'Alice Ahmed' });
    expect(c1.differences).toContainEqual({
      field: 'text',
      mine: 'Note one, as Bob has it.',
      theirs: 'Note one, as Alice has it.',
    });

    expect(await bob.call('bundle:resolveConflict', { conflictId: c1.id, resolution: 'take-theirs' })).toEqual({
      caseId: made.id,
      remaining: 1,
    });
    expect(await openFlags(bob, made.id)).toHaveLength(1);
    expect(await bob.call('bundle:resolveConflict', { conflictId: c2.id, resolution: 'keep-mine' })).toEqual({
      caseId: made.id,
      remaining: 0,
    });
    expect(await bob.raw('bundle:resolveConflict', { conflictId: c2.id, resolution: 'take-theirs' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(await openFlags(bob, made.id)).toEqual([]);
    expect(await bob.call('bundle:conflicts', { caseId: made.id })).toEqual([]);
    const byId = Object.fromEntries((await notes(bob, made.id)).map((n) => [n.id, n.text]));
    expect(byId[n1.id]).toBe('Note one, as Alice has it.');
    expect(byId[n2.id]).toBe('Note two, as Bob has it.');
    const audit = bob.core.manager
      .current()
      .db.prepare(`SELECT detail FROM audit_log WHERE action = 'bundle.conflict.resolve' ORDER BY seq`)
      .all() as { detail: string }[];
    expect(audit.map((a) => (JSON.parse(a.detail) as { resolution: string }).resolution)).toEqual([
      'take-theirs',
      'keep-mine',
    ]);

    // What Bob kept goes back to Alice as an ordinary update; nothing conflicts any more.
    const back = await transfer(bob, alice, made.id, aliceOnBob);
    expect(back.preview.counts.conflict).toBe(0);
    const aliceNotes = Object.fromEntries((await notes(alice, made.id)).map((n) => [n.id, n.text]));
    expect(aliceNotes[n2.id]).toBe('Note two, as Bob has it.');
    expect(aliceNotes[n1.id]).toBe('Note one, as Alice has it.');
  });
});
