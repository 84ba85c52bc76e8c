/**
 * `NCATS_BENCH_CACHE=<folder> tsx tests/bench/reports-quick.ts [cases] [runs] [kind,kind...]`:
 * every registered report kind, PDF and Word, on a scratch copy of the benchmark's cached demo
 * vault: on the demo's largest case (`meta.largestCaseId`) when it has a record of the kind, and
 * on the case the full bench times for that kind. Each figure is split into the read (the
 * kind's queries and the audit row, `readReport`) and the whole export, so what dominates shows.
 * The case page of the largest case (case open, its chronology) is timed too. The scratch copy is
 * removed afterwards; the cache must already hold the vault.
 */
import { loadavg } from 'node:os';
import { createCore } from '../../main/core/core';
import { AppError } from '../../main/core/errors';
import { exportReport, readReport } from '../../main/core/reports/report-export';
import { reportKinds } from '../../main/core/reports/registry';
import type { OpenVault } from '../../main/core/vault/vault';
import { largestAssessmentCase } from './assessment-metrics';
import { largestConsultationCase } from './consultation-metrics';
import { chronologies, openCase, timeRuns } from './core-metrics';
import { BENCH_PASSWORD, BENCH_USER, ensureDemoVault, scratchCopy } from './demo-vault';
import { largestInterventionCase } from './intervention-metrics';
import { emitSamples, printTable, say } from './report';
import { largestSafeHomeRun } from './safe-home-metrics';

const cases = Number(process.argv[2] ?? '10000');
const runs = Number(process.argv[3] ?? '10');
const only = process.argv[4]?.split(',');
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

/** The case (and record) the full bench times for each module kind. */
function benchCases(vault: OpenVault): Record<string, { caseId: string; recordId?: string }> {
  const run = largestSafeHomeRun(vault.db);
  const enrolment = vault.db
    .prepare(
      `SELECT e.case_id AS caseId, e.id AS recordId FROM safe_home_enrolments e WHERE e.run_id = ?
        ORDER BY (SELECT count(*) FROM safe_home_register g WHERE g.enrolment_id = e.id) DESC, e.id LIMIT 1`,
    )
    .get(run.runId) as { caseId: string; recordId: string };
  return {
    consultation: { caseId: largestConsultationCase(vault.db) },
    assessment: { caseId: largestAssessmentCase(vault.db) },
    intervention: { caseId: largestInterventionCase(vault.db).caseId },
    'safe-home': enrolment,
  };
}

async function time(vault: OpenVault, label: string, kind: string, caseId: string, recordId?: string): Promise<void> {
  for (const format of ['pdf', 'docx'] as const) {
    const request = { caseId, kind, format, ...(recordId ? { recordId } : {}) };
    try {
      const read = await timeRuns(runs, () => readReport(vault, caseId, kind, format, recordId), 1);
      let bytes = 0;
      const whole = await timeRuns(
        runs,
        async () => {
          bytes = (await exportReport(vault, request)).bytes.length;
        },
        1,
      );
      emitSamples(`${kind}_${format}_${label}_read_ms`, read);
      emitSamples(`${kind}_${format}_${label}_ms`, whole, { note: `${Math.round(bytes / 1024)} KB` }, 500);
    } catch (e) {
      if (e instanceof AppError && e.code === 'NOT_FOUND') {
        say(`  ${kind} on the ${label} case: ${e.message}`);
        return;
      }
      throw e;
    }
  }
}

const { dir, meta } = await ensureDemoVault(cases, '1');
const scratch = await scratchCopy(dir);
try {
  const core = createCore(scratch.vaultDir);
  await core.manager.unlock(BENCH_USER, BENCH_PASSWORD);
  const vault = core.manager.current();
  say(`Demo: ${meta.cases} cases, ${meta.notes} notes, ${runs} runs each (load ${load()})`);
  emitSamples(
    'case_open_largest_ms',
    await timeRuns(runs * 3, () => openCase(core.router, meta.largestCaseId)),
    { note: 'case:get, note:list, chronology:get, flag:list, task:listForCase, document:list' },
  );
  emitSamples('chronology_largest_ms', await chronologies(core.router, [meta.largestCaseId], runs * 3));
  const own = benchCases(vault);
  for (const kind of reportKinds()) {
    if (only && !only.includes(kind.id)) continue;
    await time(vault, 'largest', kind.id, meta.largestCaseId);
    const bench = own[kind.id];
    if (bench && bench.caseId !== meta.largestCaseId) await time(vault, 'bench', kind.id, bench.caseId, bench.recordId);
  }
  say(`Load after: ${load()}`);
  printTable();
  core.manager.dispose();
} finally {
  scratch.remove();
}
