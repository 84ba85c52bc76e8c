/**
 * The attachment (DMM) family view through the router, as the Family view screen asks for it,
 * on the demo case with the most procedures (and, among those, the most parents and carers, so
 * the most columns). Not the bench's "attachment" part, which is file attachments.
 */
import type { Db } from '../../main/core/db/connection';
import type { Router } from '../../main/core/ipc/router';
import { call, timeRuns } from './core-metrics';

export interface FamilyViewCase {
  caseId: string;
  procedures: number;
  carers: number;
}

/** The case whose family view is the largest; null when the demo wrote no attachment assessments. */
export function largestFamilyViewCase(db: Db): FamilyViewCase | null {
  return (
    (db
      .prepare(
        `SELECT p.case_id AS caseId, count(*) AS procedures,
           (SELECT count(*) FROM case_people c WHERE c.case_id = p.case_id AND c.kind = 'parent_carer') AS carers
         FROM attachment_procedures p GROUP BY p.case_id
         ORDER BY procedures DESC, carers DESC, p.case_id LIMIT 1`,
      )
      .get() as FamilyViewCase | undefined) ?? null
  );
}

export async function familyViews(router: Router, caseId: string, runs: number): Promise<number[]> {
  return timeRuns(runs, () => call(router, 'attachment:familyView', { caseId }));
}
