import type { Migration } from './index';

/**
 * Per-month tallies for the statistics (`main/core/stats/month-tallies.ts`), so a year's dashboard
 * reads a dozen rows per figure instead of every record of the year: five times the referrals is
 * then the same number of rows, not five times as many. Each tally counts records by the month of
 * the date its measure filters on and by the group it breaks them down by, exactly as the measure's
 * own query over the records would (the measure reads the records themselves for the part of a
 * period that cuts a month, so the figures are the same for any period).
 *
 * The triggers keep every tally exact as rows change. A record's contribution is subtracted as it
 * was and added as it is, so an edit nets to nothing when nothing it is counted by changed. A case
 * carries its young person's and its services' contributions (they are counted by its referral
 * month): the case's triggers add them when it is inserted (an imported case may come after its
 * young person) and take them away BEFORE it is deleted, while its children's own triggers act
 * only while the case exists (a cascade deletes them after the case, when there is nothing left to
 * take away). Derived data, rebuilt here from the records, never carried in a bundle.
 */

const TABLE = 'stats_month_counts';

/** Add `delta` to a tally's (month of `date`, group) cell, from `source` rows matching `where`. */
function bump(tally: string, date: string, group: string, delta: 1 | -1, source: string, where: string): string {
  return `INSERT INTO ${TABLE} (tally, month, grp, n)
      SELECT '${tally}', substr(${date}, 1, 7), ${group}, ${delta}${source ? ` FROM ${source}` : ''} WHERE ${where}
      ON CONFLICT (tally, month, grp) DO UPDATE SET n = n + excluded.n;`;
}

/** The outcome of an assessment due, as `assessments.stats.ts` decides it (a pending one is split by today when read). */
const dueState = (c: string) => `CASE
      WHEN ${c}.assessment_completed_date IS NOT NULL AND ${c}.assessment_completed_date <= ${c}.assessment_due_date THEN 'on_time'
      WHEN ${c}.assessment_completed_date IS NOT NULL THEN 'late'
      WHEN ${c}.status IN ('closed', 'declined') THEN 'closed'
      ELSE 'pending' END`;

/** Whole days from paperwork complete to report sent; '' where a date cannot be read (the measure's null). */
const paperworkDays = (c: string) =>
  `coalesce(CAST(CAST(julianday(${c}.assessment_completed_date) - julianday(${c}.paperwork_complete_date) AS INTEGER) AS TEXT), '')`;

const ASSESSED = (c: string) => `EXISTS (SELECT 1 FROM assessments a WHERE a.case_id = ${c}.id)`;

/** What an assessed case adds: its due assessment's outcome and its days to report. `c` is the case row. */
function assessedTallies(c: string, delta: 1 | -1, source: string, where: string): string {
  return [
    bump('assessment_due', `coalesce(${c}.assessment_due_date, '9999-12-31')`, dueState(c), delta, source, where),
    bump(
      'paperwork_days',
      `${c}.assessment_completed_date`,
      paperworkDays(c),
      delta,
      source,
      `${where} AND ${c}.assessment_completed_date IS NOT NULL AND ${c}.paperwork_complete_date IS NOT NULL`,
    ),
  ].join('\n');
}

/** Everything a case row (`OLD` or `NEW`) adds, its young person's and its services' included. */
function caseTallies(c: 'OLD' | 'NEW', delta: 1 | -1): string {
  return [
    bump('referral_source', `${c}.referral_date`, `coalesce(${c}.referral_source, '')`, delta, '', '1'),
    bump('referral_la', `${c}.referral_date`, `coalesce(y.local_authority, '')`, delta, 'young_people y', `y.case_id = ${c}.id`),
    bump('referral_service', `${c}.referral_date`, 'cs.service', delta, 'case_services cs', `cs.case_id = ${c}.id AND cs.requested = 1`),
    assessedTallies(c, delta, '', ASSESSED(c)),
  ].join('\n');
}

