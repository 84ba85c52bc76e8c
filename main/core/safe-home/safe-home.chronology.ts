/**
 * Safe Home in the case chronology: for each carer of the case, their enrolment, each session
 * they attended (with the group note) or missed (the state in words), their own notes, their
 * withdrawal and their completion by the rule; and the family's safety-plan versions with the
 * sessions they were reviewed in.
 *
 * Every arm selects by `case_id = @caseId` on a family's own rows (enrolments, register entries,
 * safety plans) and reaches the shared rows (run, session, group note) only through them, so no
 * other family of a group can appear. A "withdrawn" register entry is not an event: the
 * withdrawal is, once.
 */
import { SAFETY_PLAN_THEME_KEY } from '../../../preload/contract/safe-home-records';
import { COMPLETION_RULE_SETTING as RULE_KEY } from '../db/migrations/m0130-safe-home';
import { registerChronologySource } from '../notes/chronology';

const USER = (column: string) => `(SELECT display_name FROM users u WHERE u.id = ${column})`;
const UK_DATE = (column: string) =>
  `(substr(${column}, 9, 2) || '/' || substr(${column}, 6, 2) || '/' || substr(${column}, 1, 4))`;

/** "Jo Bloggs (Mother)": the carer as their own case names them. */
const CARER = `(p.name || coalesce(' (' || nullif(p.relationship, '') || ')', ''))`;
const CARER_JOIN = 'JOIN case_people p ON p.id = e.person_id';

/** How much of a note the fragment reads: more than the summary shows, so it can be cut at a word. */
const NOTE_READ = 300;

/** "Session 3 of 13" or "Catch-up for session 3". */
const SESSION_NAME = `CASE s.kind WHEN 'planned' THEN 'Session ' || s.seq || ' of ' || r.planned_sessions
  ELSE 'Catch-up for session ' || s.seq END`;

const STATE_WORDS = `CASE g.state WHEN 'attended' THEN 'attended' WHEN 'apologies' THEN 'sent apologies'
  WHEN 'did_not_attend' THEN 'did not attend' ELSE g.state END`;

/**
 * The completion rule's two parts as scalar subqueries on `settings`, and the number of planned
 * sessions it takes: the smallest n with n * 100 >= percent * planned (`carerProgress`'s test).
 */
const RULE_PERCENT = `(SELECT json_extract(value, '$.minAttendancePercent') FROM settings WHERE key = '${RULE_KEY}')`;
const RULE_PLAN = `(SELECT json_extract(value, '$.requireSafetyPlanSession') FROM settings WHERE key = '${RULE_KEY}')`;
const SESSIONS_NEEDED = `((${RULE_PERCENT} * r.planned_sessions + 99) / 100)`;

/** The sessions covering the safety-plan theme (the themes covered, else those planned). */
const COVERS_SAFETY_PLAN = `EXISTS (SELECT 1 FROM json_each(coalesce(s.covered_theme_ids, s.theme_ids)) j
  JOIN safe_home_themes t ON t.id = j.value WHERE t.key = '${SAFETY_PLAN_THEME_KEY}')`;

/**
 * The day a carer met the rule: the later of the day of their n-th attended planned session and
 * (when the rule asks for it) the first attended session covering the safety plan. A withdrawn
 * carer has no completion, as in `carerProgress`.
 */
const COMPLETED = `SELECT done.at, 'safe_home_completed', done.id,
    done.carer || ' completed the Safe Home programme, ' || done.title || ', by the completion rule', NULL, 0
  FROM (
    SELECT e.id, ${CARER} AS carer, r.title,
      CASE WHEN ${RULE_PLAN} THEN max(nth.session_date, sp.first_date) ELSE nth.session_date END AS at,
      CASE WHEN ${RULE_PLAN} THEN sp.first_date ELSE '' END AS plan_date
    FROM safe_home_enrolments e ${CARER_JOIN}
    JOIN safe_home_runs r ON r.id = e.run_id
    JOIN (SELECT g.enrolment_id, s.session_date,
            row_number() OVER (PARTITION BY g.enrolment_id ORDER BY s.session_date, s.seq) AS n
          FROM safe_home_register g JOIN safe_home_sessions s ON s.id = g.session_id
          WHERE g.case_id = @caseId AND g.state = 'attended' AND s.kind = 'planned') nth
      ON nth.enrolment_id = e.id AND nth.n = ${SESSIONS_NEEDED}
    LEFT JOIN (SELECT g.enrolment_id, min(s.session_date) AS first_date
          FROM safe_home_register g JOIN safe_home_sessions s ON s.id = g.session_id
          WHERE g.case_id = @caseId AND g.state = 'attended' AND ${COVERS_SAFETY_PLAN}
          GROUP BY g.enrolment_id) sp ON sp.enrolment_id = e.id
    WHERE e.case_id = @caseId AND e.withdrawn_on IS NULL
  ) done WHERE done.at IS NOT NULL AND done.plan_date IS NOT NULL`;

