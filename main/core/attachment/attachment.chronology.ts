/**
 * The attachment procedures in the case chronology, on the day each was administered, by whoever
 * administered it: "SAA with Mother coded: B3", "DMM-AAI of Father coded: A4/C5", "ICI with
 * Mother coded: sensitivity adequate", or "... administered (not yet coded)". An event is marked
 * third-party when the person or figure it names is. The CARE-Index bands come from the
 * contract's data, turned into SQL here, so the chronology and the form read the same band.
 */
import { SENSITIVITY_BANDS } from '../../../preload/contract/dmm';
import { registerChronologySource } from '../notes/chronology';

const sqlText = (s: string) => `'${s.replace(/'/g, "''")}'`;

const SENSITIVE = "json_extract(p.care_index, '$.adult.sensitive')";
const BAND = `CASE ${SENSITIVITY_BANDS.map((b) => `WHEN ${SENSITIVE} BETWEEN ${b.from} AND ${b.to} THEN ${sqlText(b.label)}`).join(' ')} END`;

/** Who a procedure is of and with, as the chronology says it. */
const WHO = `CASE WHEN p.subject_kind = 'parent_carer' THEN ' of ' || coalesce(s.relationship, s.name, 'a parent or carer') ELSE '' END
  || CASE WHEN p.figure_is_young_person = 1 THEN ' about the young person'
          WHEN coalesce(f.relationship, f.name, p.figure_name) IS NOT NULL
            THEN CASE WHEN p.procedure = 'PI' THEN ' about ' ELSE ' with ' END || coalesce(f.relationship, f.name, p.figure_name)
          ELSE '' END`;

const CODED = `CASE WHEN p.classification IS NOT NULL THEN ' coded: ' || p.classification
  WHEN p.care_index IS NOT NULL THEN ' coded: sensitivity ' || coalesce(${BAND}, 'not banded')
  ELSE ' administered (not yet coded)' END`;

let registered = false;

/** Register the fragment once (the ipc file calls this at start-up). */
export function registerAttachmentChronology(): void {
  if (registered) return;
  registered = true;
  registerChronologySource({
    kinds: ['attachment_procedure'],
    sql: `SELECT p.administered_on, 'attachment_procedure', p.id, p.procedure || ${WHO} || ${CODED},
            (SELECT display_name FROM users u WHERE u.id = p.administered_by),
            max(coalesce(s.third_party, 0), coalesce(f.third_party, 0))
          FROM attachment_procedures p
          LEFT JOIN case_people s ON s.id = p.subject_person_id AND s.case_id = p.case_id
          LEFT JOIN case_people f ON f.id = p.figure_person_id AND f.case_id = p.case_id
          WHERE p.case_id = @caseId`,
  });
}
