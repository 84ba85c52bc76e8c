/**
 * Quick look at bundle export and import alone (no age CLI, no RSS sampling): wall and CPU
 * seconds of each, and with BUNDLE_PROFILE_DIR set a CPU profile of each phase on its own.
 * Usage: npx tsx tests/bench/bundle-quick.ts [MB] [rounds]
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { referralSchema } from '../../preload/contract/case-records';
import { exportBundle } from '../../main/core/bundles/export';
import { importBundle } from '../../main/core/bundles/import';
import { caseFileRegistry } from '../../main/core/bundles/modules/index';
import { createCase } from '../../main/core/cases/cases.service';
import { importDocument, openDocumentStream } from '../../main/core/documents/documents.service';
import { addColleague } from '../../main/core/keys/colleagues';
import { myKeyCard } from '../../main/core/keys/user-keys';
import { scryptParams } from '../../main/core/vault/kdf';
import { createVault, type OpenVault } from '../../main/core/vault/vault';
import { MB, pseudoRandom, scratch } from './child-measure';

const sizeMB = Number(process.argv[2] ?? 200);
const rounds = Number(process.argv[3] ?? 1);
const profileDir = process.env.BUNDLE_PROFILE_DIR;
const session = new Session();
session.connect();

async function timed(label: string, fn: () => Promise<unknown>): Promise<void> {
  if (profileDir) {
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
  }
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await fn();
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  if (profileDir) {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(join(profileDir, `${label}.cpuprofile`), JSON.stringify(profile));
  }
  console.log(
    `${label.padEnd(14)} ${(sizeMB / seconds).toFixed(0).padStart(5)} MB/s wall, ${(sizeMB / cpuSeconds).toFixed(0).padStart(5)} MB/s of CPU (${cpuSeconds.toFixed(2)} s: user ${(cpu.user / 1e6).toFixed(2)}, system ${(cpu.system / 1e6).toFixed(2)})`,
  );
}

const work = scratch('ncats-bundle-quick-');
const fast = { kdf: scryptParams(2 ** 14) };
const person = (username: string, displayName: string) => ({
  username,
  displayName,
  password: 'benchmark password 2025',
});
let alice: OpenVault | undefined;
try {
  ({ vault: alice } = await createVault(join(work.dir, 'a'), person('alice', 'Alice Ahmed'), fast));
  const a = alice;
  const detail = createCase(
    a,
    referralSchema.parse({
      referralDate: '2025-01-10',
      youngPerson: { givenName: 'Alex', familyName: 'Roe', dateOfBirth: '2012-02-02' },
    }),
  );
  const per = Math.floor((sizeMB * MB) / 4);
  const docs: Awaited<ReturnType<typeof importDocument>>[] = [];
  await timed('document-in', async () => {
    for (let i = 0; i < 4; i++) {
      docs.push(
        await importDocument(a, { caseId: detail.id, filename: `r-${i}.mp4` }, Readable.from(pseudoRandom(per, i))),
      );
    }
  });
  await timed('document-out', async () => {
    for (const d of docs) for await (const piece of await openDocumentStream(a, d)) void piece;
  });
  for (let round = 0; round < rounds; round++) {
    const { vault: bob } = await createVault(join(work.dir, `b${round}`), person('bob', `Bob Barnes ${round}`), fast);
    try {
      addColleague(a, await myKeyCard(bob), { verified: true });
      addColleague(bob, await myKeyCard(a), { verified: true });
      const file = join(work.dir, `case-${round}.ncatsbundle`);
      await timed(`export-${round}`, () =>
        exportBundle(a, caseFileRegistry(a), {
          caseReference: detail.reference,
          recipients: [{ kind: 'colleague', nameOrId: `Bob Barnes ${round}` }],
          basis: 'Benchmark: transfer of care',
          outFile: file,
        }),
      );
      await timed(`import-${round}`, () => importBundle(bob, caseFileRegistry(bob), file, {}));
    } finally {
      bob.close();
    }
  }
} finally {
  alice?.close();
  work.remove();
}