/** A young person's local authority, counted in its case's referral month while the case exists. */
const youngPersonTally = (y: 'OLD' | 'NEW', delta: 1 | -1) =>
  bump('referral_la', 'c.referral_date', `coalesce(${y}.local_authority, '')`, delta, 'cases c', `c.id = ${y}.case_id`);

/** A service asked for, counted in its case's referral month while the case exists. */
const serviceTally = (s: 'OLD' | 'NEW', delta: 1 | -1) =>
  bump('referral_service', 'c.referral_date', `${s}.service`, delta, 'cases c', `c.id = ${s}.case_id AND ${s}.requested = 1`);

const consultationTally = (r: 'OLD' | 'NEW', delta: 1 | -1) =>
  bump('consultation', `${r}.meeting_date`, `${r}.suitability`, delta, '', '1');

const sessionTally = (r: 'OLD' | 'NEW', delta: 1 | -1) =>
  bump('session', `${r}.session_date`, `${r}.attendance`, delta, '', '1');

/** A case's first assessment makes it an assessed case; its last one gone, it is not (`k`: the case id). */
const firstAssessment = (k: string, delta: 1 | -1) =>
  assessedTallies('c', delta, 'cases c', `c.id = ${k}`);

/**
 * Every tally from the records as they are (the backfill; the triggers keep it from here). Exported
 * for the test that the triggers' tallies are what a fresh count gives.
 */
export const MONTH_TALLIES_BACKFILL = `
  INSERT INTO ${TABLE} (tally, month, grp, n)
    SELECT 'referral_source', substr(referral_date, 1, 7), coalesce(referral_source, ''), count(*)
      FROM cases GROUP BY 2, 3;
  INSERT INTO ${TABLE} (tally, month, grp, n)
    SELECT 'referral_la', substr(c.referral_date, 1, 7), coalesce(y.local_authority, ''), count(*)
      FROM young_people y JOIN cases c ON c.id = y.case_id GROUP BY 2, 3;
  INSERT INTO ${TABLE} (tally, month, grp, n)
    SELECT 'referral_service', substr(c.referral_date, 1, 7), cs.service, count(*)
      FROM case_services cs JOIN cases c ON c.id = cs.case_id WHERE cs.requested = 1 GROUP BY 2, 3;
  INSERT INTO ${TABLE} (tally, month, grp, n)
    SELECT 'assessment_due', substr(coalesce(c.assessment_due_date, '9999-12-31'), 1, 7), ${dueState('c')}, count(*)
      FROM cases c WHERE ${ASSESSED('c')} GROUP BY 2, 3;
  INSERT INTO ${TABLE} (tally, month, grp, n)
    SELECT 'paperwork_days', substr(c.assessment_completed_date, 1, 7), ${paperworkDays('c')}, count(*)
      FROM cases c WHERE c.assessment_completed_date IS NOT NULL AND c.paperwork_complete_date IS NOT NULL
       AND ${ASSESSED('c')} GROUP BY 2, 3;
  INSERT INTO ${TABLE} (tally, month, grp, n)
    SELECT 'consultation', substr(meeting_date, 1, 7), suitability, count(*) FROM consultations GROUP BY 2, 3;
  INSERT INTO ${TABLE} (tally, month, grp, n)
    SELECT 'session', substr(session_date, 1, 7), attendance, count(*) FROM intervention_sessions GROUP BY 2, 3;`;

const CASELOAD = 'stats_open_caseload';
const OPEN = `('referred', 'accepted', 'active')`;

/** Add `delta` to the open caseload's cell `who` ('*' the total, '' not allocated, else a user id). */
function bumpCaseload(who: string, delta: 1 | -1, source: string, where: string): string {
  return `INSERT INTO ${CASELOAD} (user_key, n) SELECT ${who}, ${delta}${source ? ` FROM ${source}` : ''} WHERE ${where}
      ON CONFLICT (user_key) DO UPDATE SET n = n + excluded.n;`;
}

