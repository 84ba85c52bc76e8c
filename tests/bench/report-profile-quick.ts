/**
 * `NCATS_BENCH_CACHE=<folder> node --cpu-prof --import tsx tests/bench/report-profile-quick.ts
 * [cases] [kind] [pdf|docx] [runs]`: one report kind of the demo's largest case read once and
 * drawn `runs` times, for a CPU profile of the renderer alone (the document stays in memory).
 */
import { createCore } from '../../main/core/core';
import { renderDocx } from '../../main/core/reports/docx';
import { renderPdf } from '../../main/core/reports/pdf';
import { readReport } from '../../main/core/reports/report-export';
import { BENCH_PASSWORD, BENCH_USER, ensureDemoVault, scratchCopy } from './demo-vault';
import { say } from './report';

const [cases = '10000', kind = 'chronology', format = 'pdf', runs = '5'] = process.argv.slice(2);
const { dir, meta } = await ensureDemoVault(Number(cases), '1');
const scratch = await scratchCopy(dir);
try {
  const core = createCore(scratch.vaultDir);
  await core.manager.unlock(BENCH_USER, BENCH_PASSWORD);
  const doc = readReport(core.manager.current(), meta.largestCaseId, kind, format === 'docx' ? 'docx' : 'pdf');
  for (let i = 0; i < Number(runs); i++) {
    const t0 = performance.now();
    const bytes = format === 'docx' ? await renderDocx(doc) : await renderPdf(doc);
    say(`${kind} ${format}: ${(performance.now() - t0).toFixed(1)} ms, ${bytes.length} bytes`);
  }
  core.manager.dispose();
} finally {
  scratch.remove();
}
