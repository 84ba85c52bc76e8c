/**
 * Streaming in bounded memory: export and import a case with one large document through the
 * real document store, measuring MB/s and how far the resident set grows. The size defaults to
 * 32 MB to keep the suite quick; NCATS_BUNDLE_BENCH_MB=200 gives the figures in the report.
 */
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { referralSchema } from '../../../../preload/contract/case-records';
import { exportBundle } from '../../../../main/core/bundles/export';
import { importBundle } from '../../../../main/core/bundles/import';
import { caseFileRegistry } from '../../../../main/core/bundles/modules/index';
import { createCase } from '../../../../main/core/cases/cases.service';
import { importDocument } from '../../../../main/core/documents/documents.service';
import { addColleague } from '../../../../main/core/keys/colleagues';
import { myKeyCard } from '../../../../main/core/keys/user-keys';
import { createVault } from '../../../../main/core/vault/vault';
import { FAST, PASSWORD, tempDirs } from './fixtures';

const MB = Number(process.env.NCATS_BUNDLE_BENCH_MB ?? 32);

function* pseudoRandom(total: number): Generator<Buffer> {
  const block = Buffer.alloc(64 * 1024);
  for (let i = 0; i < block.length; i++) block[i] = (i * 2654435761) >>> 24;
  for (let sent = 0; sent < total; sent += block.length) {
    block.writeUInt32LE(sent, 0);
    yield Buffer.from(block.subarray(0, Math.min(block.length, total - sent)));
  }
}

/** Runs `fn`, sampling RSS; returns seconds and the peak growth above the starting RSS. */
async function measure(fn: () => Promise<unknown>): Promise<{ seconds: number; peakGrowthMB: number }> {
  global.gc?.();
  const start = process.memoryUsage().rss;
  let peak = start;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const t0 = performance.now();
  try {
    await fn();
  } finally {
    clearInterval(timer);
  }
  peak = Math.max(peak, process.memoryUsage().rss);
  return { seconds: (performance.now() - t0) / 1000, peakGrowthMB: (peak - start) / 1024 / 1024 };
}

describe(`bundle throughput with a ${MB} MB document`, () => {
  const dirs = tempDirs();
  afterAll(() => dirs.cleanup());

  it('exports and imports in bounded memory', async () => {
    const work = dirs.make();
    const { vault: alice } = await createVault(
      join(work, 'a'),
      { username: 'alice', displayName: 'Alice Ahmed', password: PASSWORD },
      FAST,
    );
    const { vault: bob } = await createVault(
      join(work, 'b'),
      { username: 'bob', displayName: 'Bob Barnes', password: PASSWORD },
      FAST,
    );
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
      const size = MB * 1024 * 1024;
      await importDocument(
        alice,
        { caseId: detail.id, filename: 'interview.mp4', title: 'Interview recording' },
        Readable.from(pseudoRandom(size)),
      );
      const file = join(work, 'big.ncatsbundle');
      const exported = await measure(() =>
        exportBundle(alice, caseFileRegistry(alice), {
          caseReference: detail.reference,
          recipients: [{ kind: 'colleague', nameOrId: 'Bob Barnes' }],
          basis: 'Benchmark',
          outFile: file,
        }),
      );
      const imported = await measure(() => importBundle(bob, caseFileRegistry(bob), file, {}));
      const figures = {
        documentMB: MB,
        exportMBps: +(MB / exported.seconds).toFixed(1),
        importMBps: +(MB / imported.seconds).toFixed(1),
        exportPeakRssGrowthMB: +exported.peakGrowthMB.toFixed(1),
        importPeakRssGrowthMB: +imported.peakGrowthMB.toFixed(1),
        processMaxRssMB: +(process.resourceUsage().maxRSS / 1024).toFixed(1),
      };
      console.log(`bundle throughput: ${JSON.stringify(figures)}`);
      expect(bob.db.prepare('SELECT size_bytes FROM documents').get()).toEqual({ size_bytes: size });
      // Bounded: memory growth must not scale with the document (allow generous slack for GC timing).
      expect(exported.peakGrowthMB).toBeLessThan(Math.max(96, MB / 4));
      expect(imported.peakGrowthMB).toBeLessThan(Math.max(96, MB / 4));
    } finally {
      alice.close();
      bob.close();
    }
  });
});