/**
 * What an open case adds to the open caseload, as `cases.stats.ts` counts it: one to the total,
 * one to its lead worker, one to each other clinician allocated, or, with nobody, one to "not
 * allocated". `c` is the case row (OLD or NEW); its clinicians are read as they are.
 */
function caseloadOf(c: 'OLD' | 'NEW', delta: 1 | -1): string {
  const open = `${c}.status IN ${OPEN}`;
  return [
    bumpCaseload(`'*'`, delta, '', open),
    bumpCaseload(`${c}.lead_worker_id`, delta, '', `${open} AND ${c}.lead_worker_id IS NOT NULL`),
    bumpCaseload(
      'cc.user_id',
      delta,
      'case_clinicians cc',
      `cc.case_id = ${c}.id AND ${open} AND (${c}.lead_worker_id IS NULL OR cc.user_id <> ${c}.lead_worker_id)`,
    ),
    bumpCaseload(
      `''`,
      delta,
      '',
      `${open} AND ${c}.lead_worker_id IS NULL AND NOT EXISTS (SELECT 1 FROM case_clinicians cc WHERE cc.case_id = ${c}.id)`,
    ),
  ].join('\n');
}

const caseOpen = (a: 'OLD' | 'NEW') => `c.id = ${a}.case_id AND c.status IN ${OPEN}`;

/**
 * One allocation (`a`: OLD or NEW of case_clinicians) added or taken away, for its case while the
 * case exists and is open: the clinician's own count, unless they are the lead worker (counted
 * already by the case).
 */
const allocation = (a: 'OLD' | 'NEW', delta: 1 | -1) =>
  bumpCaseload(`${a}.user_id`, delta, 'cases c', `${caseOpen(a)} AND (c.lead_worker_id IS NULL OR ${a}.user_id <> c.lead_worker_id)`);

/**
 * A case without a lead worker is "not allocated" until its first clinician comes, and again when
 * its last one goes: after an allocation added (`delta` 1) the case has one, after one taken away none.
 */
function unallocatedToggle(a: 'OLD' | 'NEW', delta: 1 | -1): string {
  const count = `(SELECT count(*) FROM case_clinicians cc WHERE cc.case_id = ${a}.case_id)`;
  const when = delta === 1 ? `${count} = 1` : `${count} = 0`;
  return bumpCaseload(`''`, delta === 1 ? -1 : 1, 'cases c', `${caseOpen(a)} AND c.lead_worker_id IS NULL AND ${when}`);
}

/** The open caseload from the cases as they are (the backfill). Exported for the test beside the month tallies'. */
export const OPEN_CASELOAD_BACKFILL = `
  INSERT INTO ${CASELOAD} (user_key, n)
    SELECT who, count(*) FROM (
      SELECT '*' AS who FROM cases WHERE status IN ${OPEN}
      UNION ALL
      SELECT lead_worker_id FROM cases WHERE status IN ${OPEN} AND lead_worker_id IS NOT NULL
      UNION ALL
      SELECT cc.user_id FROM cases c JOIN case_clinicians cc ON cc.case_id = c.id
       WHERE c.status IN ${OPEN} AND (c.lead_worker_id IS NULL OR cc.user_id <> c.lead_worker_id)
      UNION ALL
      SELECT '' FROM cases c WHERE c.status IN ${OPEN} AND c.lead_worker_id IS NULL
         AND NOT EXISTS (SELECT 1 FROM case_clinicians cc WHERE cc.case_id = c.id))
    GROUP BY who;`;

const CARER_CELLS = 'safe_home_summary_cells';

/**
 * Add `delta` to the Safe Home summary's cell of each carer count row `c` of run `r` matching
 * `where`: the carers grouped by what decides their completion (their run's length and state, and
 * their own counts), so the service view sums a few dozen cells, not every carer of every run.
 */