let registered = false;

/** Register the fragment once (the module's ipc file calls this at start-up). */
export function registerSafeHomeChronology(): void {
  if (registered) return;
  registered = true;
  registerChronologySource({
    kinds: [
      'safe_home_enrolled',
      'safe_home_session',
      'safe_home_carer_note',
      'safe_home_withdrawn',
      'safe_home_completed',
      'safe_home_safety_plan',
      'safe_home_safety_plan_reviewed',
    ],
    sql: `SELECT e.enrolled_on, 'safe_home_enrolled', e.id,
            ${CARER} || ' enrolled in Safe Home: ' || r.title || ' (' || r.planned_sessions || ' sessions from '
              || ${UK_DATE('r.start_date')} || ')',
            ${USER('e.created_by')}, 0
          FROM safe_home_enrolments e ${CARER_JOIN} JOIN safe_home_runs r ON r.id = e.run_id
          WHERE e.case_id = @caseId
          UNION ALL
          SELECT s.session_date, 'safe_home_session', g.id,
            ${SESSION_NAME} || ', ' || r.title || ': ' || ${CARER} || ' ' || ${STATE_WORDS}
              || coalesce(' (' || nullif(g.reason, '') || ')', '')
              || CASE WHEN g.state = 'attended' AND n.text <> '' THEN '. Group note: ' || substr(n.text, 1, ${NOTE_READ})
                 ELSE '' END,
            ${USER('g.updated_by')}, 0
          FROM safe_home_register g
          JOIN safe_home_enrolments e ON e.id = g.enrolment_id ${CARER_JOIN}
          JOIN safe_home_sessions s ON s.id = g.session_id
          JOIN safe_home_runs r ON r.id = s.run_id
          LEFT JOIN safe_home_group_notes n ON n.session_id = s.id
          WHERE g.case_id = @caseId AND g.state <> 'withdrawn'
          UNION ALL
          SELECT s.session_date, 'safe_home_carer_note', g.id,
            'Note on ' || ${CARER} || ', ' || lower(${SESSION_NAME}) || ': ' || substr(g.carer_note, 1, ${NOTE_READ}),
            ${USER('g.updated_by')}, 0
          FROM safe_home_register g
          JOIN safe_home_enrolments e ON e.id = g.enrolment_id ${CARER_JOIN}
          JOIN safe_home_sessions s ON s.id = g.session_id
          JOIN safe_home_runs r ON r.id = s.run_id
          WHERE g.case_id = @caseId AND g.carer_note <> ''
          UNION ALL
          SELECT e.withdrawn_on, 'safe_home_withdrawn', e.id,
            ${CARER} || ' withdrew from Safe Home, ' || r.title
              || coalesce(': ' || nullif(e.withdrawal_detail, ''), ''),
            ${USER('e.updated_by')}, 0
          FROM safe_home_enrolments e ${CARER_JOIN} JOIN safe_home_runs r ON r.id = e.run_id
          WHERE e.case_id = @caseId AND e.withdrawn_on IS NOT NULL
          UNION ALL
          ${COMPLETED}
          UNION ALL
          SELECT v.version_date, 'safe_home_safety_plan', v.id,
            'Safety plan, version ' || (SELECT count(*) FROM safe_home_safety_plans w
              WHERE w.case_id = v.case_id AND w.run_id = v.run_id
                AND (w.version_date, w.created_at, w.id) <= (v.version_date, v.created_at, v.id))
              || ', ' || r.title || ': ' || substr(v.content, 1, ${NOTE_READ}),
            ${USER('v.created_by')}, 0
          FROM safe_home_safety_plans v JOIN safe_home_runs r ON r.id = v.run_id
          WHERE v.case_id = @caseId
          UNION ALL
          SELECT s.session_date, 'safe_home_safety_plan_reviewed', v.id,
            'Safety plan of ' || ${UK_DATE('v.version_date')} || ' reviewed in ' || lower(${SESSION_NAME}),
            ${USER('v.updated_by')}, 0
          FROM safe_home_safety_plans v
          JOIN safe_home_sessions s ON s.id = v.reviewed_in_session_id
          JOIN safe_home_runs r ON r.id = s.run_id
          WHERE v.case_id = @caseId`,
  });
}
