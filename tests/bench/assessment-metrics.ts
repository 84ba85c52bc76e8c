/**
 * The assessment report's figures, PDF and Word, through the real report engine as the
 * renderer's download and the CLI use it, on the demo case whose report is the longest.
 */
import type { Db } from '../../main/core/db/connection';
import { exportReport } from '../../main/core/reports/report-export';
import type { OpenVault } from '../../main/core/vault/vault';
import { timeRuns } from './core-metrics';

/** The case whose assessment has the most behaviours and recommendations (the longest report). */
export function largestAssessmentCase(db: Db): string {
  const row = db
    .prepare(
      `SELECT a.case_id AS id FROM assessments a
        ORDER BY (SELECT count(*) FROM assessment_behaviours b WHERE b.assessment_id = a.id)
               + (SELECT count(*) FROM assessment_recommendations r WHERE r.assessment_id = a.id)
               + length(coalesce(a.formulation, '')) / 200 DESC, a.id
        LIMIT 1`,
    )
    .get() as { id: string } | undefined;
  if (!row) throw new Error('the bench vault has no assessment');
  return row.id;
}

export async function assessmentReports(
  vault: OpenVault,
  caseId: string,
  format: 'pdf' | 'docx',
  runs: number,
): Promise<number[]> {
  return timeRuns(runs, () => exportReport(vault, { caseId, kind: 'assessment', format }), 1);
}
