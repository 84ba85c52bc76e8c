import type { Migration } from './index';

/**
 * The assessment pathway: an assessment per case (one open at a time), its stages with planned
 * and actual dates and owners, the harmful sexual behaviour it describes, and its
 * recommendations. The 12-week clock itself stays on `cases` (paperwork-complete, due and
 * completed dates), which the caseload's indexes already read; "report sent" writes the
 * completed date there in the same transaction. Child rows carry `case_id` too, so the
 * chronology and the case bundle read them by case without a join.
 */
export const m0090Assessments: Migration = {
  version: 90,
  name: 'assessments: pathway stages, harmful sexual behaviour, risks, needs and recommendations',
  up(db) {
    db.exec(`
      CREATE TABLE assessments (
        id                          TEXT PRIMARY KEY,
        case_id                     TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        state                       TEXT NOT NULL CHECK (state IN ('open', 'complete')),
        -- The last stage done, kept with each completion so the Assessments list needs no join.
        stage_reached               TEXT,
        report_sent_date            TEXT,
        risk_to_others              TEXT CHECK (risk_to_others IN ('low', 'medium', 'high')),
        risk_to_others_rationale    TEXT,
        risk_to_self                TEXT CHECK (risk_to_self IN ('low', 'medium', 'high')),
        risk_to_self_rationale      TEXT,
        risk_from_others            TEXT CHECK (risk_from_others IN ('low', 'medium', 'high')),
        risk_from_others_rationale  TEXT,
        protective_factors          TEXT,
        need_developmental          TEXT,
        need_family                 TEXT,
        need_education              TEXT,
        need_emotional              TEXT,
        need_relationships          TEXT,
        aim3_concern                TEXT CHECK (aim3_concern IN ('low', 'medium', 'high')),
        aim3_supervision            TEXT CHECK (aim3_supervision IN ('low', 'medium', 'high')),
        erasor_overall              TEXT CHECK (erasor_overall IN ('low', 'moderate', 'high')),
        jsoap_percent               INTEGER CHECK (jsoap_percent BETWEEN 0 AND 100),
        formulation                 TEXT,
        opened_at                   TEXT NOT NULL,
        opened_by                   TEXT NOT NULL,
        updated_at                  TEXT NOT NULL,
        updated_by                  TEXT NOT NULL,
        version                     INTEGER NOT NULL
      ) STRICT;
      -- One open assessment per case; the Assessments list walks the open ones.
      CREATE UNIQUE INDEX assessments_one_open ON assessments (case_id) WHERE state = 'open';
      CREATE INDEX assessments_case ON assessments (case_id, opened_at);

      CREATE TABLE assessment_stages (
        id                 TEXT PRIMARY KEY,
        assessment_id      TEXT NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
        case_id            TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        stage              TEXT NOT NULL,
        -- Position in the pathway; the clinical interviews share one.
        seq                INTEGER NOT NULL,
        -- Clinical interviews: the parent or carer interviewed (NULL: the young person).
        subject_person_id  TEXT,
        subject_label      TEXT,
        planned_date       TEXT,
        actual_date        TEXT,
        owner_id           TEXT,
        updated_at         TEXT NOT NULL,
        updated_by         TEXT NOT NULL,
        version            INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX assessment_stages_of ON assessment_stages (assessment_id, seq);
      CREATE INDEX assessment_stages_case ON assessment_stages (case_id) WHERE actual_date IS NOT NULL;

      CREATE TABLE assessment_behaviours (
        id             TEXT PRIMARY KEY,
        assessment_id  TEXT NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
        case_id        TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        occurred_on    TEXT NOT NULL,
        description    TEXT NOT NULL,
        setting        TEXT NOT NULL,
        harmed         TEXT,
        third_party    INTEGER NOT NULL CHECK (third_party IN (0, 1)),
        hackett        TEXT NOT NULL,
        brook_version  TEXT,
        brook_band     TEXT,
        brook_colour   TEXT,
        created_at     TEXT NOT NULL,
        created_by     TEXT NOT NULL,
        updated_at     TEXT NOT NULL,
        updated_by     TEXT NOT NULL,
        version        INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX assessment_behaviours_of ON assessment_behaviours (assessment_id, occurred_on);
      CREATE INDEX assessment_behaviours_case ON assessment_behaviours (case_id);

      CREATE TABLE assessment_recommendations (
        id             TEXT PRIMARY KEY,
        assessment_id  TEXT NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
        case_id        TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        grp            TEXT NOT NULL CHECK (grp IN ('case_management', 'safety_planning', 'placement', 'treatment')),
        text           TEXT NOT NULL,
        owner          TEXT NOT NULL,
        timescale      TEXT NOT NULL,
        created_at     TEXT NOT NULL,
        updated_at     TEXT NOT NULL,
        updated_by     TEXT NOT NULL,
        version        INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX assessment_recommendations_of ON assessment_recommendations (assessment_id, grp);
      CREATE INDEX assessment_recommendations_case ON assessment_recommendations (case_id);
    `);
  },
};
