/**
 * The bundle channels through the router, with the real case file on two real vaults: key
 * cards and the colleague directory, export into the outbox, download and upload through the
 * framework-neutral routes, preview / apply / discard, roles and the passphrase policy.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { downloadBundle, uploadBundle } from '../../../../main/core/bundles/bundle-routes';
import { createStreamServer } from '../../../../main/app/stream-routes';
import { tempDirs } from '../temp-vault';
import { BASIS, exchangeCards, laptop, makeCase, ok, receive, type Laptop } from './app-fixtures';

const dirs = tempDirs('ncats-bundle-ipc-');
let alice: Laptop;
let bob: Laptop;

beforeEach(async () => {
  const parent = dirs.make();
  alice = await laptop(parent, 'alice', 'Alice Ahmed');
  bob = await laptop(parent, 'bob', 'Bob Barnes');
});
afterEach(() => {
  alice.core.manager.dispose();
  bob.core.manager.dispose();
  dirs.cleanup();
});

async function readAll(body: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of body) parts.push(c as Buffer);
  return Buffer.concat(parts);
}

describe('key cards and colleagues', () => {
  it('shows my card, saves it as a file, and imports, verifies and revokes a colleague', async () => {
    const card = await alice.call<{ fingerprint: string; ageRecipient: string; name: string }>('key:myCard', {});
    expect(card.name).toBe('Alice Ahmed');
    expect(card.fingerprint).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){4}$/);
    const file = await alice.call<{ fileName: string; text: string }>('key:exportCard', {});
    expect(file.fileName).toBe('alice-ahmed.ncatscard');
    expect(file.text).toContain(card.ageRecipient);
    expect(file.text).not.toContain('AGE-SECRET-KEY');

    const bad = await bob.raw('colleague:importCard', { cardText: 'not a card' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const altered = file.text.replace(card.fingerprint, 'AAAA-AAAA-AAAA-AAAA-AAAA');
    expect(await bob.raw('colleague:importCard', { cardText: altered })).toMatchObject({ ok: false });
    const own = await alice.raw('colleague:importCard', { cardText: file.text });
    expect(own).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const added = await bob.call<{ id: string; status: string; fingerprint: string }>('colleague:importCard', {
      cardText: file.text,
    });
    expect(added).toMatchObject({ status: 'unverified', fingerprint: card.fingerprint });
    expect(await bob.call('colleague:verify', { colleagueId: added.id })).toMatchObject({ status: 'verified' });
    const list = await bob.call<{ name: string; status: string }[]>('colleague:list', {});
    expect(list).toEqual([expect.objectContaining({ name: 'Alice Ahmed', status: 'verified' })]);
    const revoked = await bob.call('colleague:revoke', { colleagueId: added.id, reason: 'Left the service' });
    expect(revoked).toMatchObject({ status: 'revoked' });
    expect(await bob.raw('colleague:revoke', { colleagueId: added.id, reason: '' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });

  it('lets a read-only user see cards but not change the directory or send a case', async () => {
    await alice.call('user:create', {
      username: 'reader',
      displayName: 'Rea Reader',
      password: 'read only password 1',
      role: 'read-only',
    });
    await alice.call('vault:unlock', { username: 'reader', password: 'read only password 1' });
    expect(ok(await alice.raw('key:myCard', {}))).toMatchObject({ name: 'Rea Reader' });
    expect(ok(await alice.raw('colleague:list', {}))).toEqual([]);
    for (const [channel, input] of [
      ['colleague:importCard', { cardText: '{}' }],
      ['bundle:preparePassphrase', {}],
      ['bundle:discard', { inboxId: '00000000-0000-4000-8000-000000000000' }],
    ] as const) {
      expect(await alice.raw(channel, input)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    // The byte routes refuse through the table's access rule (the router's), as the app serves them.
    const serve = createStreamServer(alice.core);
    const download = await serve(new Request('app://ncats/bundles/00000000-0000-4000-8000-000000000000'));
    const upload = await serve(
      new Request('app://ncats/bundles/upload', { method: 'POST', body: 'x', duplex: 'half' } as RequestInit),
    );
    for (const res of [download, upload]) {
      expect(res?.status).toBe(403);
      expect(await res?.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: /role/ } });
    }
  });
});

describe('export, download, upload, preview and apply', () => {
  it('sends a case through the outbox and inbox, shows the preview, applies it once, and cleans up', async () => {
    const { bOnA } = await exchangeCards(alice, bob);
    const made = await makeCase(alice, 'Transfer');
    await alice.call('note:create', {
      caseId: made.id,
      note: { occurredAt: '2026-01-13T10:00:00Z', type: 'case_note', text: 'First meeting.' },
    });
    await alice.call('note:create', {
      caseId: made.id,
      note: {
        occurredAt: '2026-01-14T10:00:00Z',
        type: 'case_note',
        text: 'About a sibling.',
        thirdPartySensitive: true,
      },
    });
    const contents = await alice.call<{
      reference: string;
      parts: { module: string; count: number; thirdParty: number }[];
    }>('bundle:contents', { caseId: made.id });
    expect(contents.reference).toBe(made.reference);
    expect(contents.parts.find((p) => p.module === 'notes')).toEqual({ module: 'notes', count: 2, thirdParty: 1 });

    // The renderer cannot name a path: an unknown key is refused by the schema.
    const withPath = await alice.raw('bundle:export', {
      caseId: made.id,
      include: { thirdParty: false },
      recipients: { colleagueIds: [bOnA] },
      basis: BASIS,
      outFile: '/tmp/evil.ncatsbundle',
    });
    expect(withPath).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(
      await alice.raw('bundle:export', {
        caseId: made.id,
        include: { thirdParty: false },
        recipients: { colleagueIds: [bOnA] },
        basis: '',
      }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });

    const exported = await alice.call<{ bundleId: string; fileName: string; records: number; recipients: string[] }>(
      'bundle:export',
      {
        caseId: made.id,
        include: { modules: ['notes'], thirdParty: false },
        recipients: { colleagueIds: [bOnA] },
        basis: BASIS,
      },
    );
    expect(exported.fileName).toMatch(new RegExp(`^${made.reference}-\\d{4}-\\d{2}-\\d{2}\\.ncatsbundle$`));
    expect(exported.recipients[0]).toContain('Bob Barnes');
    expect(readdirSync(join(alice.dir, 'outbox'))).toEqual([`${exported.bundleId}.ncatsbundle`]);

    const download = downloadBundle(alice.core.manager.current(), exported.bundleId);
    expect(download.headers['content-disposition']).toContain(exported.fileName);
    expect(download.headers['content-type']).toBe('application/octet-stream');
    const bytes = await readAll(download.body);
    expect(bytes.subarray(0, 21).toString()).toBe('age-encryption.org/v1');
    expect(() => downloadBundle(alice.core.manager.current(), '../vault.db')).toThrow(/Not a valid bundle id/);

    const { inboxId } = await uploadBundle(bob.core.manager.current(), Readable.from([bytes]));
    expect(existsSync(join(bob.dir, 'inbox', `${inboxId}.ncatsbundle`))).toBe(true);
    const preview = await bob.call<{ state: string; preview: Record<string, unknown> }>('bundle:preview', { inboxId });
    expect(preview).toMatchObject({
      state: 'ready',
      preview: {
        caseAction: 'new',
        caseReference: made.reference,
        localReference: made.reference,
        referenceClash: false,
        caseTitle: 'Sam Transfer, born 01/05/2012',
        sender: { name: 'Alice Ahmed', status: 'verified' },
        basis: BASIS,
      },
    });
    expect(await bob.raw('case:get', { caseId: made.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    const applied = await bob.call('bundle:apply', { inboxId });
    expect(applied).toEqual({ caseId: made.id, localReference: made.reference, applied: true, conflicts: 0 });
    expect(existsSync(join(bob.dir, 'inbox', `${inboxId}.ncatsbundle`))).toBe(false);
    const notes = await bob.call<{ items: { text: string }[] }>('note:list', { caseId: made.id });
    expect(notes.items.map((n) => n.text)).toEqual(['First meeting.']);
    expect(await bob.raw('bundle:apply', { inboxId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    // The same file again: previewed as already imported, applying changes nothing.
    const again = await receive(bob, join(alice.dir, 'outbox', `${exported.bundleId}.ncatsbundle`));
    expect(await bob.call('bundle:preview', { inboxId: again })).toMatchObject({
      preview: { alreadyImported: true, caseAction: 'update' },
    });
    expect(await bob.call('bundle:apply', { inboxId: again })).toMatchObject({ applied: false });

    const chronology = await bob.call<{ items: { kind: string; summary: string }[] }>('chronology:get', {
      caseId: made.id,
    });
    expect(chronology.items.find((e) => e.kind === 'bundle_received')?.summary).toBe(
      `Received in a bundle from Alice Ahmed (their reference ${made.reference})`,
    );
  });

  it('asks for the passphrase of a passphrase bundle, and discards an upload', async () => {
    const made = await makeCase(alice, 'Phrase');
    const { passphrase, allowed } = await alice.call<{ passphrase: string; allowed: boolean }>(
      'bundle:preparePassphrase',
      {},
    );
    expect(allowed).toBe(true);
    expect(passphrase).toMatch(/^([a-z2-7]{5}-){4}[a-z2-7]{5}$/);
    const exported = await alice.call<{ bundleId: string }>('bundle:export', {
      caseId: made.id,
      include: { thirdParty: false },
      passphrase,
      basis: BASIS,
    });
    const inboxId = await receive(bob, join(alice.dir, 'outbox', `${exported.bundleId}.ncatsbundle`));
    expect(await bob.call('bundle:preview', { inboxId })).toEqual({ state: 'passphrase-needed' });
    expect(await bob.raw('bundle:apply', { inboxId, acceptUnknownSender: true })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await bob.raw('bundle:preview', { inboxId, passphrase: 'wrong wrong wrong wrong' })).toMatchObject({
      ok: false,
      error: { code: 'BUNDLE_REJECTED' },
    });
    expect(await bob.call('bundle:preview', { inboxId, passphrase })).toMatchObject({
      state: 'ready',
      preview: { sender: { status: 'unknown' } },
    });
    // An unknown sender needs the explicit acceptance.
    expect(await bob.raw('bundle:apply', { inboxId, passphrase })).toMatchObject({
      ok: false,
      error: { code: 'BUNDLE_REJECTED' },
    });
    await bob.call('bundle:discard', { inboxId });
    expect(readdirSync(join(bob.dir, 'inbox'))).toEqual([]);
    expect(await bob.raw('bundle:preview', { inboxId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('refuses passphrase bundles when the machine policy forbids them', async () => {
    const parent = dirs.make();
    const managed = await laptop(parent, 'carol', 'Carol Clarke', { bundles: { allowPassphrase: false } });
    try {
      const made = await makeCase(managed, 'Policy');
      const prepared = await managed.call<{ allowed: boolean }>('bundle:preparePassphrase', {});
      expect(prepared.allowed).toBe(false);
      const refused = await managed.raw('bundle:export', {
        caseId: made.id,
        include: { thirdParty: false },
        passphrase: 'a long enough passphrase here',
        basis: BASIS,
      });
      expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(existsSync(join(managed.dir, 'outbox')) ? readdirSync(join(managed.dir, 'outbox')) : []).toEqual([]);
    } finally {
      managed.core.manager.dispose();
    }
  });
});
