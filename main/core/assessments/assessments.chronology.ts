/**
 * The assessment's events in the case chronology: each stage done (on the day it was done) and
 * each harmful sexual behaviour recorded (on the day it happened, marked third-party when it
 * names who was harmed). The paperwork stage is the Paperwork module's own event already.
 */
import { STAGE_LABELS } from '../../../preload/contract/assessment-records';
import { HACKETT_LABELS } from '../../../preload/contract/hsb-frameworks';
import { registerChronologySource } from '../notes/chronology';

const sqlText = (s: string) => `'${s.replace(/'/g, "''")}'`;
const caseOf = (column: string, labels: Record<string, string>) =>
  `CASE ${column} ${Object.entries(labels)
    .map(([k, v]) => `WHEN ${sqlText(k)} THEN ${sqlText(v)}`)
    .join(' ')} ELSE ${column} END`;

/** How much of a behaviour's description the fragment reads (the summary is cut at a word). */
const DESCRIPTION_READ = 200;

let registered = false;

/** Register the fragments once (the ipc file calls this at start-up). */
export function registerAssessmentChronology(): void {
  if (registered) return;
  registered = true;
  registerChronologySource({
    kinds: ['assessment_stage_done', 'hsb_behaviour_recorded'],
    sql: `SELECT actual_date, 'assessment_stage_done', id,
            'Assessment: ' || ${caseOf('stage', STAGE_LABELS)} || coalesce(' (' || subject_label || ')', '') || ' done',
            (SELECT display_name FROM users u WHERE u.id = owner_id), 0
          FROM assessment_stages WHERE case_id = @caseId AND actual_date IS NOT NULL AND stage <> 'paperwork_complete'
          UNION ALL
          SELECT occurred_on, 'hsb_behaviour_recorded', id,
            ${caseOf('hackett', HACKETT_LABELS)} || ' behaviour (' || setting || '): ' || substr(description, 1, ${DESCRIPTION_READ}),
            (SELECT display_name FROM users u WHERE u.id = created_by), third_party
          FROM assessment_behaviours WHERE case_id = @caseId`,
  });
}
