/**
 * The service view: the list of runs (in progress first, soonest next session first; then
 * planned, soonest start first; then finished, newest first) and the service's figures. Neither
 * shows a family's data (counts only), so each is audited as one list read, naming no case.
 *
 * Completion is decided from per-carer counts (attended planned sessions, and whether a session
 * attended covered the safety-plan theme) by the contract's `completionOf`, the same rule
 * `carerProgress` applies in a run's overview and a case's journey.
 */
import type { Page } from '../../../preload/contract/paging';
import type { RunListItem, SafeHomeServiceView } from '../../../preload/contract/safe-home-records';
import { completionOf } from '../../../preload/contract/safe-home-rules';
import { today } from '../cases/cases.service';
import type { Db } from '../db/connection';
import { stmt } from '../db/statements';
import type { OpenVault } from '../vault/vault';
import { readCompletionRule } from './runs.repo';

type Band = 0 | 1 | 2;
const BAND_STATUS: Record<Band, RunListItem['status']> = { 0: 'in_progress', 1: 'planned', 2: 'finished' };

/** Per run: sessions held, next session, its band (0 in progress, 1 planned, 2 finished). */
const RUNS = `
  WITH held AS (
    SELECT run_id, count(*) AS n FROM safe_home_sessions
     WHERE kind = 'planned' AND register_taken_at IS NOT NULL GROUP BY run_id),
  nexts AS (
    SELECT run_id, min(session_date) AS d FROM safe_home_sessions INDEXED BY safe_home_sessions_pending
     WHERE register_taken_at IS NULL AND kind = 'planned' AND session_date >= @today GROUP BY run_id)
  SELECT r.id, r.title, r.delivery, r.start_date, r.planned_sessions, r.closed_on,
         coalesce(h.n, 0) AS held, n.d AS next,
         CASE WHEN r.closed_on IS NOT NULL THEN 2 WHEN h.n > 0 THEN 0 ELSE 1 END AS band
    FROM safe_home_runs r LEFT JOIN held h ON h.run_id = r.id LEFT JOIN nexts n ON n.run_id = r.id`;

interface RunRowOut {
  id: string;
  title: string;
  delivery: RunListItem['delivery'];
  start_date: string;
  planned_sessions: number;
  closed_on: string | null;
  held: number;
  next: string | null;
  band: Band;
}

/**
 * Carers grouped by what decides their completion (their counts, kept by triggers in
 * `safe_home_carer_counts` (m0130), and their run's length and state), so the whole service is
 * summed from a few dozen rows without reading a register entry. `by_run` keeps runs apart
 * for the list's page.
 */
const carerGroups = (byRun: boolean, where: string) => `
  SELECT ${byRun ? 'c.run_id' : 'NULL'} AS run_id, r.planned_sessions, r.closed_on IS NOT NULL AS finished,
         c.withdrawn, c.attended, c.safety, c.last_seq, sum(c.n) AS n
    FROM (SELECT run_id, withdrawn, attended, safety, coalesce(last_seq, 0) AS last_seq, count(*) AS n
            FROM safe_home_carer_counts ${where}
           GROUP BY run_id, withdrawn, attended, safety, last_seq) c
    JOIN safe_home_runs r ON r.id = c.run_id
   GROUP BY ${byRun ? 'c.run_id, ' : ''}r.planned_sessions, finished, c.withdrawn, c.attended, c.safety, c.last_seq`;
const GROUPS_ALL = carerGroups(false, '');
/** The same groups for the whole service, as the triggers of migration 290 keep them summed. */
const GROUPS_KEPT = `SELECT NULL AS run_id, planned_sessions, finished, withdrawn, attended, safety, last_seq, n
  FROM safe_home_summary_cells WHERE n <> 0`;
const GROUPS_OF_RUNS = carerGroups(true, 'WHERE run_id IN (SELECT value FROM json_each(?))');

interface GroupRow {
  run_id: string | null;
  planned_sessions: number;
  finished: 0 | 1;
  withdrawn: 0 | 1;
  attended: number;
  safety: 0 | 1;
  last_seq: number;
  n: number;
}

interface CarerOutcome {
  runId: string | null;
  completion: ReturnType<typeof completionOf>;
  lastSeq: number;
  carers: number;
}

