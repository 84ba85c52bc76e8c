/**
 * The lock a signed-off assessment report puts on the assessment's content: its fields,
 * behaviours and recommendations (the stages after sign-off, quality assurance and report
 * sent, still move on). Kept apart from the services so they can all call it without a cycle.
 */
import type { Db } from '../db/connection';
import { assertEditable } from '../reports/signoff/signoff';

/** The sign-off subject kind of an assessment (also its report kind's id). */
export const ASSESSMENT_SUBJECT = 'assessment';

/** What a person calls the record in sign-off messages. */
export const ASSESSMENT_WHAT = 'assessment report';

/** Refuse an edit of a signed-off assessment, saying that corrections are addenda. */
export function assertContentEditable(db: Db, assessmentId: string): void {
  assertEditable(db, { kind: ASSESSMENT_SUBJECT, id: assessmentId }, ASSESSMENT_WHAT);
}
