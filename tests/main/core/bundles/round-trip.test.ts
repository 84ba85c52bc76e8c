import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportBundle } from '../../../../main/core/bundles/export';
import { importBundle } from '../../../../main/core/bundles/import';
import { suggestPassphrase } from '../../../../main/core/bundles/passphrase';
import { addColleague, revokeColleague } from '../../../../main/core/keys/colleagues';
import { myKeyCard } from '../../../../main/core/keys/user-keys';
import type { OpenVault } from '../../../../main/core/vault/vault';
import { addCase, addDocument, addItem, editItem, makeVault, tempDirs, testRegistry, vaultDigest } from './fixtures';

const BASIS = 'Transfer of care to the receiving clinician (Caldicott: duty to share for direct care)';

async function hashDoc(vault: OpenVault, id: string): Promise<string> {
  const doc = testRegistry(vault)
    .documents?.list(vault.db, caseIdOf(vault), { includeThirdPartySensitive: true })
    .find((d) => d.id === id);
  if (!doc) throw new Error(`no document ${id}`);
  const hash = createHash('sha256');
  for await (const c of await doc.open()) hash.update(c as Buffer);
  return hash.digest('hex');
}

function caseIdOf(vault: OpenVault): string {
  return (vault.db.prepare('SELECT id FROM t_cases LIMIT 1').get() as { id: string }).id;
}

function items(vault: OpenVault): { id: string; text: string; version: number }[] {
  return vault.db.prepare('SELECT id, text, version FROM t_items ORDER BY text').all() as {
    id: string;
    text: string;
    version: number;
  }[];
}

function audit(vault: OpenVault, action: string): { detail: string; case_id: string | null }[] {
  return vault.db.prepare('SELECT detail, case_id FROM audit_log WHERE action = ?').all(action) as {
    detail: string;
    case_id: string | null;
  }[];
}

