/**
 * The interventions part of `npm run bench` (leave it out with `--skip interventions`): the
 * session log of the case with the most sessions, the Interventions area's list (first, middle
 * and last page), and the intervention report as PDF and Word.
 */
import type { Db } from '../../main/core/db/connection';
import type { Router } from '../../main/core/ipc/router';
import { exportReport } from '../../main/core/reports/report-export';
import type { OpenVault } from '../../main/core/vault/vault';
import { call, timeRuns } from './core-metrics';
import { emitSamples, say } from './report';

/** The case with the most sessions (its log is the longest), and how many it has. */
export function largestInterventionCase(db: Db): { caseId: string; sessions: number } {
  const row = db
    .prepare(
      `SELECT case_id AS caseId, count(*) AS sessions FROM intervention_sessions
        GROUP BY case_id ORDER BY sessions DESC, case_id LIMIT 1`,
    )
    .get() as { caseId: string; sessions: number } | undefined;
  if (!row) throw new Error('the bench vault has no intervention sessions');
  return row;
}

export async function sessionLogPages(router: Router, caseId: string, runs: number): Promise<number[]> {
  return timeRuns(runs, () => call(router, 'interventionSession:log', { caseId, limit: 50 }));
}

export async function interventionListPages(router: Router, db: Db, runs: number): Promise<number[]> {
  const total = (
    db.prepare(`SELECT count(*) AS n FROM intervention_plans WHERE state = 'active'`).get() as { n: number }
  ).n;
  const offsets = [0, Math.floor(total / 2 / 25) * 25, Math.max(0, Math.floor((total - 1) / 25) * 25)];
  return timeRuns(runs, (i) => call(router, 'intervention:list', { offset: offsets[Math.abs(i) % 3], limit: 25 }));
}

export async function measureInterventions(
  router: Router,
  vault: OpenVault,
  runs: (n: number) => number,
): Promise<void> {
  say('Interventions: the session log, the area list and the intervention report ...');
  const largest = largestInterventionCase(vault.db);
  emitSamples(
    'intervention_session_log_ms',
    await sessionLogPages(router, largest.caseId, runs(60)),
    { note: `interventionSession:log, first 50 of the ${largest.sessions} sessions of the case with the most` },
    15,
  );
  const active = (
    vault.db.prepare(`SELECT count(*) AS n FROM intervention_plans WHERE state = 'active'`).get() as { n: number }
  ).n;
  emitSamples(
    'interventions_list_ms',
    await interventionListPages(router, vault.db, runs(60)),
    { note: `intervention:list, 25 rows + count of ${active} active plans (first, middle and last page)` },
    15,
  );
  const report = (format: 'pdf' | 'docx') =>
    timeRuns(runs(10), () => exportReport(vault, { caseId: largest.caseId, kind: 'intervention', format }), 1);
  emitSamples('intervention_report_pdf_ms', await report('pdf'), {}, 1500);
  emitSamples('intervention_report_docx_ms', await report('docx'), {}, 1500);
}
