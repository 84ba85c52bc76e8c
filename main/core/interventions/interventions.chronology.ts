/**
 * The interventions' events in the case chronology: a plan started, reviewed and closed; each
 * session held or missed (planned sessions are not events yet); each safeguarding concern. The
 * concern's flag and task are the Flags and Tasks modules' own events already.
 */
import {
  ATTENDANCE_LABELS,
  PLAN_TYPE_LABELS,
  SESSION_TYPE_LABELS,
  VENUE_LABELS,
} from '../../../preload/contract/intervention-records';
import { registerChronologySource } from '../notes/chronology';

const sqlText = (s: string) => `'${s.replace(/'/g, "''")}'`;
const caseOf = (column: string, labels: Record<string, string>) =>
  `CASE ${column} ${Object.entries(labels)
    .map(([k, v]) => `WHEN ${sqlText(k)} THEN ${sqlText(v)}`)
    .join(' ')} ELSE ${column} END`;
const USER = (column: string) => `(SELECT display_name FROM users u WHERE u.id = ${column})`;

/** How much of a concern's description the fragment reads (the summary is cut at a word). */
const DESCRIPTION_READ = 200;

let registered = false;

/** Register the fragment once (the ipc file calls this at start-up). */
export function registerInterventionChronology(): void {
  if (registered) return;
  registered = true;
  registerChronologySource({
    kinds: [
      'intervention_started',
      'intervention_reviewed',
      'intervention_closed',
      'intervention_session',
      'safeguarding_concern',
    ],
    sql: `SELECT start_date, 'intervention_started', id,
            ${caseOf('plan_type', PLAN_TYPE_LABELS)} || ' intervention started', ${USER('created_by')}, 0
          FROM intervention_plans WHERE case_id = @caseId
          UNION ALL
          SELECT review_date, 'intervention_reviewed', id, 'Intervention plan reviewed', ${USER('created_by')}, 0
          FROM intervention_reviews WHERE case_id = @caseId
          UNION ALL
          SELECT closed_on, 'intervention_closed', id, 'Intervention closed', ${USER('updated_by')}, 0
          FROM intervention_plans WHERE case_id = @caseId AND state = 'closed'
          UNION ALL
          SELECT session_date || 'T' || start_time, 'intervention_session', id,
            ${caseOf('session_type', SESSION_TYPE_LABELS)} || ' session (' || ${caseOf('venue', VENUE_LABELS)} || '): '
              || lower(${caseOf('attendance', ATTENDANCE_LABELS)}),
            ${USER('created_by')}, 0
          FROM intervention_sessions WHERE case_id = @caseId AND attendance <> 'planned'
          UNION ALL
          SELECT created_at, 'safeguarding_concern', id,
            'Safeguarding concern raised in a session: ' || substr(description, 1, ${DESCRIPTION_READ}),
            ${USER('created_by')}, 0
          FROM intervention_concerns WHERE case_id = @caseId`,
  });
}