function carerOutcomes(db: Db, runIds: readonly string[] | 'all' | 'all-kept'): CarerOutcome[] {
  const rule = readCompletionRule(db);
  const rows = (
    runIds === 'all-kept'
      ? stmt(db, GROUPS_KEPT).all()
      : runIds === 'all'
        ? stmt(db, GROUPS_ALL).all()
        : stmt(db, GROUPS_OF_RUNS).all(JSON.stringify(runIds))
  ) as GroupRow[];
  return rows.map((g) => ({
    runId: g.run_id,
    lastSeq: g.last_seq,
    carers: g.n,
    completion: completionOf({
      sessionsAttended: g.attended,
      plannedSessions: g.planned_sessions,
      attendedSafetyPlanSession: g.safety === 1,
      withdrawn: g.withdrawn === 1,
      runFinished: g.finished === 1,
      rule,
    }),
  }));
}

const total = (groups: readonly CarerOutcome[], completion?: CarerOutcome['completion']) =>
  groups.filter((g) => completion === undefined || g.completion === completion).reduce((n, g) => n + g.carers, 0);

const ORDER = `ORDER BY band, CASE band WHEN 0 THEN coalesce(next, '9999-12-31') WHEN 1 THEN start_date END,
  CASE band WHEN 2 THEN closed_on END DESC, start_date DESC, id`;

/**
 * A run's sessions held and next pending session, for the runs of one page only: each run reads
 * its own sessions by index (`safe_home_sessions_held`, `safe_home_sessions_pending`), where
 * `RUNS` grouped every session of every run before it could sort.
 */
const HELD = `(SELECT count(*) FROM safe_home_sessions s INDEXED BY safe_home_sessions_held
    WHERE s.run_id = r.id AND s.kind = 'planned' AND s.register_taken_at IS NOT NULL)`;
const NEXT = `(SELECT min(s.session_date) FROM safe_home_sessions s INDEXED BY safe_home_sessions_pending
    WHERE s.run_id = r.id AND s.register_taken_at IS NULL AND s.kind = 'planned' AND s.session_date >= @today)`;
const RUN_COLUMNS = 'r.id, r.title, r.delivery, r.start_date, r.planned_sessions, r.closed_on';

/**
 * The open runs, banded and sorted as `ORDER` sorts them. They must all be sorted: an open run's
 * place depends on today (its next session). MATERIALIZED, because SQLite otherwise copies the
 * subqueries into the band and the sort keys and counts each run's sessions three times.
 */
export const OPEN_RUNS_PAGE = `WITH open AS MATERIALIZED (
    SELECT ${RUN_COLUMNS}, ${HELD} AS held, ${NEXT} AS next
      FROM safe_home_runs r INDEXED BY safe_home_runs_open WHERE r.closed_on IS NULL)
  SELECT *, CASE WHEN held > 0 THEN 0 ELSE 1 END AS band FROM open
  ${ORDER} LIMIT @limit OFFSET @offset`;
export const OPEN_RUNS_COUNT = `SELECT count(*) AS n FROM safe_home_runs INDEXED BY safe_home_runs_open WHERE closed_on IS NULL`;
/**
 * The finished runs, newest first, straight from their index (migration 310): the page's rows
 * alone are read. A finished run shows no next session, so none is looked up.
 */
export const FINISHED_RUNS_PAGE = `SELECT ${RUN_COLUMNS}, ${HELD} AS held, NULL AS next, 2 AS band
    FROM safe_home_runs r INDEXED BY safe_home_runs_finished WHERE r.closed_on IS NOT NULL
   ORDER BY r.closed_on DESC, r.start_date DESC, r.id LIMIT @limit OFFSET @offset`;

/** The page's runs: the open ones come first in `ORDER`, so the page is cut from each part in turn. */
function pageOfRuns(db: Db, today: string, limit: number, offset: number): RunRowOut[] {
  const { n: open } = stmt(db, OPEN_RUNS_COUNT).get() as { n: number };
  const rows = offset < open ? (stmt(db, OPEN_RUNS_PAGE).all({ today, limit, offset }) as RunRowOut[]) : [];
  const rest = limit - rows.length;
  if (rest > 0) {
    rows.push(
      ...(stmt(db, FINISHED_RUNS_PAGE).all({ today, limit: rest, offset: Math.max(0, offset - open) }) as RunRowOut[]),
    );
  }
  return rows;
}

