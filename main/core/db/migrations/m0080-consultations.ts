import type { Migration } from './index';

/**
 * Professional consultations (one case's network meeting and its written recommendations),
 * ongoing "batch" consultations with a team or organisation (agreements, sessions and the cases
 * discussed in them), and the generic sign-off of reports: signed versions and addenda, keyed
 * by subject kind and id so the assessment report can use the same tables.
 */
export const m0080Consultations: Migration = {
  version: 80,
  name: 'consultations, batch consultations and report sign-off',
  up(db) {
    db.exec(`
      CREATE TABLE consultations (
        id                    TEXT PRIMARY KEY,
        case_id               TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        meeting_date          TEXT NOT NULL,
        meeting_mode          TEXT NOT NULL CHECK (meeting_mode IN ('in_person', 'virtual')),
        -- JSON arrays of case_people ids (the professional network) and document ids of the
        -- same case; the service checks both belong to the case before writing.
        attendee_ids          TEXT NOT NULL CHECK (json_valid(attendee_ids) AND json_type(attendee_ids) = 'array'),
        document_ids          TEXT NOT NULL CHECK (json_valid(document_ids) AND json_type(document_ids) = 'array'),
        police_investigation  TEXT NOT NULL CHECK (police_investigation IN ('yes', 'no', 'not_known')),
        reason                TEXT NOT NULL,
        network_questions     TEXT NOT NULL,
        discussion            TEXT NOT NULL,
        recommendations       TEXT NOT NULL,
        suitability           TEXT NOT NULL
          CHECK (suitability IN ('assessment_now', 'intervention_now', 'later', 'not_suitable')),
        suitability_reason    TEXT,
        created_at            TEXT NOT NULL,
        created_by            TEXT NOT NULL REFERENCES users (id),
        updated_at            TEXT NOT NULL,
        updated_by            TEXT NOT NULL REFERENCES users (id),
        version               INTEGER NOT NULL DEFAULT 1,
        CHECK (suitability IN ('assessment_now', 'intervention_now') OR suitability_reason IS NOT NULL)
      ) STRICT;
      CREATE INDEX consultations_case ON consultations (case_id, meeting_date);
      -- The Consultations area lists every case's consultations, newest meeting first: the page
      -- is chosen from this index alone (case_id included for the visibility condition).
      CREATE INDEX consultations_date ON consultations (meeting_date DESC, id, case_id);

      CREATE TABLE report_signoffs (
        id              TEXT PRIMARY KEY,
        subject_kind    TEXT NOT NULL,
        subject_id      TEXT NOT NULL,
        case_id         TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        -- The record's version when it was signed, and what it said then (JSON).
        subject_version INTEGER NOT NULL,
        signed_version  INTEGER NOT NULL CHECK (signed_version >= 1),
        content         TEXT NOT NULL CHECK (json_valid(content)),
        signed_by       TEXT NOT NULL REFERENCES users (id),
        signed_at       TEXT NOT NULL,
        UNIQUE (subject_kind, subject_id, signed_version)
      ) STRICT;
      CREATE INDEX report_signoffs_case ON report_signoffs (case_id);

      CREATE TABLE report_addenda (
        id            TEXT PRIMARY KEY,
        subject_kind  TEXT NOT NULL,
        subject_id    TEXT NOT NULL,
        case_id       TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        text          TEXT NOT NULL,
        written_by    TEXT NOT NULL REFERENCES users (id),
        written_at    TEXT NOT NULL
      ) STRICT;
      CREATE INDEX report_addenda_subject ON report_addenda (subject_kind, subject_id, written_at);
      CREATE INDEX report_addenda_case ON report_addenda (case_id);

      -- Batch consultations are the service's own records, not part of any case file.
      CREATE TABLE batch_agreements (
        id            TEXT PRIMARY KEY,
        organisation  TEXT NOT NULL,
        team          TEXT,
        frequency     TEXT NOT NULL,
        start_date    TEXT NOT NULL,
        end_date      TEXT,
        contact       TEXT,
        created_at    TEXT NOT NULL,
        created_by    TEXT NOT NULL REFERENCES users (id),
        updated_at    TEXT NOT NULL,
        updated_by    TEXT NOT NULL REFERENCES users (id),
        version       INTEGER NOT NULL DEFAULT 1,
        CHECK (end_date IS NULL OR end_date >= start_date)
      ) STRICT;
      CREATE INDEX batch_agreements_organisation ON batch_agreements (organisation COLLATE NOCASE, id);

      CREATE TABLE batch_sessions (
        id                TEXT PRIMARY KEY,
        agreement_id      TEXT NOT NULL REFERENCES batch_agreements (id) ON DELETE CASCADE,
        session_date      TEXT NOT NULL,
        attendees         TEXT NOT NULL,
        themes            TEXT NOT NULL,
        reflective_notes  TEXT NOT NULL,
        advice            TEXT NOT NULL,
        created_at        TEXT NOT NULL,
        created_by        TEXT NOT NULL REFERENCES users (id),
        updated_at        TEXT NOT NULL,
        updated_by        TEXT NOT NULL REFERENCES users (id),
        version           INTEGER NOT NULL DEFAULT 1
      ) STRICT;
      CREATE INDEX batch_sessions_agreement ON batch_sessions (agreement_id, session_date);

      -- A case discussed in a session: a case of this vault, or an anonymous reference for a
      -- child the service holds no case for. Exactly one of the two.
      CREATE TABLE batch_session_cases (
        id              TEXT PRIMARY KEY,
        session_id      TEXT NOT NULL REFERENCES batch_sessions (id) ON DELETE CASCADE,
        case_id         TEXT REFERENCES cases (id),
        anonymous_ref   TEXT,
        discussion      TEXT NOT NULL,
        CHECK ((case_id IS NULL) <> (anonymous_ref IS NULL))
      ) STRICT;
      CREATE INDEX batch_session_cases_session ON batch_session_cases (session_id);
      CREATE INDEX batch_session_cases_case ON batch_session_cases (case_id) WHERE case_id IS NOT NULL;
    `);
  },
};
