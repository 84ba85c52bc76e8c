/**
 * Safe Home in the subject access request: a carer's own records (their enrolments, their
 * register entries with their notes, and their family's safety plans in the runs they are
 * enrolled in), and the names of the other families of every group this case's carers are in
 * (their carers and their young people), which are redacted wherever they appear. Every arm
 * starts from this case's own enrolments, as the chronology does.
 */
import { registerOtherFamilyNames, registerPersonRecords } from '../reports/subject-access/person-records';

let registered = false;

export function registerSafeHomeSubjectAccess(): void {
  if (registered) return;
  registered = true;
  registerPersonRecords(`SELECT e.id AS entity_id FROM safe_home_enrolments e
      WHERE e.case_id = @caseId AND e.person_id = @personId
    UNION
    SELECT g.id FROM safe_home_register g JOIN safe_home_enrolments e ON e.id = g.enrolment_id
      WHERE g.case_id = @caseId AND e.case_id = @caseId AND e.person_id = @personId
    UNION
    SELECT v.id FROM safe_home_safety_plans v
      WHERE v.case_id = @caseId AND v.run_id IN
        (SELECT run_id FROM safe_home_enrolments WHERE case_id = @caseId AND person_id = @personId)`);
  registerOtherFamilyNames(`SELECT p.name AS name FROM safe_home_enrolments o JOIN case_people p ON p.id = o.person_id
      WHERE o.case_id <> @caseId AND o.run_id IN (SELECT run_id FROM safe_home_enrolments WHERE case_id = @caseId)
    UNION
    SELECT trim(coalesce(y.given_name, '') || ' ' || coalesce(y.family_name, '')) FROM safe_home_enrolments o
      JOIN young_people y ON y.case_id = o.case_id
      WHERE o.case_id <> @caseId AND o.run_id IN (SELECT run_id FROM safe_home_enrolments WHERE case_id = @caseId)`);
}
