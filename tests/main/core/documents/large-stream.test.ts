/**
 * Bounded memory: a 300 MB generated stream is imported and exported through the real service
 * while the process's resident set size is sampled. The whole file would need 300 MB+ if it
 * were ever buffered; the bound below is generous for a shared CI machine, and the measured
 * figures are printed for the report.
 */
import { createHash } from 'node:crypto';
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { exportDocumentToFile } from '../../../../main/core/documents/document-export';
import { importDocument, openDocumentStream } from '../../../../main/core/documents/documents.service';
import { generatedStream, vaultWithCase, type DocFixture } from './fixtures';

const SIZE = 300 * 1024 * 1024;
const MB = 1024 * 1024;

let fx: DocFixture;
let out: string;
beforeEach(async () => {
  fx = await vaultWithCase();
  out = mkdtempSync(join(tmpdir(), 'ncats-export-'));
});
afterEach(() => {
  fx.cleanup();
  rmSync(out, { recursive: true, force: true });
});

/** Sample RSS every 25 ms while `work` runs; returns the peak and the elapsed time. */
async function measured<T>(work: () => Promise<T>): Promise<{ value: T; peakRss: number; seconds: number }> {
  let peakRss = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 25);
  const started = performance.now();
  try {
    const value = await work();
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    return { value, peakRss, seconds: (performance.now() - started) / 1000 };
  } finally {
    clearInterval(timer);
  }
}

it(
  'imports, streams back and exports 300 MB with RSS growth far below the file size',
  { timeout: 300_000 },
  async () => {
    const baseline = process.memoryUsage().rss;
    const source = generatedStream(SIZE);

    const imported = await measured(() =>
      importDocument(fx.vault, { caseId: fx.caseId, filename: 'long-interview.webm' }, source.stream),
    );
    expect(imported.value.sizeBytes).toBe(SIZE);
    expect(imported.value.sha256).toBe(source.sha256());

    const streamed = await measured(async () => {
      const hash = createHash('sha256');
      let n = 0;
      for await (const piece of await openDocumentStream(fx.vault, imported.value)) {
        hash.update(piece as Buffer);
        n += (piece as Buffer).length;
      }
      return { n, sha: hash.digest('hex') };
    });
    expect(streamed.value).toEqual({ n: SIZE, sha: imported.value.sha256 });

    const target = join(out, 'copy.webm');
    const exported = await measured(() => exportDocumentToFile(fx.vault, imported.value.id, target));
    expect(exported.value.sha256).toBe(imported.value.sha256);
    expect(statSync(target).size).toBe(SIZE);
    // Independent check of the exported file with a plain read.
    const check = createHash('sha256');
    for await (const p of createReadStream(target)) check.update(p as Buffer);
    expect(check.digest('hex')).toBe(imported.value.sha256);

    const peak = Math.max(imported.peakRss, streamed.peakRss, exported.peakRss);
    const growthMb = (peak - baseline) / MB;
    console.log(
      [
        `documents 300 MB: baseline RSS ${(baseline / MB).toFixed(0)} MB, peak ${(peak / MB).toFixed(0)} MB, growth ${growthMb.toFixed(1)} MB`,
        `import (encrypt + SHA-256 + write) ${(SIZE / MB / imported.seconds).toFixed(0)} MB/s (peak growth ${((imported.peakRss - baseline) / MB).toFixed(1)} MB)`,
        `stream out (read + decrypt) ${(SIZE / MB / streamed.seconds).toFixed(0)} MB/s (peak growth ${((streamed.peakRss - baseline) / MB).toFixed(1)} MB)`,
        `export to file (decrypt + SHA-256 + write + fsync) ${(SIZE / MB / exported.seconds).toFixed(0)} MB/s (peak growth ${((exported.peakRss - baseline) / MB).toFixed(1)} MB)`,
      ].join('\n'),
    );
    expect(growthMb).toBeLessThan(200);
  },
);
