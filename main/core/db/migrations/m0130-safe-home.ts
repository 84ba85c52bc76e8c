import {
  DEFAULT_COMPLETION_RULE,
  SAFETY_PLAN_THEME_KEY,
  SEEDED_THEMES,
} from '../../../../preload/contract/safe-home-records';
import type { Migration } from './index';

/**
 * The key of the completion rule in `settings` (JSON of the contract's `CompletionRule`).
 * Exported so the service reads and writes the same key the migration seeds.
 */
export const COMPLETION_RULE_SETTING = 'safeHome.completionRule';

/**
 * The seeded themes' ids are fixed, not random, so that two laptops' vaults agree on them and a
 * session's themes mean the same theme wherever its bundle is opened. They are valid version-4
 * UUIDs: `5afe4000-0000-4000-8000-0000000000NN`, NN the theme's place in the published list.
 */
export function seededThemeId(index: number): string {
  return `5afe4000-0000-4000-8000-${String(index + 1).padStart(12, '0')}`;
}

const sqlText = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** Work out again the counts of the carers `where` selects (`e` is the enrolment). */
function recount(where: string): string {
  const attendedPlanned = `FROM safe_home_register g JOIN safe_home_sessions s ON s.id = g.session_id
     WHERE g.enrolment_id = e.id AND g.state = 'attended' AND s.kind = 'planned'`;
  // Delete then insert, not INSERT OR REPLACE: inside a trigger the outer statement's conflict
  // handling wins, and the register's upsert would turn REPLACE into a UNIQUE failure.
  return `DELETE FROM safe_home_carer_counts WHERE enrolment_id IN (SELECT e.id FROM safe_home_enrolments e WHERE ${where});
    INSERT INTO safe_home_carer_counts (enrolment_id, run_id, withdrawn, attended, last_seq, safety)
    SELECT e.id, e.run_id, e.withdrawn_on IS NOT NULL,
      (SELECT count(*) ${attendedPlanned}),
      (SELECT max(s.seq) ${attendedPlanned}),
      EXISTS (SELECT 1 FROM safe_home_register g JOIN safe_home_sessions s ON s.id = g.session_id,
                json_each(coalesce(s.covered_theme_ids, s.theme_ids)) t
               WHERE g.enrolment_id = e.id AND g.state = 'attended'
                 AND t.value = (SELECT id FROM safe_home_themes WHERE key = ${sqlText(SAFETY_PLAN_THEME_KEY)}))
    FROM safe_home_enrolments e WHERE ${where};`;
}

/**
 * Safe Home: the theme list (seeded with the published themes) and the completion rule
 * (a setting), programme runs with their session plan and catch-ups, carers enrolled from their
 * cases with goals and ratings, the register, the group note of each session, and the family's
 * safety-plan versions.
 *
 * Runs, sessions and group notes belong to no one case: a run mixes families. Everything about a
 * family (enrolments, goals, register entries with the per-carer note, safety plans) carries its
 * `case_id`, so a case's view and bundle select by it and never by the run alone. The group note
 * has a table of its own (one row per session) so that what is about the group is kept apart
 * from the session's plan, and a family's outputs can carry it only for sessions they attended.
 * Lists of ids (facilitators, a session's themes, a catch-up's carers) are JSON arrays the
 * service checks before writing, as interventions keep their goal ids.
 */
