/**
 * The chronology's psychometrics events: "SDQ (carer) administered: total difficulties 18,
 * slightly raised", dated on the day it was administered, by whoever administered it.
 */
import type { ChronologySource } from '../notes/chronology';

export const PSYCHOMETRICS_CHRONOLOGY_SOURCE: ChronologySource = {
  kinds: ['psychometric_administered'],
  sql: `SELECT administered_on, 'psychometric_administered', id,
          instrument_name || ' (' || CASE respondent_type WHEN 'young_person' THEN 'young person'
            ELSE respondent_type END || ') administered: ' || summary,
          (SELECT display_name FROM users u WHERE u.id = administered_by), 0
        FROM psychometric_administrations WHERE case_id = @caseId`,
};
