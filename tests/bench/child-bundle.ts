/**
 * Child process: export a case holding MB of documents (four files) as a bundle to a colleague
 * and import it into the colleague's vault, through main/core/bundles; then give the reference
 * `age` CLI the very same plaintext (the bundle's tar, recovered by decrypting it) to encrypt
 * to the same recipient. Usage: child-bundle.ts MB
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { referralSchema } from '../../preload/contract/case-records';
import { decryptFile } from '../../main/core/bundles/age-stream';
import { exportBundle } from '../../main/core/bundles/export';
import { importBundle } from '../../main/core/bundles/import';
import { caseFileRegistry } from '../../main/core/bundles/modules/index';
import { createCase } from '../../main/core/cases/cases.service';
import { importDocument } from '../../main/core/documents/documents.service';
import { addColleague } from '../../main/core/keys/colleagues';
import { loadUserKeys, myKeyCard } from '../../main/core/keys/user-keys';
import { scryptParams } from '../../main/core/vault/kdf';
import { createVault } from '../../main/core/vault/vault';
import { MB, answer, measure, pseudoRandom, scratch } from './child-measure';

const AGE_CLI = '/usr/bin/age';
const sizeMB = Number(process.argv[2] ?? 200);
const FILES = 4;
const work = scratch('ncats-bench-bundle-');
const fast = { kdf: scryptParams(2 ** 14) };
try {
  const person = (username: string, displayName: string) => ({
    username,
    displayName,
    password: 'benchmark password 2025',
  });
  const { vault: alice } = await createVault(join(work.dir, 'a'), person('alice', 'Alice Ahmed'), fast);
  const { vault: bob } = await createVault(join(work.dir, 'b'), person('bob', 'Bob Barnes'), fast);
  try {
    addColleague(alice, await myKeyCard(bob), { verified: true });
    addColleague(bob, await myKeyCard(alice), { verified: true });
    const detail = createCase(
      alice,
      referralSchema.parse({
        referralDate: '2025-01-10',
        youngPerson: { givenName: 'Alex', familyName: 'Roe', dateOfBirth: '2012-02-02' },
      }),
    );
    const per = Math.floor((sizeMB * MB) / FILES);
    for (let i = 0; i < FILES; i++) {
      await importDocument(
        alice,
        { caseId: detail.id, filename: `recording-${i + 1}.mp4`, title: `Session recording ${i + 1}` },
        Readable.from(pseudoRandom(per, i)),
      );
    }
    const file = join(work.dir, 'case.ncatsbundle');
    const exported = await measure(() =>
      exportBundle(alice, caseFileRegistry(alice), {
        caseReference: detail.reference,
        recipients: [{ kind: 'colleague', nameOrId: 'Bob Barnes' }],
        basis: 'Benchmark: transfer of care',
        outFile: file,
      }),
    );
    const imported = await measure(() => importBundle(bob, caseFileRegistry(bob), file, {}));
    const importedBytes = (bob.db.prepare('SELECT sum(size_bytes) AS n FROM documents').get() as { n: number }).n;
    if (importedBytes !== per * FILES) throw new Error(`imported ${importedBytes} bytes, expected ${per * FILES}`);

    // The same plaintext bytes for the reference implementation (synthetic data, scratch folder).
    const keys = loadUserKeys(bob);
    if (!keys) throw new Error('bob has no keys');
    const tar = join(work.dir, 'plain.tar');
    await pipeline(Readable.from(decryptFile(file, { identities: [keys.ageIdentity] })), createWriteStream(tar));
    const tarMB = statSync(tar).size / MB;
    let age: {
      encryptSeconds: number;
      decryptSeconds: number;
      encryptCpuSeconds?: number;
      decryptCpuSeconds?: number;
    } | null = null;
    if (existsSync(AGE_CLI)) {
      const identityFile = join(work.dir, 'bob.key');
      await pipeline(Readable.from([`${keys.ageIdentity}\n`]), createWriteStream(identityFile, { mode: 0o600 }));
      const t0 = performance.now();
      execFileSync(AGE_CLI, ['-r', keys.ageRecipient, '-o', join(work.dir, 'cli.age'), tar]);
      const t1 = performance.now();
      execFileSync(AGE_CLI, ['-d', '-i', identityFile, '-o', join(work.dir, 'cli.out'), join(work.dir, 'cli.age')]);
      const t2 = performance.now();
      // Each CLI run again, timed by its CPU (the children's rusage), to compare with ours under load.
      const cpuOf = (args: string[]): number => {
        const r = spawnSync('/usr/bin/time', ['-f', '%U %S', AGE_CLI, ...args], { encoding: 'utf8' });
        const [user, system] = (r.stderr.trim().split('\n').at(-1) ?? '').split(' ').map(Number);
        return (user ?? NaN) + (system ?? NaN);
      };
      const haveTime = existsSync('/usr/bin/time');
      age = {
        encryptSeconds: (t1 - t0) / 1000,
        decryptSeconds: (t2 - t1) / 1000,
        ...(haveTime
          ? {
              encryptCpuSeconds: cpuOf(['-r', keys.ageRecipient, '-o', join(work.dir, 'cli2.age'), tar]),
              decryptCpuSeconds: cpuOf([
                '-d',
                '-i',
                identityFile,
                '-o',
                join(work.dir, 'cli2.out'),
                join(work.dir, 'cli.age'),
              ]),
            }
          : {}),
      };
    }
    answer({
      sizeMB: (per * FILES) / MB,
      tarMB,
      exportSeconds: exported.seconds,
      importSeconds: imported.seconds,
      exportCpuSeconds: exported.cpuSeconds,
      importCpuSeconds: imported.cpuSeconds,
      exportMBps: (per * FILES) / MB / exported.seconds,
      importMBps: (per * FILES) / MB / imported.seconds,
      exportPeakGrowthMB: exported.peakGrowthMB,
      importPeakGrowthMB: imported.peakGrowthMB,
      age,
    });
  } finally {
    alice.close();
    bob.close();
  }
} finally {
  work.remove();
}
