/**
 * The Safe Home part of `npm run bench` (leave it out with `--skip safe-home`): the run overview
 * of the largest run (`safeHomeRun:get`, the register grid of carers x sessions), the service
 * view (`safeHomeRun:list`, first, middle and last page, and `safeHomeRun:summary`), and the
 * carer's programme summary as PDF and Word.
 */
import type { Db } from '../../main/core/db/connection';
import type { Router } from '../../main/core/ipc/router';
import { exportReport } from '../../main/core/reports/report-export';
import type { OpenVault } from '../../main/core/vault/vault';
import { call, timeRuns } from './core-metrics';
import { emitSamples, say } from './report';

/** The run with the largest register grid (carers x sessions), and its size. */
export function largestSafeHomeRun(db: Db): { runId: string; carers: number; sessions: number } {
  const row = db
    .prepare(
      `SELECT r.id AS runId,
          (SELECT count(*) FROM safe_home_enrolments e WHERE e.run_id = r.id) AS carers,
          (SELECT count(*) FROM safe_home_sessions s WHERE s.run_id = r.id) AS sessions
        FROM safe_home_runs r ORDER BY carers * sessions DESC, r.id LIMIT 1`,
    )
    .get() as { runId: string; carers: number; sessions: number } | undefined;
  if (!row) throw new Error('the bench vault has no Safe Home runs');
  return row;
}

/** The enrolment of that run with the most register entries: the longest summary. */
function fullestEnrolment(db: Db, runId: string): { caseId: string; enrolmentId: string } {
  const row = db
    .prepare(
      `SELECT e.case_id AS caseId, e.id AS enrolmentId FROM safe_home_enrolments e
        WHERE e.run_id = ? ORDER BY (SELECT count(*) FROM safe_home_register g WHERE g.enrolment_id = e.id) DESC, e.id LIMIT 1`,
    )
    .get(runId) as { caseId: string; enrolmentId: string } | undefined;
  if (!row) throw new Error('the largest run has no carers');
  return row;
}

export async function runListPages(router: Router, db: Db, runs: number): Promise<number[]> {
  const total = (db.prepare('SELECT count(*) AS n FROM safe_home_runs').get() as { n: number }).n;
  const offsets = [0, Math.floor(total / 2 / 25) * 25, Math.max(0, Math.floor((total - 1) / 25) * 25)];
  return timeRuns(runs, (i) => call(router, 'safeHomeRun:list', { offset: offsets[Math.abs(i) % 3], limit: 25 }));
}

export async function measureSafeHome(router: Router, vault: OpenVault, runs: (n: number) => number): Promise<void> {
  say('Safe Home: the run overview, the service view and the programme summary ...');
  const largest = largestSafeHomeRun(vault.db);
  emitSamples(
    'safe_home_run_get_ms',
    await timeRuns(runs(60), () => call(router, 'safeHomeRun:get', { runId: largest.runId })),
    { note: `safeHomeRun:get, the register grid of ${largest.carers} carers x ${largest.sessions} sessions` },
    15,
  );
  const total = (vault.db.prepare('SELECT count(*) AS n FROM safe_home_runs').get() as { n: number }).n;
  emitSamples(
    'safe_home_run_list_ms',
    await runListPages(router, vault.db, runs(60)),
    { note: `safeHomeRun:list, 25 of ${total} runs (first, middle and last page)` },
    15,
  );
  emitSamples(
    'safe_home_summary_ms',
    await timeRuns(runs(60), () => call(router, 'safeHomeRun:summary', {})),
    { note: `safeHomeRun:summary over ${total} runs` },
    15,
  );
  const subject = fullestEnrolment(vault.db, largest.runId);
  const report = (format: 'pdf' | 'docx') =>
    timeRuns(
      runs(10),
      () => exportReport(vault, { caseId: subject.caseId, kind: 'safe-home', format, recordId: subject.enrolmentId }),
      1,
    );
  emitSamples('safe_home_report_pdf_ms', await report('pdf'), {}, 1500);
  emitSamples('safe_home_report_docx_ms', await report('docx'), {}, 1500);
}