function carerCells(c: string, r: string, delta: 1 | -1, source: string, where: string): string {
  return `INSERT INTO ${CARER_CELLS} (planned_sessions, finished, withdrawn, attended, safety, last_seq, n)
      SELECT ${r}.planned_sessions, ${r}.closed_on IS NOT NULL, ${c}.withdrawn, ${c}.attended, ${c}.safety,
             coalesce(${c}.last_seq, 0), ${delta} FROM ${source} WHERE ${where}
      ON CONFLICT (planned_sessions, finished, withdrawn, attended, safety, last_seq) DO UPDATE SET n = n + excluded.n;`;
}

/** The Safe Home summary's cells from the carer counts as they are (the backfill). Exported for its test. */
export const SAFE_HOME_CELLS_BACKFILL = `
  INSERT INTO ${CARER_CELLS} (planned_sessions, finished, withdrawn, attended, safety, last_seq, n)
    SELECT r.planned_sessions, r.closed_on IS NOT NULL, c.withdrawn, c.attended, c.safety, coalesce(c.last_seq, 0), count(*)
      FROM safe_home_carer_counts c JOIN safe_home_runs r ON r.id = c.run_id
     GROUP BY 1, 2, 3, 4, 5, 6;`;

/** The plans' clinicians as rows from the plans as they are (the backfill). Exported for `ncats verify`. */
export const PLAN_CLINICIANS_BACKFILL = `
  INSERT INTO intervention_plan_clinicians (user_id, plan_id)
    SELECT DISTINCT j.value, p.id FROM intervention_plans p, json_each(p.clinician_ids) j;`;

