/**
 * `NCATS_BENCH_CACHE=<folder> tsx tests/bench/report-paired-quick.ts <baseline-checkout> [cases]
 * [kind,kind...] [runs]`: this checkout's renderers against another checkout's (e.g. /work/main,
 * with its own node_modules), drawing the same documents of the demo's largest case, call by
 * call in alternation (pairedRuns), so load from other processes hits both sides alike. Prints
 * wall-clock p50 / p95 of each side and the median per-pair ratio. The documents stay in memory.
 */
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../main/core/core';
import { AppError } from '../../main/core/errors';
import { renderDocx } from '../../main/core/reports/docx';
import type { ReportDocument } from '../../main/core/reports/model';
import { renderPdf } from '../../main/core/reports/pdf';
import { readReport } from '../../main/core/reports/report-export';
import { pairedRatio, pairedRuns } from './core-metrics';
import { BENCH_PASSWORD, BENCH_USER, ensureDemoVault, scratchCopy } from './demo-vault';
import { emitSamples, emitValue, printTable, say } from './report';

type Render = (doc: ReportDocument) => Promise<Buffer>;

const [baseline, cases = '10000', kinds = 'chronology,subject-access,assessment', runs = '10'] = process.argv.slice(2);
if (!baseline) throw new Error('Name the baseline checkout (a folder with main/core/reports and node_modules).');
const old = {
  pdf: ((await import(join(baseline, 'main/core/reports/pdf.ts'))) as { renderPdf: Render }).renderPdf,
  docx: ((await import(join(baseline, 'main/core/reports/docx.ts'))) as { renderDocx: Render }).renderDocx,
};
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

const { dir, meta } = await ensureDemoVault(Number(cases), '1');
const scratch = await scratchCopy(dir);
try {
  const core = createCore(scratch.vaultDir);
  await core.manager.unlock(BENCH_USER, BENCH_PASSWORD);
  say(`Demo: ${meta.cases} cases, largest case ${meta.largestCaseId} (load ${load()})`);
  for (const kind of kinds.split(',')) {
    for (const format of ['pdf', 'docx'] as const) {
      let doc: ReportDocument;
      try {
        doc = readReport(core.manager.current(), meta.largestCaseId, kind, format);
      } catch (e) {
        // A kind the largest case has no record of (at 50,000 cases it has no assessment).
        if (!(e instanceof AppError && e.code === 'NOT_FOUND')) throw e;
        say(`  ${kind}: ${e.message}`);
        break;
      }
      const mine: Render = format === 'pdf' ? renderPdf : renderDocx;
      const [before, after] = await pairedRuns(
        Number(runs),
        () => old[format](doc),
        () => mine(doc),
      );
      emitSamples(`${kind}_${format}_before_ms`, before);
      emitSamples(`${kind}_${format}_after_ms`, after, {}, 500);
      emitValue(`${kind}_${format}_after_over_before`, pairedRatio(after, before), 'x');
    }
  }
  say(`Load after: ${load()}`);
  printTable();
  core.manager.dispose();
} finally {
  scratch.remove();
}
