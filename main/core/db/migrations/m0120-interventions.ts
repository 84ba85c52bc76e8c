import type { Migration } from './index';

/**
 * Interventions: a case's plans with their Goal Based Outcomes and the ratings of each over
 * time, reviews, the session log, and safeguarding concerns raised in sessions.
 *
 * Every table carries `case_id` and `version` so each travels in the case bundle as its own
 * module. Lists of people (clinicians, the network's care, who was informed) are JSON arrays
 * the service checks against the case before writing, as consultations keep their attendees.
 * A concern's flag and task are NOT NULL foreign keys: a concern cannot exist without them.
 * Session notes are signed through the generic sign-off (`report_signoffs`, subject kind
 * `intervention_session`).
 */
export const m0120Interventions: Migration = {
  version: 120,
  name: 'intervention plans, goals, reviews, sessions and safeguarding concerns',
  up(db) {
    db.exec(`
      CREATE TABLE intervention_plans (
        id                     TEXT PRIMARY KEY,
        case_id                TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        plan_type              TEXT NOT NULL CHECK (plan_type IN ('individual', 'family', 'both')),
        start_date             TEXT NOT NULL,
        clinician_ids          TEXT NOT NULL CHECK (json_valid(clinician_ids) AND json_type(clinician_ids) = 'array'),
        -- [{ personId, care }]: other agencies' care alongside, from the professional network.
        network_care           TEXT NOT NULL CHECK (json_valid(network_care) AND json_type(network_care) = 'array'),
        state                  TEXT NOT NULL CHECK (state IN ('active', 'closed')),
        closed_on              TEXT,
        closure_reason         TEXT CHECK (closure_reason IS NULL OR closure_reason IN
                                 ('goals_met', 'goals_partly_met', 'disengaged', 'moved_away', 'transferred', 'other')),
        closing_summary        TEXT,
        closing_recommendations TEXT,
        created_at             TEXT NOT NULL,
        created_by             TEXT NOT NULL REFERENCES users (id),
        updated_at             TEXT NOT NULL,
        updated_by             TEXT NOT NULL REFERENCES users (id),
        version                INTEGER NOT NULL DEFAULT 1,
        CHECK ((state = 'closed') = (closed_on IS NOT NULL AND closure_reason IS NOT NULL AND closing_summary IS NOT NULL))
      ) STRICT;
      CREATE INDEX intervention_plans_case ON intervention_plans (case_id, start_date);
      -- One active plan per case; the Interventions area walks this index.
      CREATE UNIQUE INDEX intervention_plans_one_active ON intervention_plans (case_id) WHERE state = 'active';
      -- The Interventions area sorts every active plan: this covering index holds all the sort reads,
      -- so the plans' rows (wide, one encrypted page per few plans) are read for the page only.
      CREATE INDEX intervention_plans_active_start ON intervention_plans (start_date, id, case_id) WHERE state = 'active';

      CREATE TABLE intervention_goals (
        id           TEXT PRIMARY KEY,
        case_id      TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        plan_id      TEXT NOT NULL REFERENCES intervention_plans (id) ON DELETE CASCADE,
        seq          INTEGER NOT NULL CHECK (seq BETWEEN 1 AND 3),
        area         TEXT NOT NULL
          CHECK (area IN ('making_sense', 'healthy_strategies', 'emotions_relationships', 'other')),
        description  TEXT NOT NULL,
        version      INTEGER NOT NULL DEFAULT 1,
        UNIQUE (plan_id, seq)
      ) STRICT;
      CREATE INDEX intervention_goals_case ON intervention_goals (case_id);

      -- A Goal Based Outcome rating: at the start (session_id NULL) or taken in a session.
      CREATE TABLE intervention_goal_ratings (
        id          TEXT PRIMARY KEY,
        case_id     TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        goal_id     TEXT NOT NULL REFERENCES intervention_goals (id) ON DELETE CASCADE,
        session_id  TEXT REFERENCES intervention_sessions (id) ON DELETE CASCADE,
        rated_on    TEXT NOT NULL,
        rating      INTEGER NOT NULL CHECK (rating BETWEEN 0 AND 10),
        version     INTEGER NOT NULL DEFAULT 1
      ) STRICT;
      CREATE INDEX intervention_goal_ratings_goal ON intervention_goal_ratings (goal_id, rated_on);
      CREATE INDEX intervention_goal_ratings_session ON intervention_goal_ratings (session_id) WHERE session_id IS NOT NULL;
      CREATE INDEX intervention_goal_ratings_case ON intervention_goal_ratings (case_id);

      CREATE TABLE intervention_reviews (
        id               TEXT PRIMARY KEY,
        case_id          TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        plan_id          TEXT NOT NULL REFERENCES intervention_plans (id) ON DELETE CASCADE,
        review_date      TEXT NOT NULL,
        attendees        TEXT NOT NULL,
        progress         TEXT NOT NULL,
        changes          TEXT NOT NULL,
        recommendations  TEXT NOT NULL,
        created_at       TEXT NOT NULL,
        created_by       TEXT NOT NULL REFERENCES users (id),
        version          INTEGER NOT NULL DEFAULT 1
      ) STRICT;
      CREATE INDEX intervention_reviews_plan ON intervention_reviews (plan_id, review_date);
      CREATE INDEX intervention_reviews_case ON intervention_reviews (case_id);

      CREATE TABLE intervention_sessions (
        id                  TEXT PRIMARY KEY,
        case_id             TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        plan_id             TEXT NOT NULL REFERENCES intervention_plans (id) ON DELETE CASCADE,
        session_date        TEXT NOT NULL,
        start_time          TEXT NOT NULL,
        duration_minutes    INTEGER NOT NULL CHECK (duration_minutes BETWEEN 5 AND 480),
        session_type        TEXT NOT NULL CHECK (session_type IN ('individual', 'family', 'parent_carer', 'network')),
        attendees           TEXT NOT NULL,
        venue               TEXT NOT NULL CHECK (venue IN ('clinic', 'home', 'school', 'secure_setting', 'virtual')),
        attendance          TEXT NOT NULL CHECK (attendance IN
                              ('planned', 'attended', 'cancelled_by_family', 'cancelled_by_service', 'did_not_attend')),
        attendance_reason   TEXT,
        goal_ids            TEXT NOT NULL CHECK (json_valid(goal_ids) AND json_type(goal_ids) = 'array'),
        content             TEXT NOT NULL,
        observations        TEXT NOT NULL,
        next_steps          TEXT NOT NULL,
        created_at          TEXT NOT NULL,
        created_by          TEXT NOT NULL REFERENCES users (id),
        updated_at          TEXT NOT NULL,
        updated_by          TEXT NOT NULL REFERENCES users (id),
        version             INTEGER NOT NULL DEFAULT 1,
        CHECK (attendance IN ('planned', 'attended') OR attendance_reason IS NOT NULL)
      ) STRICT;
      -- The session log (newest first) of a case, and of a plan with its attendance counts.
      CREATE INDEX intervention_sessions_case ON intervention_sessions (case_id, session_date DESC, start_time DESC, id);
      CREATE INDEX intervention_sessions_plan ON intervention_sessions (plan_id, attendance, session_date);
      -- Booked sessions only (about one per active plan): the Interventions area finds every
      -- plan's next session from this small index in one pass, instead of one lookup per plan.
      CREATE INDEX intervention_sessions_planned ON intervention_sessions (session_date, plan_id)
        WHERE attendance = 'planned';

      CREATE TABLE intervention_concerns (
        id                   TEXT PRIMARY KEY,
        case_id              TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        session_id           TEXT NOT NULL REFERENCES intervention_sessions (id) ON DELETE CASCADE,
        description          TEXT NOT NULL,
        action_taken         TEXT NOT NULL,
        informed_person_ids  TEXT NOT NULL CHECK (json_valid(informed_person_ids) AND json_type(informed_person_ids) = 'array'),
        informed_at          TEXT NOT NULL,
        flag_id              TEXT NOT NULL REFERENCES flags (id),
        task_id              TEXT NOT NULL REFERENCES tasks (id),
        created_at           TEXT NOT NULL,
        created_by           TEXT NOT NULL REFERENCES users (id),
        version              INTEGER NOT NULL DEFAULT 1
      ) STRICT;
      CREATE INDEX intervention_concerns_session ON intervention_concerns (session_id);
      CREATE INDEX intervention_concerns_case ON intervention_concerns (case_id);
    `);
  },
};