export const m0290StatisticsMonthTallies: Migration = {
  version: 290,
  name: 'statistics: per-month tallies, the open caseload, the Safe Home summary and plan clinicians, kept by triggers',
  up(db) {
    db.exec(`
      CREATE TABLE ${TABLE} (
        -- Which count: referral_source, referral_la, referral_service, assessment_due,
        -- paperwork_days, consultation, session (month-tallies.ts names them once for the reads).
        tally  TEXT NOT NULL,
        -- yyyy-mm of the date the measure filters on.
        month  TEXT NOT NULL,
        -- The group as stored ('' for none); merged into the measure's groups when read.
        grp    TEXT NOT NULL,
        n      INTEGER NOT NULL,
        PRIMARY KEY (tally, month, grp)
      ) STRICT, WITHOUT ROWID;
      ${MONTH_TALLIES_BACKFILL}

      CREATE TRIGGER stats_case_in AFTER INSERT ON cases BEGIN
        ${caseTallies('NEW', 1)}
      END;
      CREATE TRIGGER stats_case_out BEFORE DELETE ON cases BEGIN
        ${caseTallies('OLD', -1)}
      END;
      CREATE TRIGGER stats_case_change AFTER UPDATE OF referral_date, referral_source, assessment_due_date,
        assessment_completed_date, paperwork_complete_date, status ON cases BEGIN
        ${caseTallies('OLD', -1)}
        ${caseTallies('NEW', 1)}
      END;

      CREATE TRIGGER stats_young_person_in AFTER INSERT ON young_people BEGIN
        ${youngPersonTally('NEW', 1)}
      END;
      CREATE TRIGGER stats_young_person_out AFTER DELETE ON young_people BEGIN
        ${youngPersonTally('OLD', -1)}
      END;
      CREATE TRIGGER stats_young_person_change AFTER UPDATE OF local_authority, case_id ON young_people BEGIN
        ${youngPersonTally('OLD', -1)}
        ${youngPersonTally('NEW', 1)}
      END;

      CREATE TRIGGER stats_service_in AFTER INSERT ON case_services BEGIN
        ${serviceTally('NEW', 1)}
      END;
      CREATE TRIGGER stats_service_out AFTER DELETE ON case_services BEGIN
        ${serviceTally('OLD', -1)}
      END;
      CREATE TRIGGER stats_service_change AFTER UPDATE OF requested, service, case_id ON case_services BEGIN
        ${serviceTally('OLD', -1)}
        ${serviceTally('NEW', 1)}
      END;

      CREATE TRIGGER stats_assessment_in AFTER INSERT ON assessments
        WHEN (SELECT count(*) FROM assessments a WHERE a.case_id = NEW.case_id) = 1 BEGIN
        ${firstAssessment('NEW.case_id', 1)}
      END;
      CREATE TRIGGER stats_assessment_out AFTER DELETE ON assessments
        WHEN NOT EXISTS (SELECT 1 FROM assessments a WHERE a.case_id = OLD.case_id) BEGIN
        ${firstAssessment('OLD.case_id', -1)}
      END;
      CREATE TRIGGER stats_assessment_moved_out AFTER UPDATE OF case_id ON assessments
        WHEN OLD.case_id <> NEW.case_id AND NOT EXISTS (SELECT 1 FROM assessments a WHERE a.case_id = OLD.case_id) BEGIN
        ${firstAssessment('OLD.case_id', -1)}
      END;
      CREATE TRIGGER stats_assessment_moved_in AFTER UPDATE OF case_id ON assessments
        WHEN OLD.case_id <> NEW.case_id AND (SELECT count(*) FROM assessments a WHERE a.case_id = NEW.case_id) = 1 BEGIN
        ${firstAssessment('NEW.case_id', 1)}
      END;

      CREATE TRIGGER stats_consultation_in AFTER INSERT ON consultations BEGIN
        ${consultationTally('NEW', 1)}
      END;
      CREATE TRIGGER stats_consultation_out AFTER DELETE ON consultations BEGIN
        ${consultationTally('OLD', -1)}
      END;
      CREATE TRIGGER stats_consultation_change AFTER UPDATE OF meeting_date, suitability ON consultations BEGIN
        ${consultationTally('OLD', -1)}
        ${consultationTally('NEW', 1)}
      END;

      CREATE TRIGGER stats_session_in AFTER INSERT ON intervention_sessions BEGIN
        ${sessionTally('NEW', 1)}
      END;
      CREATE TRIGGER stats_session_out AFTER DELETE ON intervention_sessions BEGIN
        ${sessionTally('OLD', -1)}
      END;
      CREATE TRIGGER stats_session_change AFTER UPDATE OF session_date, attendance ON intervention_sessions BEGIN
        ${sessionTally('OLD', -1)}
        ${sessionTally('NEW', 1)}
      END;

      -- The open caseload as it is now, by clinician: the dashboard's caseload at a period's end
      -- is this, corrected by the few cases referred or changed after that end (cases.stats.ts).
      CREATE TABLE ${CASELOAD} (
        -- '*' the open cases, '' the open cases with nobody allocated, else a user's id.
        user_key  TEXT PRIMARY KEY,
        n         INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;
      ${OPEN_CASELOAD_BACKFILL}

      CREATE TRIGGER stats_caseload_case_in AFTER INSERT ON cases BEGIN
        ${caseloadOf('NEW', 1)}
      END;
      CREATE TRIGGER stats_caseload_case_out BEFORE DELETE ON cases BEGIN
        ${caseloadOf('OLD', -1)}
      END;
      CREATE TRIGGER stats_caseload_case_change AFTER UPDATE OF status, lead_worker_id ON cases BEGIN
        ${caseloadOf('OLD', -1)}
        ${caseloadOf('NEW', 1)}
      END;
      CREATE TRIGGER stats_caseload_allocated AFTER INSERT ON case_clinicians BEGIN
        ${allocation('NEW', 1)}
        ${unallocatedToggle('NEW', 1)}
      END;
      CREATE TRIGGER stats_caseload_unallocated AFTER DELETE ON case_clinicians BEGIN
        ${allocation('OLD', -1)}
        ${unallocatedToggle('OLD', -1)}
      END;
      CREATE TRIGGER stats_caseload_reallocated AFTER UPDATE OF case_id, user_id ON case_clinicians BEGIN
        ${allocation('OLD', -1)}
        ${allocation('NEW', 1)}
      END;
      CREATE TRIGGER stats_caseload_moved AFTER UPDATE OF case_id ON case_clinicians
        WHEN OLD.case_id <> NEW.case_id BEGIN
        ${unallocatedToggle('OLD', -1)}
        ${unallocatedToggle('NEW', 1)}
      END;
      -- Safe Home's service view: its carers by what decides completion (safe-home/service-view.ts).
      CREATE TABLE ${CARER_CELLS} (
        planned_sessions  INTEGER NOT NULL,
        finished          INTEGER NOT NULL,
        withdrawn         INTEGER NOT NULL,
        attended          INTEGER NOT NULL,
        safety            INTEGER NOT NULL,
        last_seq          INTEGER NOT NULL,
        n                 INTEGER NOT NULL,
        PRIMARY KEY (planned_sessions, finished, withdrawn, attended, safety, last_seq)
      ) STRICT, WITHOUT ROWID;
      ${SAFE_HOME_CELLS_BACKFILL}

      -- A carer's counts are recounted by deleting and inserting their row (m0130); a run's
      -- delete takes its carers away BEFORE the cascade, which finds no run to count them by.
      CREATE TRIGGER safe_home_cells_in AFTER INSERT ON safe_home_carer_counts BEGIN
        ${carerCells('NEW', 'r', 1, 'safe_home_runs r', 'r.id = NEW.run_id')}
      END;
      CREATE TRIGGER safe_home_cells_out AFTER DELETE ON safe_home_carer_counts BEGIN
        ${carerCells('OLD', 'r', -1, 'safe_home_runs r', 'r.id = OLD.run_id')}
      END;
      CREATE TRIGGER safe_home_cells_change AFTER UPDATE ON safe_home_carer_counts BEGIN
        ${carerCells('OLD', 'r', -1, 'safe_home_runs r', 'r.id = OLD.run_id')}
        ${carerCells('NEW', 'r', 1, 'safe_home_runs r', 'r.id = NEW.run_id')}
      END;
      CREATE TRIGGER safe_home_cells_run_change AFTER UPDATE OF planned_sessions, closed_on ON safe_home_runs BEGIN
        ${carerCells('c', 'OLD', -1, 'safe_home_carer_counts c', 'c.run_id = OLD.id')}
        ${carerCells('c', 'NEW', 1, 'safe_home_carer_counts c', 'c.run_id = NEW.id')}
      END;
      CREATE TRIGGER safe_home_cells_run_out BEFORE DELETE ON safe_home_runs BEGIN
        ${carerCells('c', 'OLD', -1, 'safe_home_carer_counts c', 'c.run_id = OLD.id')}
      END;
      -- Home's booked sessions (home/home.repo.ts) start from the plans a clinician is on: the
      -- plans' clinician lists (JSON arrays) as rows by user, kept by triggers, so Home reads the
      -- user's plans by key instead of every session booked in the week across the service.
      CREATE TABLE intervention_plan_clinicians (
        user_id  TEXT NOT NULL,
        plan_id  TEXT NOT NULL,
        PRIMARY KEY (user_id, plan_id)
      ) STRICT, WITHOUT ROWID;
      ${PLAN_CLINICIANS_BACKFILL}
      CREATE TRIGGER plan_clinicians_in AFTER INSERT ON intervention_plans BEGIN
        INSERT INTO intervention_plan_clinicians (user_id, plan_id)
          SELECT DISTINCT j.value, NEW.id FROM json_each(NEW.clinician_ids) j WHERE 1;
      END;
      CREATE TRIGGER plan_clinicians_change AFTER UPDATE OF clinician_ids ON intervention_plans BEGIN
        DELETE FROM intervention_plan_clinicians WHERE plan_id = OLD.id;
        INSERT INTO intervention_plan_clinicians (user_id, plan_id)
          SELECT DISTINCT j.value, NEW.id FROM json_each(NEW.clinician_ids) j WHERE 1;
      END;
      CREATE TRIGGER plan_clinicians_out AFTER DELETE ON intervention_plans BEGIN
        DELETE FROM intervention_plan_clinicians WHERE plan_id = OLD.id;
      END;
    `);
  },
};
