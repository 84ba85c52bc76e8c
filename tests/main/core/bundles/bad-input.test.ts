/**
 * Every kind of bad bundle is refused with a clear error and leaves the importing vault exactly
 * as it was (a digest of every table and every file in the vault folder, before and after).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BundleProblem } from '../../../../main/core/bundles/bundle-error';
import { exportBundle } from '../../../../main/core/bundles/export';
import { importBundle, type ImportOptions } from '../../../../main/core/bundles/import';
import { addColleague } from '../../../../main/core/keys/colleagues';
import { ensureUserKeys, myKeyCard, type UserKeys } from '../../../../main/core/keys/user-keys';
import type { OpenVault } from '../../../../main/core/vault/vault';
import { buildTar, editManifest, rehash, seal, takeApart, type RawEntry } from './craft';
import { addCase, addDocument, addItem, makeVault, tempDirs, testRegistry, vaultSnapshot } from './fixtures';

describe('bad bundles are refused and change nothing', () => {
  const dirs = tempDirs();
  let work: string;
  let alice: OpenVault;
  let bob: OpenVault;
  let carol: OpenVault;
  let aliceKeys: UserKeys;
  let bobRecipient: string;
  let good: string;
  let parts: RawEntry[];
  let n = 0;

  beforeAll(async () => {
    work = dirs.make();
    alice = await makeVault(work, 'alice', 'Alice Ahmed');
    bob = await makeVault(work, 'bob', 'Bob Barnes');
    carol = await makeVault(work, 'carol', 'Carol Chen');
    addColleague(bob, await myKeyCard(alice), { verified: true });
    addColleague(alice, await myKeyCard(bob), { verified: true });
    await myKeyCard(carol);
    aliceKeys = await ensureUserKeys(alice);
    const bobKeys = await ensureUserKeys(bob);
    bobRecipient = bobKeys.ageRecipient;
    const caseId = addCase(alice, 'T-0001', 'Case');
    addItem(alice, caseId, 'a note');
    await addDocument(alice, caseId, 200_000, 3);
    good = join(work, 'good.ncatsbundle');
    await exportBundle(alice, testRegistry(alice), {
      caseReference: 'T-0001',
      recipients: [{ kind: 'colleague', nameOrId: 'Bob Barnes' }],
      basis: 'Transfer of care',
      outFile: good,
    });
    parts = await takeApart(good, bobKeys.ageIdentity);
  });
  afterAll(() => {
    alice.close();
    bob.close();
    carol.close();
    dirs.cleanup();
  });

  async function expectRefused(
    file: string,
    problem: BundleProblem,
    message: RegExp,
    options: ImportOptions = {},
    vault: OpenVault = bob,
  ) {
    // Compared line by line, so a difference names the rows and files left behind.
    const before = vaultSnapshot(vault);
    const attempt = importBundle(vault, testRegistry(vault), file, options);
    await expect(attempt).rejects.toMatchObject({ code: 'BUNDLE_REJECTED', problem });
    expect(vaultSnapshot(vault), 'the first refused import changed the vault').toEqual(before);
    await expect(importBundle(vault, testRegistry(vault), file, options)).rejects.toThrow(message);
    expect(vaultSnapshot(vault), 'the second refused import changed the vault').toEqual(before);
  }

  const bytesOf = (f: string) => readFileSync(f);
  function write(bytes: Buffer): string {
    const file = join(work, `bad-${++n}.ncatsbundle`);
    writeFileSync(file, bytes);
    return file;
  }
  const sealed = (entries: RawEntry[], trailing?: Buffer) =>
    seal(buildTar(entries, trailing), bobRecipient, join(work, `crafted-${++n}.ncatsbundle`));
  const recordsIndex = () => parts.findIndex((p) => p.name === 'records/test-items.json');

  it('the untouched bundle imports (so each refusal below is down to its one change)', async () => {
    const rebuilt = await sealed(parts);
    const result = await importBundle(bob, testRegistry(bob), rebuilt, { dryRun: true });
    expect(result.preview.counts.new).toBe(2);
  });

  it('wrong identity', async () => {
    await expectRefused(good, 'wrong-key', /not encrypted for you/, {}, carol);
  });

  it('wrong passphrase on a passphrase bundle', async () => {
    const file = join(work, 'pass.ncatsbundle');
    await exportBundle(alice, testRegistry(alice), {
      caseReference: 'T-0001',
      passphrase: 'the right passphrase here',
      basis: 'Transfer of care',
      outFile: file,
    });
    await expectRefused(file, 'wrong-key', /passphrase is wrong/, { passphrase: 'a wrong passphrase entirely' });
    // Three scrypt runs at the work factor (2^18, 256 MiB each): 7 s on a quiet machine,
    // but past the default 60 s in 3 of 30 runs at load 15 on 2 cores.
  }, 180_000);

  it('truncated file', async () => {
    const bytes = bytesOf(good);
    await expectRefused(write(bytes.subarray(0, bytes.length - 5000)), 'damaged', /damaged or incomplete/);
    await expectRefused(write(bytes.subarray(0, 100)), 'not-a-bundle', /not an NCATS bundle/);
  });

  it('a flipped bit in the payload', async () => {
    const bytes = Buffer.from(bytesOf(good));
    const at = bytes.length - 70_000;
    bytes[at] = (bytes[at] ?? 0) ^ 0x01;
    await expectRefused(write(bytes), 'damaged', /integrity check/);
  });

  it('a file that is not an age file at all', async () => {
    await expectRefused(write(Buffer.from('PK\u0003\u0004 not a bundle')), 'not-a-bundle', /not an NCATS bundle/);
  });

  it('a valid age file with a tampered entry (hash no longer matches)', async () => {
    const copy = parts.map((p) => ({ ...p }));
    const i = recordsIndex();
    const entry = copy[i] as RawEntry;
    copy[i] = { ...entry, data: Buffer.from(entry.data.toString('utf8').replace('a note', 'A note')) };
    await expectRefused(await sealed(copy), 'tampered', /altered since it was signed/);
  });

  it('a tampered manifest (signature no longer matches)', async () => {
    await expectRefused(
      await sealed(editManifest(parts, (m) => (m.basis = 'Something else'))),
      'bad-signature',
      /signature does not match/,
    );
  });

  it('a signature by someone else', async () => {
    const carolKeys = await ensureUserKeys(carol);
    await expectRefused(await sealed(editManifest(parts, () => undefined, carolKeys)), 'bad-signature', /signature/);
  });

  it('an unknown format version (even when properly signed)', async () => {
    await expectRefused(
      await sealed(editManifest(parts, (m) => (m.formatVersion = 2), aliceKeys)),
      'unknown-format',
      /format version 2/,
    );
  });

  it.each([
    ['path traversal', '../../evil.json', '5'],
    ['an absolute name', '/etc/passwd', '0'],
    ['a symbolic link', 'records/link.json', '2'],
    ['a hard link', 'records/hard.json', '1'],
    ['a directory', 'records', '5'],
    ['a pax extended header', 'PaxHeader', 'x'],
  ])('%s in the tar', async (_label, name, typeflag) => {
    const copy = [...parts.slice(0, 2), { name, data: Buffer.from('{}'), typeflag }, ...parts.slice(2)];
    await expectRefused(await sealed(copy), 'unsafe-entry', /not in the expected form/);
  });

  it('an entry larger than the manifest declares', async () => {
    const copy = parts.map((p) => ({ ...p }));
    const i = recordsIndex();
    copy[i] = { ...(copy[i] as RawEntry), data: Buffer.concat([(copy[i] as RawEntry).data, Buffer.alloc(600, 0x20)]) };
    await expectRefused(await sealed(copy), 'too-large', /larger than the manifest declares/);
  });

  it('a header claiming a huge entry (decompression bomb) is refused before reading it', async () => {
    const copy = parts.map((p) => ({ ...p }));
    const i = recordsIndex();
    copy[i] = { ...(copy[i] as RawEntry), headerSize: 8 ** 11 - 1 };
    await expectRefused(await sealed(copy), 'too-large', /larger than allowed/, {
      limits: { maxTotalBytes: 10 * 1024 * 1024 },
    });
  });

  it('more entries, or a bigger total, than the limits allow', async () => {
    await expectRefused(good, 'too-large', /the limit is 2/, { limits: { maxEntries: 2 } });
    await expectRefused(good, 'too-large', /larger than this app accepts/, { limits: { maxTotalBytes: 100_000 } });
    const huge = editManifest(
      parts,
      (m) =>
        (m.entries as { kind: string; size: number }[])
          .filter((e) => e.kind === 'document')
          .forEach((e) => (e.size = 2 ** 45)),
      aliceKeys,
    );
    await expectRefused(await sealed(huge), 'too-large', /larger than this app accepts/);
  });

  it('an entry the manifest does not list, and one it lists but is missing', async () => {
    await expectRefused(
      await sealed([...parts, { name: 'records/extra.json', data: Buffer.from('{}') }]),
      'tampered',
      /entries the manifest does not list/,
    );
    await expectRefused(await sealed(parts.slice(0, -1)), 'tampered', /is missing/);
  });

  it('data after the end of the archive', async () => {
    await expectRefused(await sealed(parts, Buffer.from('trailing garbage')), 'unsafe-entry', /after the end/);
  });

  it('a properly signed record that fails its schema', async () => {
    const copy = parts.map((p) => ({ ...p }));
    const i = recordsIndex();
    const json = JSON.parse((copy[i] as RawEntry).data.toString('utf8')) as { records: { version: unknown }[] };
    (json.records[0] as { version: unknown }).version = 'two';
    copy[i] = { name: 'records/test-items.json', data: Buffer.from(JSON.stringify(json)) };
    await expectRefused(
      await sealed(rehash(copy, 'records/test-items.json', aliceKeys)),
      'invalid-record',
      /is not valid \(version/,
    );
  });

  it('a properly signed record belonging to another case', async () => {
    const copy = parts.map((p) => ({ ...p }));
    const i = recordsIndex();
    const json = JSON.parse((copy[i] as RawEntry).data.toString('utf8')) as { records: { caseId: string }[] };
    (json.records[0] as { caseId: string }).caseId = '00000000-0000-4000-8000-000000000000';
    copy[i] = { name: 'records/test-items.json', data: Buffer.from(JSON.stringify(json)) };
    await expectRefused(
      await sealed(rehash(copy, 'records/test-items.json', aliceKeys)),
      'wrong-case',
      /different case/,
    );
  });

  it('a bundle from an unknown sender is not applied without acceptance (a dry run still previews it)', async () => {
    const fromCarol = join(work, 'carol.ncatsbundle');
    const caseId = addCase(carol, 'T-0009', 'Carol case');
    addItem(carol, caseId, 'x');
    await exportBundle(carol, testRegistry(carol), {
      caseReference: 'T-0009',
      recipients: [{ kind: 'raw', recipient: bobRecipient }],
      basis: 'Advice',
      outFile: fromCarol,
    });
    await expectRefused(
      fromCarol,
      'sender-not-accepted',
      /not in your colleague directory. Their fingerprint is [A-Z2-7-]{24}/,
    );
    const before = vaultSnapshot(bob);
    const preview = await importBundle(bob, testRegistry(bob), fromCarol, { dryRun: true });
    expect(preview.preview.sender).toMatchObject({ status: 'unknown', name: 'Carol Chen' });
    expect(vaultSnapshot(bob)).toEqual(before);
  });
});
