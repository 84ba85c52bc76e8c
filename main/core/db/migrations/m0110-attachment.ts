import type { Migration } from './index';

/**
 * Attachment (DMM) assessments: one per case, holding the functional formulation and the
 * strategy summary, and its procedures (one person each).
 *
 * A procedure's modifiers, CARE-Index sheet, recordings and acknowledged warnings are JSON
 * columns rather than child tables: each is read and written whole with its procedure (a
 * modifier means nothing apart from the classification it qualifies, and their order is the
 * coder's), nothing queries inside them, and the contract's own zod schemas check them when
 * they are read back or arrive in a bundle. The CHECKs below only make sure they are JSON.
 *
 * The tier and the person's age are not stored: they are derived on every read from the
 * classification (or the CARE-Index sensitive scale) and the date of birth, by the same pure
 * functions the form uses, so a corrected DMM table or date of birth is reflected everywhere.
 *
 * `subject_person_id` and `figure_person_id` have no foreign key, as elsewhere for people: a
 * person may be left out of a bundle (third-party content), and the service checks them
 * against the case's people when a procedure is saved.
 */
export const m0110Attachment: Migration = {
  version: 110,
  name: 'attachment (DMM) assessments and their procedures',
  up(db) {
    db.exec(`
      CREATE TABLE attachment_assessments (
        id                TEXT PRIMARY KEY,
        -- One attachment assessment per case.
        case_id           TEXT NOT NULL UNIQUE REFERENCES cases (id) ON DELETE CASCADE,
        formulation       TEXT,
        strategy_summary  TEXT,
        opened_at         TEXT NOT NULL,
        opened_by         TEXT NOT NULL REFERENCES users (id),
        updated_at        TEXT NOT NULL,
        updated_by        TEXT NOT NULL REFERENCES users (id),
        version           INTEGER NOT NULL DEFAULT 1
      ) STRICT;

      CREATE TABLE attachment_procedures (
        id                      TEXT PRIMARY KEY,
        attachment_id           TEXT NOT NULL REFERENCES attachment_assessments (id) ON DELETE CASCADE,
        case_id                 TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        procedure               TEXT NOT NULL
          CHECK (procedure IN ('ICI', 'TCI', 'PAA', 'SAA', 'TAAI', 'DMM-AAI', 'PI')),
        subject_kind            TEXT NOT NULL CHECK (subject_kind IN ('young_person', 'parent_carer')),
        subject_person_id       TEXT,
        figure_person_id        TEXT,
        figure_name             TEXT,
        figure_is_young_person  INTEGER NOT NULL DEFAULT 0 CHECK (figure_is_young_person IN (0, 1)),
        administered_on         TEXT NOT NULL,
        administered_by         TEXT NOT NULL REFERENCES users (id),
        -- Document ids of this case: ["<uuid>", ...].
        recording_document_ids  TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(recording_document_ids)),
        transcript_status       TEXT NOT NULL
          CHECK (transcript_status IN ('not_needed', 'awaiting', 'transcribed', 'checked')),
        coder_name              TEXT,
        coder_reliable          INTEGER CHECK (coder_reliable IN (0, 1)),
        blind_coded             INTEGER CHECK (blind_coded IN (0, 1)),
        second_coder_name       TEXT,
        second_coder_agreement  TEXT CHECK (second_coder_agreement IN ('agreed', 'disagreed')),
        second_coder_resolution TEXT,
        -- The canonical classification text ("B3", "A4/C5"); NULL for the CARE-Index or not yet coded.
        classification          TEXT,
        -- [{code, about, forms, otherForm, target}], as the contract's modifierEntrySchema.
        modifiers               TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(modifiers)),
        -- {adult: {scale: n}, child: {scale: n}} or NULL.
        care_index              TEXT CHECK (care_index IS NULL OR json_valid(care_index)),
        -- [{key, message, acknowledgedBy, acknowledgedByName, acknowledgedAt}]: who saw each warning and saved anyway.
        warnings                TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(warnings)),
        notes                   TEXT,
        created_at              TEXT NOT NULL,
        created_by              TEXT NOT NULL REFERENCES users (id),
        updated_at              TEXT NOT NULL,
        updated_by              TEXT NOT NULL REFERENCES users (id),
        version                 INTEGER NOT NULL DEFAULT 1,
        CHECK ((subject_kind = 'young_person') = (subject_person_id IS NULL))
      ) STRICT;
      CREATE INDEX attachment_procedures_case ON attachment_procedures (case_id, administered_on);
    `);
  },
};
