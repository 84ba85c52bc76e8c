/**
 * `ncats key`, `colleague`, `export` and `import`, driven in-process, with the real case file
 * (cases, people, notes, flags, documents) in two real vaults: round trip, idempotent re-import,
 * refusals (exit 1) with the vault unchanged, and usage errors (exit 2).
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { referralSchema } from '../../../preload/contract/case-records';
import { EXIT } from '../../../main/cli/errors';
import { createCase } from '../../../main/core/cases/cases.service';
import { raiseFlag } from '../../../main/core/casework/work.service';
import { importDocument, openDocumentStream, getDocument } from '../../../main/core/documents/documents.service';
import { createNote } from '../../../main/core/notes/notes.service';
import type { OpenVault } from '../../../main/core/vault/vault';
import { vaultDigest } from '../core/bundles/fixtures';
import { cliVaults, ncats } from './cli-fixture';

describe('ncats key / colleague / export / import', () => {
  let reference = '';
  let caseId = '';
  let documentSha = '';
  const vaults = cliVaults(
    {
      alice: { username: 'alice', displayName: 'Alice Ahmed' },
      bob: { username: 'bob', displayName: 'Bob Barnes' },
      carol: { username: 'carol', displayName: 'Carol Chen' },
    },
    async ({ alice }) => {
      const detail = createCase(
        alice,
        referralSchema.parse({
          referralDate: '2025-03-04',
          referralSource: 'Northshire children’s social care',
          referralReason: 'Concerning sexual behaviour towards a younger child at school.',
          servicesRequested: ['assessment'],
          leadWorkerId: alice.user.id,
          youngPerson: {
            givenName: 'Jamie',
            familyName: 'Doe',
            dateOfBirth: '2011-06-01',
            legalStatus: 'police_investigation_active',
            placement: 'foster',
            localAuthority: 'Northshire',
          },
          referrer: { name: 'Sam Social', role: 'social_worker', agency: 'Northshire CSC' },
        }),
      );
      caseId = detail.id;
      reference = detail.reference;
      createNote(alice, caseId, {
        occurredAt: '2025-03-05T10:00:00Z',
        type: 'phone_call',
        text: 'Spoke with the social worker about the referral.',
        thirdPartySensitive: false,
      });
      createNote(alice, caseId, {
        occurredAt: '2025-03-06T10:00:00Z',
        type: 'case_note',
        text: 'About the younger sibling.',
        thirdPartySensitive: true,
      });
      raiseFlag(alice, caseId, { reason: 'Police investigation active: check before any contact.', addressBy: null });
      const content = Buffer.alloc(150_000, 'report text ');
      documentSha = createHash('sha256').update(content).digest('hex');
      await importDocument(
        alice,
        { caseId, filename: 'school-report.pdf', title: 'School report' },
        Readable.from([content]),
      );
    },
  );

  /** `ncats export` of the fixture case as alice to `out`; `how` says to whom and why. */
  const exportAlicesCase = (out: string, ...how: string[]) =>
    ncats('export', ...vaults.as('alice'), '--case', reference, ...how, '--out', out);
  const digestWithoutSessions = async (name: 'bob'): Promise<string> => {
    const vault = await vaults.open(name);
    try {
      return vaultDigestWithoutSessions(vault);
    } finally {
      vault.close();
    }
  };

  it('shows keys and saves key cards; colleagues add each other verified', async () => {
    const key = await ncats('key', ...vaults.as('alice'), '--out', join(vaults.work, 'alice.ncatscard'));
    expect(key.code).toBe(EXIT.OK);
    expect(key.out).toMatch(/^Recipient: age1[a-z0-9]{58}$/m);
    expect(key.out).toMatch(/^Signing key: [A-Za-z0-9_-]{43}$/m);
    expect(key.out).toMatch(/^Fingerprint: [A-Z2-7]{4}(-[A-Z2-7]{4}){4}$/m);
    expect(JSON.parse(readFileSync(join(vaults.work, 'alice.ncatscard'), 'utf8'))).toMatchObject({
      name: 'Alice Ahmed',
      format: 'ncats-key-card',
    });
    expect((await ncats('key', ...vaults.as('bob'), '--out', join(vaults.work, 'bob.ncatscard'))).code).toBe(EXIT.OK);

    const added = await ncats(
      'colleague',
      'add',
      ...vaults.as('bob'),
      '--card',
      join(vaults.work, 'alice.ncatscard'),
      '--verified',
    );
    expect(added).toMatchObject({ code: EXIT.OK });
    expect(added.out).toContain('Alice Ahmed');
    expect(added.out).toContain('verified');
    expect(
      (await ncats('colleague', 'add', ...vaults.as('alice'), '--card', join(vaults.work, 'bob.ncatscard'))).code,
    ).toBe(EXIT.OK);
    expect((await ncats('colleague', 'verify', ...vaults.as('alice'), '--name', 'Bob Barnes')).out).toMatch(/verified/);
  });

  it('exports to a colleague; import previews, applies, and a second import changes nothing', async () => {
    const file = join(vaults.work, 'case.ncatsbundle');
    const exported = await exportAlicesCase(file, '--to', 'Bob Barnes', '--basis', 'Transfer of care; duty to share');
    expect(exported.err).toBe('');
    expect(exported.code).toBe(EXIT.OK);

    const dry = await ncats('import', ...vaults.as('bob'), '--in', file, '--dry-run');
    expect(dry.code).toBe(EXIT.OK);
    expect(dry.out).toContain(`Case:      ${reference} (new case)`);
    expect(dry.out).toContain('verified colleague');
    expect(dry.out).toContain('Dry run: nothing was changed.');

    const applied = await ncats('import', ...vaults.as('bob'), '--in', file);
    expect(applied.err).toBe('');
    expect(applied.code).toBe(EXIT.OK);
    expect(applied.out).toContain('Applied.');
    expect(applied.out).toContain('Documents: 1 new');

    const bob = await vaults.open('bob');
    try {
      expect(bob.db.prepare('SELECT reference, status FROM cases WHERE id = ?').get(caseId)).toEqual({
        reference,
        status: 'referred',
      });
      expect(bob.db.prepare('SELECT given_name, placement FROM young_people WHERE case_id = ?').get(caseId)).toEqual({
        given_name: 'Jamie',
        placement: 'foster',
      });
      expect(
        (bob.db.prepare('SELECT text FROM notes WHERE case_id = ?').all(caseId) as { text: string }[]).map(
          (n) => n.text,
        ),
      ).toEqual(['Spoke with the social worker about the referral.']);
      expect(bob.db.prepare('SELECT count(*) AS n FROM flags WHERE case_id = ?').get(caseId)).toEqual({ n: 1 });
      expect(bob.db.prepare(`SELECT display_name, disabled FROM users WHERE display_name LIKE 'Alice%'`).get()).toEqual(
        { display_name: 'Alice Ahmed (other service)', disabled: 1 },
      );
      const docId = (bob.db.prepare('SELECT id FROM documents WHERE case_id = ?').get(caseId) as { id: string }).id;
      const hash = createHash('sha256');
      for await (const piece of await openDocumentStream(bob, getDocument(bob, docId))) hash.update(piece as Buffer);
      expect(hash.digest('hex')).toBe(documentSha);
      expect(
        bob.db
          .prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'bundle.import' AND case_id = ?`)
          .get(caseId),
      ).toEqual({ n: 1 });
    } finally {
      bob.close();
    }
    const before = await digestWithoutSessions('bob');
    const again = await ncats('import', ...vaults.as('bob'), '--in', file);
    expect(again.code).toBe(EXIT.OK);
    expect(again.out).toContain('imported before: nothing was changed');
    const after = await digestWithoutSessions('bob');
    expect(after).toBe(before);
  });

  it('refuses a damaged bundle with exit 1 and usage errors with exit 2', async () => {
    const good = readFileSync(join(vaults.work, 'case.ncatsbundle'));
    const bad = join(vaults.work, 'bad.ncatsbundle');
    writeFileSync(bad, good.subarray(0, good.length - 10));
    const refused = await ncats('import', ...vaults.as('bob'), '--in', bad);
    expect(refused.code).toBe(EXIT.FAILURE);
    expect(refused.err).toMatch(/damaged or incomplete/);
    expect((await ncats('import', ...vaults.as('bob'))).code).toBe(EXIT.USAGE);
    expect(
      await exportAlicesCase(join(vaults.work, 'z'), '--to', 'Bob Barnes', '--passphrase-file', 'x', '--basis', 'b'),
    ).toMatchObject({ code: EXIT.USAGE });
    expect((await ncats('colleague', 'frobnicate')).code).toBe(EXIT.USAGE);
  });

  it('a passphrase bundle from an unknown sender needs --accept-unknown-sender', async () => {
    const file = join(vaults.work, 'pass.ncatsbundle');
    const passFile = join(vaults.work, 'pass.txt');
    const exported = await exportAlicesCase(
      file,
      '--passphrase-file',
      passFile,
      '--new-passphrase',
      '--basis',
      'Advice',
    );
    expect(exported.code).toBe(EXIT.OK);
    expect(exported.out).toMatch(/^Passphrase: [a-z2-7]{5}(-[a-z2-7]{5}){4}$/m);
    const refused = await ncats('import', ...vaults.as('carol'), '--in', file, '--passphrase-file', passFile);
    expect(refused.code).toBe(EXIT.FAILURE);
    expect(refused.err).toMatch(/not in your colleague directory. Their fingerprint is/);
    const accepted = await ncats(
      'import',
      ...vaults.as('carol'),
      '--in',
      file,
      '--passphrase-file',
      passFile,
      '--accept-unknown-sender',
    );
    expect(accepted.err).toBe('');
    expect(accepted.code).toBe(EXIT.OK);
    expect(accepted.out).toContain('NOT in your colleague directory');
  });
});

/** The digest of every table except the audit rows an unlock itself writes (session.unlock). */
function vaultDigestWithoutSessions(v: OpenVault): string {
  const saved = v.db.prepare(`SELECT count(*) AS n FROM audit_log WHERE action NOT LIKE 'session.%'`).get() as {
    n: number;
  };
  return `${saved.n}:${vaultDigest(v).length}:${JSON.stringify(v.db.prepare(`SELECT action, detail FROM audit_log WHERE action NOT LIKE 'session.%' ORDER BY seq`).all())}:${tablesDigest(v)}`;
}

function tablesDigest(v: OpenVault): string {
  const hash = createHash('sha256');
  for (const { name } of v.db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name <> 'audit_log' ORDER BY name`)
    .all() as { name: string }[]) {
    for (const row of v.db.prepare(`SELECT * FROM "${name}"`).iterate()) hash.update(JSON.stringify(row));
  }
  return hash.digest('hex');
}
