/**
 * The assessments in the subject access request: a behaviour's "who was harmed" is the victim,
 * so it is withheld from the requester's copy even when the behaviour was not flagged as
 * third-party information (the flag is the clinician's; this field is third-party by what it
 * means). Its entity is the behaviour, as in the `hsb_behaviour_recorded` chronology event.
 */
import { registerVictimField } from '../reports/subject-access/victim-fields';

/** The form's label for the field (the assessment report prints it the same way). */
export const HARMED_LABEL = 'Who was harmed';

let registered = false;

export function registerAssessmentSubjectAccess(): void {
  if (registered) return;
  registered = true;
  registerVictimField(`SELECT id AS entity_id, '${HARMED_LABEL}' AS label, harmed AS value
    FROM assessment_behaviours WHERE case_id = @caseId AND harmed IS NOT NULL`);
}