export const m0130SafeHome: Migration = {
  version: 130,
  name: 'safe home: themes, completion rule, runs, sessions, enrolments, register, group notes, safety plans',
  up(db) {
    db.exec(`
      CREATE TABLE safe_home_themes (
        id          TEXT PRIMARY KEY,
        -- Set for the seeded themes (rules find the safety-plan theme by it), NULL for added ones.
        key         TEXT UNIQUE,
        label       TEXT NOT NULL,
        aim         TEXT NOT NULL CHECK (aim IN ('knowledge', 'pathways', 'patterns', 'processing')),
        active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        position    INTEGER NOT NULL UNIQUE,
        updated_at  TEXT NOT NULL,
        version     INTEGER NOT NULL DEFAULT 1
      ) STRICT;

      CREATE TABLE safe_home_runs (
        id                TEXT PRIMARY KEY,
        title             TEXT NOT NULL,
        delivery          TEXT NOT NULL CHECK (delivery IN ('group', 'family')),
        facilitator_ids   TEXT NOT NULL CHECK (json_valid(facilitator_ids) AND json_type(facilitator_ids) = 'array'),
        start_date        TEXT NOT NULL,
        planned_sessions  INTEGER NOT NULL CHECK (planned_sessions BETWEEN 12 AND 15),
        venue             TEXT NOT NULL,
        closed_on         TEXT,
        created_at        TEXT NOT NULL,
        created_by        TEXT NOT NULL REFERENCES users (id),
        updated_at        TEXT NOT NULL,
        updated_by        TEXT NOT NULL REFERENCES users (id),
        version           INTEGER NOT NULL DEFAULT 1
      ) STRICT;
      -- The service view: runs not yet closed first, then the finished ones, newest first.
      CREATE INDEX safe_home_runs_order ON safe_home_runs (closed_on IS NOT NULL, start_date, id);

      CREATE TABLE safe_home_sessions (
        id                 TEXT PRIMARY KEY,
        run_id             TEXT NOT NULL REFERENCES safe_home_runs (id) ON DELETE CASCADE,
        kind               TEXT NOT NULL CHECK (kind IN ('planned', 'catch_up')),
        -- 1..planned_sessions for a planned session; a catch-up repeats its session's number.
        -- No upper bound here: renumbering a plan moves numbers out of the way first (the record
        -- and the contract keep 1-15).
        seq                INTEGER NOT NULL CHECK (seq >= 1),
        session_date       TEXT NOT NULL,
        theme_ids          TEXT NOT NULL CHECK (json_valid(theme_ids) AND json_type(theme_ids) = 'array'),
        -- The themes actually covered when they differ from the plan; NULL: as planned.
        covered_theme_ids  TEXT CHECK (covered_theme_ids IS NULL OR
                             (json_valid(covered_theme_ids) AND json_type(covered_theme_ids) = 'array')),
        -- A catch-up: the planned session it repeats and the enrolments it is for.
        for_session_id     TEXT REFERENCES safe_home_sessions (id) ON DELETE CASCADE,
        for_enrolment_ids  TEXT NOT NULL CHECK (json_valid(for_enrolment_ids) AND json_type(for_enrolment_ids) = 'array'),
        register_taken_at  TEXT,
        register_taken_by  TEXT REFERENCES users (id),
        created_at         TEXT NOT NULL,
        created_by         TEXT NOT NULL REFERENCES users (id),
        updated_at         TEXT NOT NULL,
        updated_by         TEXT NOT NULL REFERENCES users (id),
        version            INTEGER NOT NULL DEFAULT 1,
        CHECK ((kind = 'catch_up') = (for_session_id IS NOT NULL)),
        CHECK ((register_taken_at IS NULL) = (register_taken_by IS NULL))
      ) STRICT;
      CREATE INDEX safe_home_sessions_run ON safe_home_sessions (run_id, kind, seq, session_date);
      CREATE UNIQUE INDEX safe_home_sessions_planned_seq ON safe_home_sessions (run_id, seq) WHERE kind = 'planned';
      -- The service view's next session of each open run: planned sessions without a register.
      CREATE INDEX safe_home_sessions_pending ON safe_home_sessions (run_id, session_date)
        WHERE register_taken_at IS NULL;

      -- Written once for the group, shown on the case of each carer who attended (never others).
      CREATE TABLE safe_home_group_notes (
        session_id  TEXT PRIMARY KEY REFERENCES safe_home_sessions (id) ON DELETE CASCADE,
        run_id      TEXT NOT NULL REFERENCES safe_home_runs (id) ON DELETE CASCADE,
        text        TEXT NOT NULL,
        written_at  TEXT NOT NULL,
        written_by  TEXT NOT NULL REFERENCES users (id),
        version     INTEGER NOT NULL DEFAULT 1
      ) STRICT;
      CREATE INDEX safe_home_group_notes_run ON safe_home_group_notes (run_id);

      CREATE TABLE safe_home_enrolments (
        id                 TEXT PRIMARY KEY,
        run_id             TEXT NOT NULL REFERENCES safe_home_runs (id) ON DELETE CASCADE,
        case_id            TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        person_id          TEXT NOT NULL REFERENCES case_people (id),
        enrolled_on        TEXT NOT NULL,
        confidence_before  INTEGER CHECK (confidence_before BETWEEN 0 AND 10),
        knowledge_before   INTEGER CHECK (knowledge_before BETWEEN 0 AND 10),
        confidence_after   INTEGER CHECK (confidence_after BETWEEN 0 AND 10),
        knowledge_after    INTEGER CHECK (knowledge_after BETWEEN 0 AND 10),
        withdrawn_on       TEXT,
        withdrawal_reason  TEXT CHECK (withdrawal_reason IS NULL OR withdrawal_reason IN
                             ('carer_choice', 'practical', 'case_closed', 'moved_away', 'service_decision', 'other')),
        withdrawal_detail  TEXT,
        created_at         TEXT NOT NULL,
        created_by         TEXT NOT NULL REFERENCES users (id),
        updated_at         TEXT NOT NULL,
        updated_by         TEXT NOT NULL REFERENCES users (id),
        version            INTEGER NOT NULL DEFAULT 1,
        UNIQUE (run_id, person_id),
        CHECK ((withdrawn_on IS NULL) = (withdrawal_reason IS NULL))
      ) STRICT;
      CREATE INDEX safe_home_enrolments_run ON safe_home_enrolments (run_id, case_id);
      CREATE INDEX safe_home_enrolments_case ON safe_home_enrolments (case_id, run_id);

      -- Up to three goals per carer, in their words, rated 0-10 at the start and at the end.
      CREATE TABLE safe_home_goals (
        id              TEXT PRIMARY KEY,
        case_id         TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        enrolment_id    TEXT NOT NULL REFERENCES safe_home_enrolments (id) ON DELETE CASCADE,
        seq             INTEGER NOT NULL CHECK (seq BETWEEN 1 AND 3),
        description     TEXT NOT NULL,
        baseline_rating INTEGER CHECK (baseline_rating BETWEEN 0 AND 10),
        latest_rating   INTEGER CHECK (latest_rating BETWEEN 0 AND 10),
        version         INTEGER NOT NULL DEFAULT 1,
        UNIQUE (enrolment_id, seq)
      ) STRICT;
      CREATE INDEX safe_home_goals_case ON safe_home_goals (case_id);

      -- One carer's state in one session, with their own note (their case only).
      CREATE TABLE safe_home_register (
        id            TEXT PRIMARY KEY,
        case_id       TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        session_id    TEXT NOT NULL REFERENCES safe_home_sessions (id) ON DELETE CASCADE,
        enrolment_id  TEXT NOT NULL REFERENCES safe_home_enrolments (id) ON DELETE CASCADE,
        state         TEXT NOT NULL CHECK (state IN ('attended', 'apologies', 'did_not_attend', 'withdrawn')),
        reason        TEXT,
        cancelled_at  TEXT,
        carer_note    TEXT NOT NULL,
        updated_at    TEXT NOT NULL,
        updated_by    TEXT NOT NULL REFERENCES users (id),
        version       INTEGER NOT NULL DEFAULT 1,
        UNIQUE (session_id, enrolment_id),
        CHECK ((state = 'apologies') = (cancelled_at IS NOT NULL))
      ) STRICT;
      CREATE INDEX safe_home_register_enrolment ON safe_home_register (enrolment_id, session_id);
      CREATE INDEX safe_home_register_case ON safe_home_register (case_id);
      -- Completion counts for every carer at once (the service view) read only this small index.
      CREATE INDEX safe_home_register_attended ON safe_home_register (enrolment_id, session_id)
        WHERE state = 'attended';

      -- A family's safety plan in a run; numbered 1, 2, ... in date order when read.
      CREATE TABLE safe_home_safety_plans (
        id                      TEXT PRIMARY KEY,
        run_id                  TEXT NOT NULL REFERENCES safe_home_runs (id) ON DELETE CASCADE,
        case_id                 TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        version_date            TEXT NOT NULL,
        content                 TEXT NOT NULL,
        reviewed_in_session_id  TEXT REFERENCES safe_home_sessions (id) ON DELETE SET NULL,
        created_at              TEXT NOT NULL,
        created_by              TEXT NOT NULL REFERENCES users (id),
        updated_at              TEXT NOT NULL,
        updated_by              TEXT NOT NULL REFERENCES users (id),
        version                 INTEGER NOT NULL DEFAULT 1
      ) STRICT;
      CREATE INDEX safe_home_safety_plans_case ON safe_home_safety_plans (case_id, run_id, version_date);
      CREATE INDEX safe_home_safety_plans_run ON safe_home_safety_plans (run_id);

      -- Derived, never entered: per carer, what the completion rule needs (planned sessions
      -- attended, the last one, a session attended covering the safety-plan theme, withdrawn).
      -- The service view sums these for every carer at once instead of reading every register
      -- entry. Triggers keep it, whoever writes (the app, a bundle import), so it cannot drift;
      -- it is not a record and never travels. Completion itself is still decided on read, from
      -- the rule in force.
      CREATE TABLE safe_home_carer_counts (
        enrolment_id  TEXT PRIMARY KEY REFERENCES safe_home_enrolments (id) ON DELETE CASCADE,
        run_id        TEXT NOT NULL REFERENCES safe_home_runs (id) ON DELETE CASCADE,
        withdrawn     INTEGER NOT NULL,
        attended      INTEGER NOT NULL,
        last_seq      INTEGER,
        safety        INTEGER NOT NULL
      ) STRICT;
      -- Covers the service view's grouping, so it reads this index alone.
      CREATE INDEX safe_home_carer_counts_run ON safe_home_carer_counts (run_id, withdrawn, attended, safety, last_seq);

      CREATE TRIGGER safe_home_counts_enrol AFTER INSERT ON safe_home_enrolments BEGIN
        ${recount('e.id = NEW.id')}
      END;
      CREATE TRIGGER safe_home_counts_withdraw AFTER UPDATE OF withdrawn_on ON safe_home_enrolments BEGIN
        ${recount('e.id = NEW.id')}
      END;
      CREATE TRIGGER safe_home_counts_entry_in AFTER INSERT ON safe_home_register BEGIN
        ${recount('e.id = NEW.enrolment_id')}
      END;
      CREATE TRIGGER safe_home_counts_entry_change AFTER UPDATE ON safe_home_register BEGIN
        ${recount('e.id IN (NEW.enrolment_id, OLD.enrolment_id)')}
      END;
      CREATE TRIGGER safe_home_counts_entry_out AFTER DELETE ON safe_home_register BEGIN
        ${recount('e.id = OLD.enrolment_id')}
      END;
      CREATE TRIGGER safe_home_counts_session AFTER UPDATE OF kind, seq, theme_ids, covered_theme_ids
        ON safe_home_sessions BEGIN
        ${recount('e.run_id = NEW.run_id')}
      END;
    `);
    const at = new Date().toISOString();
    const themes = SEEDED_THEMES.map(
      (t, i) =>
        `(${sqlText(seededThemeId(i))}, ${sqlText(t.key)}, ${sqlText(t.label)}, ${sqlText(t.aim)}, 1, ${i + 1}, ${sqlText(at)})`,
    );
    db.exec(`INSERT INTO safe_home_themes (id, key, label, aim, active, position, updated_at) VALUES
      ${themes.join(',\n      ')};`);
    db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run(
      COMPLETION_RULE_SETTING,
      JSON.stringify(DEFAULT_COMPLETION_RULE),
    );
  },
};
