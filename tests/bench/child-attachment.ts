/**
 * Child process: stream a generated file into a fresh vault's document store and back out,
 * through main/core/documents, reporting MB/s and peak RSS growth. Usage: child-attachment.ts MB
 */
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { referralSchema } from '../../preload/contract/case-records';
import { createCase } from '../../main/core/cases/cases.service';
import { importDocument, openDocumentStream } from '../../main/core/documents/documents.service';
import { scryptParams } from '../../main/core/vault/kdf';
import { createVault } from '../../main/core/vault/vault';
import { MB, answer, measure, pseudoRandom, scratch } from './child-measure';

const sizeMB = Number(process.argv[2] ?? 200);
const work = scratch('ncats-bench-attach-');
try {
  const { vault } = await createVault(
    join(work.dir, 'vault'),
    { username: 'bench', displayName: 'Bea Bench', password: 'benchmark password 2025' },
    { kdf: scryptParams(2 ** 14) },
  );
  try {
    const detail = createCase(
      vault,
      referralSchema.parse({
        referralDate: '2025-01-10',
        youngPerson: { givenName: 'Alex', familyName: 'Roe', dateOfBirth: '2012-02-02' },
      }),
    );
    let doc: Awaited<ReturnType<typeof importDocument>> | undefined;
    const inbound = await measure(async () => {
      doc = await importDocument(
        vault,
        { caseId: detail.id, filename: 'interview.mp4', title: 'Interview recording' },
        Readable.from(pseudoRandom(sizeMB * MB)),
      );
    });
    if (!doc) throw new Error('no document');
    const stored = doc;
    let read = 0;
    const outbound = await measure(async () => {
      await pipeline(
        await openDocumentStream(vault, stored),
        new Writable({
          write(chunk: Buffer, _enc, done) {
            read += chunk.length;
            done();
          },
        }),
      );
    });
    if (read !== sizeMB * MB) throw new Error(`read ${read} bytes, expected ${sizeMB * MB}`);
    // A video seek: 64 KiB ranges at spread-out offsets, each opened, decrypted and read alone.
    const RANGES = 200;
    const rangeStarted = process.hrtime.bigint();
    for (let i = 0; i < RANGES; i += 1) {
      const start = Math.floor(((i * 7919) % RANGES) * ((sizeMB * MB - 65536) / RANGES)) + (i % 4096);
      for await (const piece of await openDocumentStream(vault, stored, { start, end: start + 65535 })) void piece;
    }
    const rangeMs = Number(process.hrtime.bigint() - rangeStarted) / 1e6 / RANGES;
    answer({
      sizeMB,
      inMBps: sizeMB / inbound.seconds,
      outMBps: sizeMB / outbound.seconds,
      inPeakGrowthMB: inbound.peakGrowthMB,
      outPeakGrowthMB: outbound.peakGrowthMB,
      rangeReadMs: rangeMs,
    });
  } finally {
    vault.close();
  }
} finally {
  work.remove();
}