describe('bundle round trip between two real vaults', () => {
  const dirs = tempDirs();
  let alice: OpenVault;
  let bob: OpenVault;
  let work: string;

  beforeEach(async () => {
    work = dirs.make();
    alice = await makeVault(work, 'alice', 'Alice Ahmed');
    bob = await makeVault(work, 'bob', 'Bob Barnes');
    addColleague(bob, await myKeyCard(alice), { verified: true });
    addColleague(alice, await myKeyCard(bob), { verified: true });
  });
  afterEach(() => {
    alice.close();
    bob.close();
    dirs.cleanup();
  });

  async function send(out: string, extra: Partial<Parameters<typeof exportBundle>[2]> = {}) {
    return exportBundle(alice, testRegistry(alice), {
      caseReference: 'T-0001',
      recipients: [{ kind: 'colleague', nameOrId: 'Bob Barnes' }],
      basis: BASIS,
      outFile: out,
      ...extra,
    });
  }

  it('carries records and documents, leaves out third-party-sensitive items, audits both sides, and re-import changes nothing', async () => {
    const caseId = addCase(alice, 'T-0001', 'Referral from Northshire');
    addItem(alice, caseId, 'first note');
    addItem(alice, caseId, 'second note');
    addItem(alice, caseId, 'about a sibling', true);
    const big = await addDocument(alice, caseId, 300_000, 7);
    const empty = await addDocument(alice, caseId, 0, 1);

    const file = join(work, 'case.ncatsbundle');
    const sent = await send(file);
    expect(sent).toMatchObject({ records: 3, documents: 2, recipients: [expect.stringContaining('Bob Barnes')] });

    const preview = await importBundle(bob, testRegistry(bob), file, { dryRun: true });
    expect(preview.applied).toBe(false);
    expect(preview.preview).toMatchObject({
      caseAction: 'new',
      caseReference: 'T-0001',
      sender: { name: 'Alice Ahmed', status: 'verified' },
      basis: BASIS,
    });
    expect(preview.preview.counts.new).toBe(3);

    const result = await importBundle(bob, testRegistry(bob), file, {});
    expect(result.applied).toBe(true);
    expect(items(bob).map((i) => i.text)).toEqual(['first note', 'second note']);
    expect(await hashDoc(bob, big.id)).toBe(big.sha256);
    expect(await hashDoc(bob, empty.id)).toBe(empty.sha256);

    const exported = audit(alice, 'bundle.export');
    expect(exported).toHaveLength(1);
    expect(JSON.parse(exported[0]?.detail ?? '{}')).toMatchObject({
      basis: BASIS,
      recipients: [expect.stringContaining('Bob Barnes')],
      records: 3,
      documents: 2,
    });
    expect(exported[0]?.case_id).toBe(caseId);
    const imported = audit(bob, 'bundle.import');
    expect(imported).toHaveLength(1);
    expect(JSON.parse(imported[0]?.detail ?? '{}')).toMatchObject({ senderStatus: 'verified', basis: BASIS });

    const before = vaultDigest(bob);
    const again = await importBundle(bob, testRegistry(bob), file, {});
    expect(again).toMatchObject({ applied: false, preview: { alreadyImported: true } });
    expect(vaultDigest(bob)).toBe(before);
  });

  it('includes third-party-sensitive items only when chosen', async () => {
    const caseId = addCase(alice, 'T-0001', 'Case');
    addItem(alice, caseId, 'about a sibling', true);
    const file = join(work, 'tp.ncatsbundle');
    await send(file, { includeThirdPartySensitive: true });
    await importBundle(bob, testRegistry(bob), file, {});
    expect(items(bob).map((i) => i.text)).toEqual(['about a sibling']);
  });

  it('updates records changed on one side, keeps local changes, and records a conflict when both sides changed', async () => {
    const caseId = addCase(alice, 'T-0001', 'Case');
    const a = addItem(alice, caseId, 'a v1');
    const b = addItem(alice, caseId, 'b v1');
    const c = addItem(alice, caseId, 'c v1');
    await send(join(work, '1.ncatsbundle'));
    await importBundle(bob, testRegistry(bob), join(work, '1.ncatsbundle'), {});

    editItem(alice, a, 'a edited by alice'); // both sides: conflict
    editItem(bob, a, 'a edited by bob');
    editItem(alice, b, 'b edited by alice'); // only alice: update
    editItem(bob, c, 'c edited by bob'); // only bob: keep bob's
    await send(join(work, '2.ncatsbundle'));
    const result = await importBundle(bob, testRegistry(bob), join(work, '2.ncatsbundle'), {});
    expect(result.preview.counts).toMatchObject({ conflict: 1, update: 1, 'keep-local': 1, unchanged: 1 });
    expect(result.preview.caseAction).toBe('update');
    expect(items(bob).map((i) => i.text)).toEqual(['a edited by bob', 'b edited by alice', 'c edited by bob']);
    const conflicts = bob.db.prepare('SELECT record_id, local_record, incoming_record FROM bundle_conflicts').all() as {
      record_id: string;
      local_record: string;
      incoming_record: string;
    }[];
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]?.record_id).toBe(a);
    expect(JSON.parse(conflicts[0]?.local_record ?? '{}')).toMatchObject({ text: 'a edited by bob' });
    expect(JSON.parse(conflicts[0]?.incoming_record ?? '{}')).toMatchObject({ text: 'a edited by alice' });
  });

  it('sends to a raw age1 recipient and to a passphrase', async () => {
    addCase(alice, 'T-0001', 'Case');
    const bobCard = await myKeyCard(bob);
    const raw = join(work, 'raw.ncatsbundle');
    await send(raw, { recipients: [{ kind: 'raw', recipient: bobCard.ageRecipient }] });
    expect((await importBundle(bob, testRegistry(bob), raw, {})).applied).toBe(true);

    const passphrase = suggestPassphrase();
    expect(passphrase).toMatch(/^[a-z2-7]{5}(-[a-z2-7]{5}){4}$/);
    const carol = await makeVault(work, 'carol', 'Carol Chen');
    try {
      const byPass = join(work, 'pass.ncatsbundle');
      await send(byPass, { recipients: [], passphrase });
      const refused = importBundle(carol, testRegistry(carol), byPass, { passphrase });
      await expect(refused).rejects.toMatchObject({
        problem: 'sender-not-accepted',
        message: expect.stringContaining((await myKeyCard(alice)).fingerprint),
      });
      const accepted = await importBundle(carol, testRegistry(carol), byPass, {
        passphrase,
        acceptUnverifiedSender: true,
      });
      expect(accepted.preview.sender.status).toBe('unknown');
      expect(accepted.applied).toBe(true);
    } finally {
      carol.close();
    }
  });

  it('refuses to send to an unverified or revoked colleague, and refuses bundles from a revoked sender', async () => {
    addCase(alice, 'T-0001', 'Case');
    const carol = await makeVault(work, 'carol', 'Carol Chen');
    try {
      addColleague(alice, await myKeyCard(carol), { verified: false });
      await expect(
        send(join(work, 'x.ncatsbundle'), { recipients: [{ kind: 'colleague', nameOrId: 'Carol Chen' }] }),
      ).rejects.toThrow(/not been verified/);
      const file = join(work, 'y.ncatsbundle');
      await send(file);
      const aliceAtBob = bob.db.prepare('SELECT id FROM colleagues').get() as { id: string };
      revokeColleague(bob, aliceAtBob.id, 'laptop lost');
      const before = vaultDigest(bob);
      await expect(importBundle(bob, testRegistry(bob), file, {})).rejects.toMatchObject({ problem: 'sender-revoked' });
      expect(vaultDigest(bob)).toBe(before);
    } finally {
      carol.close();
    }
  });
});
