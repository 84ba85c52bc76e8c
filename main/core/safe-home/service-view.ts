/**
 * The service view: the list of runs (in progress first, soonest next session first; then
 * planned, soonest start first; then finished, newest first) and the service's figures. Neither
 * shows a family's data (counts only), so each is audited as one list read, naming no case.
 *
 * Completion is counted in SQL for many carers at once (attended planned sessions, and whether
 * one attended covered the safety-plan theme) and decided by the contract's `completionOf`, the
 * same rule `carerProgress` applies in a run's overview and a case's journey.
 */
import type { Page } from '../../../preload/contract/paging';
import {
  SAFETY_PLAN_THEME_KEY,
  type RunListItem,
  type SafeHomeServiceView,
} from '../../../preload/contract/safe-home-records';
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
 * Per carer (of the runs in `@runs`, or all): attended planned sessions, the last one, and
 * whether any session attended (planned or catch-up) covered the safety-plan theme.
 */
const CARERS = `
  WITH safety AS (
    SELECT DISTINCT s.id FROM safe_home_sessions s, json_each(coalesce(s.covered_theme_ids, s.theme_ids)) t
     WHERE t.value = (SELECT id FROM safe_home_themes WHERE key = @safety_key))
  SELECT e.id, e.run_id, e.withdrawn_on IS NOT NULL AS withdrawn,
         coalesce(sum(s.kind = 'planned'), 0) AS attended,
         max(CASE WHEN s.kind = 'planned' THEN s.seq END) AS last_seq,
         coalesce(max(g.session_id IN (SELECT id FROM safety)), 0) AS safety
    FROM safe_home_enrolments e
    LEFT JOIN safe_home_register g INDEXED BY safe_home_register_attended
           ON g.enrolment_id = e.id AND g.state = 'attended'
    LEFT JOIN safe_home_sessions s ON s.id = g.session_id
   WHERE @all OR e.run_id IN (SELECT value FROM json_each(@runs))
   GROUP BY e.id`;

interface CarerRow {
  id: string;
  run_id: string;
  withdrawn: 0 | 1;
  attended: number;
  last_seq: number | null;
  safety: 0 | 1;
}

interface CarerOutcome {
  runId: string;
  completion: ReturnType<typeof completionOf>;
  lastSeq: number;
}

function carerOutcomes(db: Db, runs: readonly RunRowOut[], all: boolean): CarerOutcome[] {
  const rule = readCompletionRule(db);
  const byId = new Map(runs.map((r) => [r.id, r]));
  const rows = stmt(db, CARERS).all({
    safety_key: SAFETY_PLAN_THEME_KEY,
    all: all ? 1 : 0,
    runs: JSON.stringify(all ? [] : runs.map((r) => r.id)),
  }) as CarerRow[];
  return rows.flatMap((c) => {
    const run = byId.get(c.run_id);
    if (!run) return [];
    return [
      {
        runId: c.run_id,
        lastSeq: c.last_seq ?? 0,
        completion: completionOf({
          sessionsAttended: c.attended,
          plannedSessions: run.planned_sessions,
          attendedSafetyPlanSession: c.safety === 1,
          withdrawn: c.withdrawn === 1,
          runFinished: run.closed_on !== null,
          rule,
        }),
      },
    ];
  });
}

const ORDER = `ORDER BY band, CASE band WHEN 0 THEN coalesce(next, '9999-12-31') WHEN 1 THEN start_date END,
  CASE band WHEN 2 THEN closed_on END DESC, start_date DESC, id`;

export function queryRunList(db: Db, todayDate: string, limit: number, offset: number): Page<RunListItem> {
  const runs = stmt(db, `SELECT * FROM (${RUNS}) ${ORDER} LIMIT @limit OFFSET @offset`).all({
    today: todayDate,
    limit,
    offset,
  }) as RunRowOut[];
  const { n } = stmt(db, 'SELECT count(*) AS n FROM safe_home_runs').get() as { n: number };
  const carers = carerOutcomes(db, runs, false);
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
        carersEnrolled: mine.length,
        carersWithdrawn: mine.filter((c) => c.completion === 'withdrawn').length,
        carersCompleted: mine.filter((c) => c.completion === 'completed').length,
        nextSessionDate: r.closed_on === null ? r.next : null,
      };
    }),
    total: n,
    offset,
    limit,
  };
}

export function queryServiceView(db: Db, todayDate: string): SafeHomeServiceView {
  const runs = stmt(db, RUNS).all({ today: todayDate }) as RunRowOut[];
  const carers = carerOutcomes(db, runs, true);
  const count = (c: CarerOutcome['completion']) => carers.filter((x) => x.completion === c).length;
  const completed = count('completed');
  const ended = completed + count('not_completed') + count('withdrawn');
  const dropOut = new Map<number, number>();
  for (const c of carers) {
    if (c.completion === 'withdrawn' || c.completion === 'not_completed') {
      dropOut.set(c.lastSeq, (dropOut.get(c.lastSeq) ?? 0) + 1);
    }
  }
  return {
    runsInProgress: runs.filter((r) => r.band === 0).length,
    runsFinished: runs.filter((r) => r.band === 2).length,
    carersEnrolled: carers.length,
    carersCompleted: completed,
    carersWithdrawn: count('withdrawn'),
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