/** `fromRecords` sorts every run as before (the test that the two agree). */
export function queryRunList(
  db: Db,
  todayDate: string,
  limit: number,
  offset: number,
  fromRecords = false,
): Page<RunListItem> {
  const runs = fromRecords
    ? (stmt(db, `SELECT * FROM (${RUNS}) ${ORDER} LIMIT @limit OFFSET @offset`).all({
        today: todayDate,
        limit,
        offset,
      }) as RunRowOut[])
    : pageOfRuns(db, todayDate, limit, offset);
  const { n } = stmt(db, 'SELECT count(*) AS n FROM safe_home_runs').get() as { n: number };
  const carers = carerOutcomes(
    db,
    runs.map((r) => r.id),
  );
  return {
    items: runs.map((r) => {
      const mine = carers.filter((c) => c.runId === r.id);
      return {
        id: r.id,
        title: r.title,
        delivery: r.delivery,
        startDate: r.start_date,
        status: BAND_STATUS[r.band],
        plannedSessions: r.planned_sessions,
        sessionsHeld: r.held,
        carersEnrolled: total(mine),
        carersWithdrawn: total(mine, 'withdrawn'),
        carersCompleted: total(mine, 'completed'),
        nextSessionDate: r.closed_on === null ? r.next : null,
      };
    }),
    total: n,
    offset,
    limit,
  };
}

/**
 * The runs in progress (open, with a register taken at a planned session) and finished, counted
 * from the runs' own index and, for the few open runs, their sessions: not every session of every run.
 */
const RUN_COUNTS = `SELECT
    (SELECT count(*) FROM safe_home_runs WHERE (closed_on IS NOT NULL) = 1) AS finished,
    (SELECT count(*) FROM safe_home_runs r WHERE (r.closed_on IS NOT NULL) = 0
        AND EXISTS (SELECT 1 FROM safe_home_sessions s
                     WHERE s.run_id = r.id AND s.kind = 'planned' AND s.register_taken_at IS NOT NULL)) AS in_progress`;

/**
 * The service's figures. From the kept cells (migration 290) and the run counts, so the view costs
 * the same for ten runs or ten thousand; `fromRecords` works them out from every run and carer as
 * before (the test that the two agree).
 */
export function queryServiceView(db: Db, todayDate: string, fromRecords = false): SafeHomeServiceView {
  let runsInProgress: number;
  let runsFinished: number;
  if (fromRecords) {
    const runs = stmt(db, RUNS).all({ today: todayDate }) as RunRowOut[];
    runsInProgress = runs.filter((r) => r.band === 0).length;
    runsFinished = runs.filter((r) => r.band === 2).length;
  } else {
    const counts = stmt(db, RUN_COUNTS).get() as { finished: number; in_progress: number };
    runsInProgress = counts.in_progress;
    runsFinished = counts.finished;
  }
  const carers = carerOutcomes(db, fromRecords ? 'all' : 'all-kept');
  const completed = total(carers, 'completed');
  const ended = completed + total(carers, 'not_completed') + total(carers, 'withdrawn');
  const dropOut = new Map<number, number>();
  for (const c of carers) {
    if (c.completion === 'withdrawn' || c.completion === 'not_completed') {
      dropOut.set(c.lastSeq, (dropOut.get(c.lastSeq) ?? 0) + c.carers);
    }
  }
  return {
    runsInProgress,
    runsFinished,
    carersEnrolled: total(carers),
    carersCompleted: completed,
    carersWithdrawn: total(carers, 'withdrawn'),
    completionRate: ended > 0 ? completed / ended : null,
    dropOutBySession: [...dropOut].sort(([a], [b]) => a - b).map(([seq, n]) => ({ seq, carers: n })),
  };
}

export function listRuns(vault: OpenVault, limit: number, offset: number): Page<RunListItem> {
  return vault.db
    .transaction(() => {
      const page = queryRunList(vault.db, today(vault), limit, offset);
      vault.audit({ action: 'safeHomeRun.list', detail: { offset, limit, runs: page.items.length } });
      return page;
    })
    .immediate();
}

export function serviceSummary(vault: OpenVault): SafeHomeServiceView {
  return vault.db
    .transaction(() => {
      const view = queryServiceView(vault.db, today(vault));
      vault.audit({ action: 'safeHomeRun.summary' });
      return view;
    })
    .immediate();
}
