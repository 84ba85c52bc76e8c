/**
 * Interop with standard tools: the reference `age` CLI (Debian package) decrypts a recipient
 * bundle and a passphrase bundle, GNU tar lists the archive, and poppler's pdftotext reads the
 * summary. age asks for a passphrase only on a terminal, so that run goes through a pty.
 */
import { execFileSync, execSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportBundle } from '../../../../main/core/bundles/export';
import { addColleague } from '../../../../main/core/keys/colleagues';
import { ensureUserKeys, myKeyCard } from '../../../../main/core/keys/user-keys';
import type { OpenVault } from '../../../../main/core/vault/vault';
import { addCase, addDocument, addItem, makeVault, tempDirs, testRegistry } from './fixtures';

const tools = ['/usr/bin/age', '/usr/bin/tar', '/usr/bin/pdftotext', '/usr/bin/python3'].every((t) => existsSync(t));

/** Run `age -d` under a pseudo-terminal and type the passphrase when it asks. */
const PTY_AGE = `
import os, pty, sys
passphrase, src, dst = sys.argv[1], sys.argv[2], sys.argv[3]
pid, fd = pty.fork()
if pid == 0:
    os.execvp('age', ['age', '-d', '-o', dst, src])
buf = b''
while b'passphrase' not in buf.lower():
    buf += os.read(fd, 1024)
os.write(fd, passphrase.encode() + b'\\n')
try:
    while os.read(fd, 1024):
        pass
except OSError:
    pass
_, status = os.waitpid(pid, 0)
sys.exit(os.waitstatus_to_exitcode(status))
`;

describe.skipIf(!tools)('interop with age, tar and pdftotext (skipped when the Debian tools are absent)', () => {
  const dirs = tempDirs();
  let work: string;
  let alice: OpenVault;
  let bob: OpenVault;
  let docId: string;

  beforeAll(async () => {
    work = dirs.make();
    alice = await makeVault(work, 'alice', 'Alice Ahmed');
    bob = await makeVault(work, 'bob', 'Bob Barnes');
    addColleague(alice, await myKeyCard(bob), { verified: true });
    const caseId = addCase(
      alice,
      'T-0042',
      'Referral from Northshire – “quoted” (brackets) and a long line '.repeat(3),
    );
    for (let i = 0; i < 120; i++) addItem(alice, caseId, `Note ${i}: the young person’s review was on 04/03/2025`);
    docId = (await addDocument(alice, caseId, 70_000, 9)).id;
  });
  afterAll(() => {
    alice.close();
    bob.close();
    dirs.cleanup();
  });

  it('age -d with the recipient’s identity file decrypts a bundle, tar lists it and pdftotext reads the summary', async () => {
    const file = join(work, 'r.ncatsbundle');
    await exportBundle(alice, testRegistry(alice), {
      caseReference: 'T-0042',
      recipients: [{ kind: 'colleague', nameOrId: 'Bob Barnes' }],
      basis: 'Transfer of care',
      outFile: file,
    });
    const identityFile = join(work, 'bob.key');
    writeFileSync(identityFile, `${(await ensureUserKeys(bob)).ageIdentity}\n`, { mode: 0o600 });
    const listing = execSync(`age -d -i ${identityFile} ${file} | tar -tvf -`, { encoding: 'utf8' });
    const names = listing
      .trim()
      .split('\n')
      .map((l) => l.split(/\s+/).pop());
    expect(names).toEqual([
      'manifest.json',
      'manifest.sig',
      'records/test-items.json',
      'records/test-cases.json',
      'summary.pdf',
      `documents/${docId}`,
    ]);
    const out = join(work, 'x');
    execSync(`mkdir -p ${out} && age -d -i ${identityFile} ${file} | tar -xf - -C ${out}`);
    const text = execFileSync('pdftotext', ['-layout', join(out, 'summary.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('Case T-0042: summary of a case bundle');
    expect(text).toContain('Basis for sharing: Transfer of care');
    expect(text).toContain('“quoted” (brackets)');
    expect(text).toContain('Note 119: the young person’s review was on 04/03/2025');
    const pages = execFileSync('pdfinfo', [join(out, 'summary.pdf')], { encoding: 'utf8' });
    expect(Number(/Pages:\s+(\d+)/.exec(pages)?.[1])).toBeGreaterThan(1);
  });

  it('age -d with the passphrase (typed on a pty) decrypts a passphrase bundle', async () => {
    const file = join(work, 'p.ncatsbundle');
    const passphrase = 'k7qf2-mztwb-4xpld-3h6ra-q2v5n';
    await exportBundle(alice, testRegistry(alice), {
      caseReference: 'T-0042',
      passphrase,
      basis: 'Advice to the local authority',
      outFile: file,
    });
    const tarFile = join(work, 'p.tar');
    execFileSync('python3', ['-c', PTY_AGE, passphrase, file, tarFile], { timeout: 120_000 });
    expect(execFileSync('tar', ['-tf', tarFile], { encoding: 'utf8' })).toContain('summary.pdf');
  });
});
