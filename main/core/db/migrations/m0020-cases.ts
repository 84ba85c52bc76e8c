import type { Migration } from './index';

/**
 * Case files: cases, the young person, linked people, services, clinicians, status history and
 * the paperwork checklist. Indexes are chosen for the caseload at 10,000 cases (see the
 * EXPLAIN QUERY PLAN test in tests/main/core/demo): every common filter/sort has an index whose
 * order matches, so a page is read without scanning or sorting the whole table.
 */
export const m0020Cases: Migration = {
  version: 20,
  name: 'cases: referral, young person, people, status history, paperwork',
  up(db) {
    db.exec(`
      CREATE TABLE cases (
        id                         TEXT PRIMARY KEY,
        reference                  TEXT NOT NULL UNIQUE,
        ref_year                   INTEGER NOT NULL,
        ref_seq                    INTEGER NOT NULL,
        status                     TEXT NOT NULL CHECK (status IN ('referred', 'accepted', 'declined', 'active', 'closed')),
        referral_date              TEXT NOT NULL,
        referral_source            TEXT,
        referral_reason            TEXT,
        consultation_only          INTEGER NOT NULL DEFAULT 0 CHECK (consultation_only IN (0, 1)),
        lead_worker_id             TEXT REFERENCES users (id),
        decline_reason             TEXT,
        closure_reason             TEXT,
        closing_summary            TEXT,
        age_at_referral            INTEGER NOT NULL,
        paperwork_complete_date    TEXT,
        assessment_due_date        TEXT,
        assessment_completed_date  TEXT,
        created_at                 TEXT NOT NULL,
        updated_at                 TEXT NOT NULL,
        updated_by                 TEXT NOT NULL REFERENCES users (id),
        version                    INTEGER NOT NULL DEFAULT 1,
        UNIQUE (ref_year, ref_seq)
      ) STRICT;
      CREATE INDEX cases_status_referral ON cases (status, referral_date, id);
      CREATE INDEX cases_status_reference ON cases (status, reference);
      CREATE INDEX cases_referral ON cases (referral_date, id);
      CREATE INDEX cases_lead_worker ON cases (lead_worker_id, status, referral_date);
      -- Sorting by due date puts cases without a clock last in both directions' natural reading.
      CREATE INDEX cases_due ON cases (coalesce(assessment_due_date, '9999-12-31'), id);
      -- Overdue filter: only cases whose clock is running are in this index.
      CREATE INDEX cases_clock_running ON cases (assessment_due_date)
        WHERE assessment_due_date IS NOT NULL AND assessment_completed_date IS NULL;

      -- One row per case. search_* are lower-case, accent-free copies for prefix search;
      -- phon_* are phonetic keys (cases/phonetic.ts) for the possible-duplicate warning.
      CREATE TABLE young_people (
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
        legal_status         TEXT NOT NULL DEFAULT 'none'
          CHECK (legal_status IN ('police_investigation_active', 'charged', 'court_order', 'none')),
        placement            TEXT
          CHECK (placement IN ('family_home', 'kinship', 'foster', 'residential', 'secure', 'other')),
        local_authority      TEXT,
        school               TEXT,
        search_given         TEXT NOT NULL DEFAULT '',
        search_family        TEXT NOT NULL DEFAULT '',
        search_la            TEXT NOT NULL DEFAULT '',
        phon_given           TEXT NOT NULL DEFAULT '',
        phon_family          TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX young_people_family ON young_people (search_family, search_given, case_id);
      CREATE INDEX young_people_given ON young_people (search_given, case_id);
      CREATE INDEX young_people_dob ON young_people (date_of_birth, phon_family, phon_given);

      CREATE TABLE case_services (
        case_id    TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        service    TEXT NOT NULL
          CHECK (service IN ('consultation', 'assessment', 'attachment_assessment', 'intervention', 'safe_home')),
        requested  INTEGER NOT NULL DEFAULT 0 CHECK (requested IN (0, 1)),
        provided   INTEGER NOT NULL DEFAULT 0 CHECK (provided IN (0, 1)),
        PRIMARY KEY (case_id, service)
      ) STRICT;
      CREATE INDEX case_services_service ON case_services (service, case_id);

      CREATE TABLE case_clinicians (
        case_id  TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        user_id  TEXT NOT NULL REFERENCES users (id),
        PRIMARY KEY (case_id, user_id)
      ) STRICT;
      CREATE INDEX case_clinicians_user ON case_clinicians (user_id);

      CREATE TABLE case_status_history (
        id           TEXT PRIMARY KEY,
        case_id      TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        from_status  TEXT,
        to_status    TEXT NOT NULL,
        reason       TEXT,
        changed_at   TEXT NOT NULL,
        changed_by   TEXT NOT NULL REFERENCES users (id)
      ) STRICT;
      CREATE INDEX case_status_history_case ON case_status_history (case_id, changed_at);

      CREATE TABLE case_people (
        id                      TEXT PRIMARY KEY,
        case_id                 TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        kind                    TEXT NOT NULL
          CHECK (kind IN ('referrer', 'professional', 'parent_carer', 'sibling', 'household_child')),
        name                    TEXT NOT NULL,
        role                    TEXT CHECK (role IN ('social_worker', 'police', 'camhs', 'yot', 'school', 'gp', 'other')),
        agency                  TEXT,
        phone                   TEXT,
        email                   TEXT,
        address                 TEXT,
        sharing_basis           TEXT,
        relationship            TEXT,
        parental_responsibility INTEGER CHECK (parental_responsibility IN (0, 1)),
        date_of_birth           TEXT,
        notes                   TEXT,
        third_party             INTEGER NOT NULL DEFAULT 0 CHECK (third_party IN (0, 1)),
        created_at              TEXT NOT NULL,
        updated_at              TEXT NOT NULL,
        updated_by              TEXT NOT NULL REFERENCES users (id),
        version                 INTEGER NOT NULL DEFAULT 1
      ) STRICT;
      CREATE INDEX case_people_case ON case_people (case_id, kind);

      CREATE TABLE paperwork_item_types (
        id          TEXT PRIMARY KEY,
        name        TEXT NOT NULL,
        required    INTEGER NOT NULL DEFAULT 1 CHECK (required IN (0, 1)),
        sort_order  INTEGER NOT NULL,
        retired     INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1))
      ) STRICT;
      INSERT INTO paperwork_item_types (id, name, required, sort_order) VALUES
        ('referral_form', 'Referral form', 1, 10),
        ('chronology', 'Chronology', 1, 20),
        ('police_disclosure', 'Police disclosure', 1, 30),
        ('school_report', 'School report', 1, 40),
        ('social_care_assessment', 'Social care assessment', 1, 50),
        ('health_camhs_report', 'Health / CAMHS report', 0, 60);

      CREATE TABLE case_paperwork (
        case_id        TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        type_id        TEXT NOT NULL REFERENCES paperwork_item_types (id),
        received_date  TEXT,
        notes          TEXT,
        updated_at     TEXT NOT NULL,
        updated_by     TEXT NOT NULL REFERENCES users (id),
        version        INTEGER NOT NULL DEFAULT 1,
        PRIMARY KEY (case_id, type_id)
      ) STRICT;
    `);
  },
};
