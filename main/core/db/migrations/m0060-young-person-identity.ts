import type { Migration } from './index';

/**
 * The young person's identity (NHS number, address, GP practice, consent and information
 * sharing) and honest unanswered answers: legal status becomes nullable (null = nobody has
 * answered) and both legal status and placement accept `not_known`.
 *
 * SQLite cannot change a column's NOT NULL, DEFAULT or CHECK in place, so `young_people` is
 * rebuilt: a new table, every row copied, the old one dropped, the new one renamed, and its
 * indexes made again. Nothing references `young_people`, so the drop cascades nowhere.
 *
 * Existing rows keep their legal status as stored. An old `none` may have been a real answer
 * or the form's old default that nobody changed; the migration cannot tell which, and turning
 * a real "no police or court involvement" into "not answered" would lose an answer, so it stays.
 */
export const m0060YoungPersonIdentity: Migration = {
  version: 60,
  name: 'young person: identity, consent, nullable legal status, not known answers',
  up(db) {
    db.exec(`
      CREATE TABLE young_people_v60 (
        case_id              TEXT PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
        given_name           TEXT,
        family_name          TEXT,
        initials             TEXT NOT NULL,
        date_of_birth        TEXT,
        gender               TEXT,
        ethnicity            TEXT,
        first_language       TEXT,
        developmental_needs  TEXT,
        learning_needs       TEXT,
        communication_needs  TEXT,
        legal_status         TEXT
          CHECK (legal_status IN ('police_investigation_active', 'charged', 'court_order', 'none', 'not_known')),
        placement            TEXT
          CHECK (placement IN ('family_home', 'kinship', 'foster', 'residential', 'secure', 'other', 'not_known')),
        local_authority      TEXT,
        school               TEXT,
        -- 10 digits, Modulus 11 checked by the contract (nhs-number.ts) before it gets here.
        nhs_number           TEXT CHECK (nhs_number IS NULL OR (length(nhs_number) = 10 AND nhs_number NOT GLOB '*[^0-9]*')),
        address              TEXT,
        gp_practice_name     TEXT,
        gp_practice_ods_code TEXT,
        consent_status       TEXT
          CHECK (consent_status IN ('given', 'given_with_limits', 'refused', 'not_yet_sought', 'not_known')),
        consent_date         TEXT,
        consent_details      TEXT,
        consent_recorded_by  TEXT REFERENCES users (id),
        consent_recorded_at  TEXT,
        search_given         TEXT NOT NULL DEFAULT '',
        search_family        TEXT NOT NULL DEFAULT '',
        search_la            TEXT NOT NULL DEFAULT '',
        phon_given           TEXT NOT NULL DEFAULT '',
        phon_family          TEXT NOT NULL DEFAULT ''
      ) STRICT;
      INSERT INTO young_people_v60 (case_id, given_name, family_name, initials, date_of_birth, gender, ethnicity,
        first_language, developmental_needs, learning_needs, communication_needs, legal_status, placement,
        local_authority, school, search_given, search_family, search_la, phon_given, phon_family)
      SELECT case_id, given_name, family_name, initials, date_of_birth, gender, ethnicity,
        first_language, developmental_needs, learning_needs, communication_needs, legal_status, placement,
        local_authority, school, search_given, search_family, search_la, phon_given, phon_family
      FROM young_people;
      DROP TABLE young_people;
      ALTER TABLE young_people_v60 RENAME TO young_people;
      CREATE INDEX young_people_family ON young_people (search_family, search_given, case_id);
      CREATE INDEX young_people_given ON young_people (search_given, case_id);
      CREATE INDEX young_people_dob ON young_people (date_of_birth, phon_family, phon_given);
      -- Finding a case by NHS number, and the same number on two cases, without a scan.
      CREATE INDEX young_people_nhs ON young_people (nhs_number) WHERE nhs_number IS NOT NULL;
    `);
  },
};
