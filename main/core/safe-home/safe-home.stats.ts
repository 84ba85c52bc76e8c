/**
 * Safe Home's statistics: completion and drop-out of the carers whose run ended (was closed) in
 * the period. A carer's outcome is only settled when their run ends: until then one who missed
 * sessions may still catch up, and a run's carers are counted together, in the period that run
 * closed. Each carer's outcome is the contract's `completionOf` (the rule in force, as the Safe
 * Home screens apply it), so the dashboard and the run overview cannot disagree:
 *
 * - completed: met the rule (attendance and, by default, the safety-plan session);
 * - withdrew: withdrawn from the run (whatever they had attended);
 * - dropped out: the run ended without them meeting the rule.
 *
 * One query: the period's closed runs (a few hundred rows at most) joined to the per-carer counts
 * the triggers keep (`safe_home_carer_counts`, m0130), grouped by what decides completion, read
 * from that table's covering index; no register entry is read.
 */
import { completionOf } from '../../../preload/contract/safe-home-rules';
import type { Db } from '../db/connection';
import { stmt } from '../db/statements';
import { shared } from '../stats/figures';
import { registerMeasure, type MeasurePeriod } from '../stats/measure-registry';
import { readCompletionRule } from './runs.repo';

const ENDED = 'safe_home_carers_ended';

/** The outcomes of a carer whose run has ended, in the order to show them. */
const OUTCOMES = {
  completed: 'Completed',
  withdrawn: 'Withdrew',
  not_completed: 'Dropped out (did not complete)',
} as const;
type EndedOutcome = keyof typeof OUTCOMES;

/** The carers of the runs closed in the period, grouped by what decides completion (exported for its plan's test). */
export const CARERS_OF_RUNS_ENDED = `
  SELECT r.planned_sessions, c.withdrawn, c.attended, c.safety, count(*) AS n
    FROM safe_home_runs r JOIN safe_home_carer_counts c ON c.run_id = r.id
   WHERE r.closed_on BETWEEN @from AND @to
   GROUP BY r.planned_sessions, c.withdrawn, c.attended, c.safety`;

interface CarerGroup {
  planned_sessions: number;
  withdrawn: 0 | 1;
  attended: number;
  safety: 0 | 1;
  n: number;
}

/** How many carers of the period's ended runs had each outcome (read once for both measures). */
function endedOutcomes(db: Db, period: MeasurePeriod): Map<EndedOutcome, number> {
  return shared(period, 'safe-home-ended', () => {
    const rule = readCompletionRule(db);
    const counts = new Map<EndedOutcome, number>();
    const groups = stmt(db, CARERS_OF_RUNS_ENDED).all({ from: period.from, to: period.to }) as CarerGroup[];
    for (const g of groups) {
      const completion = completionOf({
        sessionsAttended: g.attended,
        plannedSessions: g.planned_sessions,
        attendedSafetyPlanSession: g.safety === 1,
        withdrawn: g.withdrawn === 1,
        runFinished: true,
        rule,
      });
      // A finished run leaves no carer in progress: completionOf says so for runFinished.
      if (completion === 'in_progress') continue;
      counts.set(completion, (counts.get(completion) ?? 0) + g.n);
    }
    return counts;
  });
}

registerMeasure({
  id: ENDED,
  label: 'Safe Home carers whose run ended',
  unit: 'count',
  order: 60,
  exportable: true,
  breakdowns: [{ id: 'outcome', label: 'Outcome', partition: true }],
  compute(db, period) {
    const counts = endedOutcomes(db, period);
    const total = [...counts.values()].reduce((sum, n) => sum + n, 0);
    return [
      { breakdown: null, group: null, value: total },
      ...(Object.entries(OUTCOMES) as [EndedOutcome, string][]).map(([code, group]) => ({
        breakdown: 'outcome',
        group,
        value: counts.get(code) ?? 0,
      })),
    ];
  },
});

registerMeasure({
  id: 'safe_home_completion_rate',
  label: 'Safe Home completion rate',
  unit: 'rate',
  baseLabel: 'carers whose run ended',
  order: 61,
  exportable: true,
  compute(db, period) {
    const counts = endedOutcomes(db, period);
    const ended = [...counts.values()].reduce((sum, n) => sum + n, 0);
    const completed = counts.get('completed') ?? 0;
    // The rate with its counts would give away any of them that is suppressed.
    const dependsOn = [
      { measure: ENDED, breakdown: null, group: null },
      ...Object.values(OUTCOMES).map((group) => ({ measure: ENDED, breakdown: 'outcome' as string | null, group })),
    ];
    return [{ breakdown: null, group: null, value: ended === 0 ? null : completed / ended, base: ended, dependsOn }];
  },
});
