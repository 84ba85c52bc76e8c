/**
 * The consultations module's figures: the Consultations area's list (consultation:listAll, one
 * page of every case's consultations with the case and young person, plus the count, and the
 * agreements with their next session) and the consultation report, PDF and Word, through the
 * real router and report engine as the renderer and the CLI use them.
 */
import type { Db } from '../../main/core/db/connection';
import type { Router } from '../../main/core/ipc/router';
import { exportReport } from '../../main/core/reports/report-export';
import type { OpenVault } from '../../main/core/vault/vault';
import { call, timeRuns } from './core-metrics';

/** Pages of the area's list across the whole table (first, middle, last), 25 rows each as shown. */
export async function consultationListPages(router: Router, db: Db, runs: number): Promise<number[]> {
  const total = (db.prepare('SELECT count(*) AS n FROM consultations').get() as { n: number }).n;
  const offsets = [0, Math.floor(total / 2 / 25) * 25, Math.max(0, Math.floor((total - 1) / 25) * 25)];
  return timeRuns(runs, (i) => call(router, 'consultation:listAll', { offset: offsets[Math.abs(i) % 3], limit: 25 }));
}

export async function agreementListPages(router: Router, runs: number): Promise<number[]> {
  return timeRuns(runs, () => call(router, 'batch:listAgreements', { limit: 25 }));
}

/** The case whose consultation report is the longest (most attendees and text), signed if any is. */
export function largestConsultationCase(db: Db): string {
  const row = db
    .prepare(
      `SELECT c.case_id AS id FROM consultations c
        ORDER BY json_array_length(c.attendee_ids) + length(c.discussion) / 100 DESC,
                 EXISTS (SELECT 1 FROM report_signoffs s WHERE s.subject_id = c.id) DESC, c.id
        LIMIT 1`,
    )
    .get() as { id: string } | undefined;
  if (!row) throw new Error('the bench vault has no consultation');
  return row.id;
}

export async function consultationReports(
  vault: OpenVault,
  caseId: string,
  format: 'pdf' | 'docx',
  runs: number,
): Promise<number[]> {
  return timeRuns(runs, () => exportReport(vault, { caseId, kind: 'consultation', format }), 1);
}
