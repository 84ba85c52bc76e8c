/**
 * Which Safe Home rows a bundle of case `@caseId` carries, as SQL: always reached through the
 * family's own rows (its enrolments and register entries), never through a run alone.
 */
/** The runs a carer of `@caseId` is enrolled in. */
export const CASE_RUNS = 'SELECT e.run_id FROM safe_home_enrolments e WHERE e.case_id = @caseId';
/** The catch-ups a carer of `@caseId` was booked into. */
const CASE_CATCH_UPS = `SELECT s.id FROM safe_home_sessions s, json_each(s.for_enrolment_ids) j
  JOIN safe_home_enrolments e ON e.id = j.value WHERE s.run_id IN (${CASE_RUNS}) AND e.case_id = @caseId`;
/** The sessions the bundle carries: the runs' planned sessions and this family's catch-ups. */
export const CARRIED_SESSIONS = `SELECT s.id FROM safe_home_sessions s WHERE s.run_id IN (${CASE_RUNS}) AND s.kind = 'planned'
  UNION SELECT g.session_id FROM safe_home_register g WHERE g.case_id = @caseId
  UNION ${CASE_CATCH_UPS}`;
/** Sessions a carer of this family attended: only their group notes travel. */
export const ATTENDED_SESSIONS = `SELECT g.session_id FROM safe_home_register g WHERE g.case_id = @caseId AND g.state = 'attended'`;
