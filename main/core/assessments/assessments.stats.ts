/**
 * The assessments' statistics against the 12-week target (DOMAIN.md: the report is due 84 days
 * after all the paperwork is in). The clock lives on the case: its paperwork-complete, due and
 * completed dates, the completed date being the day the report was sent. Only cases with an
 * assessment count: a case closed before it was assessed is not an assessment that ran late.
 *
 * - Assessments due in the period, by outcome: report sent by the due date, sent after it, not
 *   sent and overdue (due before today), not sent and not yet due, and the case closed before the
 *   report was sent (which the caseload's clock shows as "not assessed", never overdue).
 * - 12-week compliance: sent by the due date, as a share of those due in the period whose outcome
 *   is known (the not-yet-due ones may still be on time, and a case closed unassessed is not an
 *   assessment that ran late, so neither counts either way).
 * - Median days from paperwork complete to report sent, over the reports sent in the period.
 */
import { stmt } from '../db/statements';
import type { Db } from '../db/connection';
import { median, shared } from '../stats/figures';
import { registerMeasure, type MeasurePeriod } from '../stats/measure-registry';
import { recordRows, splitPeriod, tallyCells } from '../stats/month-tallies';

const DUE = 'assessments_due';
const ASSESSED = 'EXISTS (SELECT 1 FROM assessments a WHERE a.case_id = c.id)';

const OUTCOMES = {
  on_time: 'Report sent by the due date',
  late: 'Report sent after the due date',
  overdue: 'Report not sent, overdue',
  not_yet_due: 'Report not sent, not yet due',
  closed: 'Case closed before the report was sent',
} as const;
type Outcome = keyof typeof OUTCOMES;

/** The due-in-period cases' outcomes. `coalesce(...)` is the expression of the index `cases_due`. */
const OUTCOME_SQL = `SELECT CASE
      WHEN c.assessment_completed_date IS NOT NULL AND c.assessment_completed_date <= c.assessment_due_date THEN 'on_time'
      WHEN c.assessment_completed_date IS NOT NULL THEN 'late'
      WHEN c.status IN ('closed', 'declined') THEN 'closed'
      WHEN c.assessment_due_date < @today THEN 'overdue'
      ELSE 'not_yet_due' END AS outcome, count(*) AS n
    FROM cases c
   WHERE coalesce(c.assessment_due_date, '9999-12-31') BETWEEN @from AND @to AND ${ASSESSED}
   GROUP BY outcome`;

/**
 * How many of the period's due assessments had each outcome (read once for both measures): the
 * whole months from the month tally (an assessment still pending is overdue in a month before
 * today's and not yet due in one after it), today's month and the cut months from the records.
 */
function outcomeCounts(db: Db, period: MeasurePeriod): Map<Outcome, number> {
  return shared(period, 'assessment-outcomes', () => {
    const todayMonth = period.today.slice(0, 7);
    const split = splitPeriod(period, [todayMonth]);
    const counts = new Map<Outcome, number>();
    const add = (outcome: Outcome, n: number) => counts.set(outcome, (counts.get(outcome) ?? 0) + n);
    for (const c of tallyCells(db, 'assessment_due', split)) {
      add(c.grp === 'pending' ? (c.month < todayMonth ? 'overdue' : 'not_yet_due') : (c.grp as Outcome), c.n);
    }
    const rows = recordRows(
      split,
      (range) => stmt(db, OUTCOME_SQL).all({ ...range, today: period.today }) as { outcome: Outcome; n: number }[],
    );
    for (const r of rows) add(r.outcome, r.n);
    return counts;
  });
}

/** Whole days from paperwork complete to report sent, for the reports sent in the days given. */
const DAYS_SQL = `SELECT CAST(julianday(c.assessment_completed_date) - julianday(c.paperwork_complete_date) AS INTEGER) AS d
    FROM cases c
   WHERE c.assessment_completed_date BETWEEN @from AND @to
     AND c.paperwork_complete_date IS NOT NULL AND ${ASSESSED}`;

const outcomeCells = () =>
  Object.values(OUTCOMES).map((group) => ({ measure: DUE, breakdown: 'outcome' as string | null, group }));

registerMeasure({
  id: DUE,
  label: 'Assessments due',
  unit: 'count',
  order: 40,
  exportable: true,
  breakdowns: [{ id: 'outcome', label: '12-week outcome', partition: true }],
  tallies: ['assessment_due'],
  compute(db, period) {
    const counts = outcomeCounts(db, period);
    const total = [...counts.values()].reduce((s, n) => s + n, 0);
    return [
      { breakdown: null, group: null, value: total },
      ...(Object.entries(OUTCOMES) as [Outcome, string][]).map(([code, group]) => ({
        breakdown: 'outcome',
        group,
        value: counts.get(code) ?? 0,
      })),
    ];
  },
});

registerMeasure({
  id: 'twelve_week_compliance',
  label: '12-week compliance (reports sent by their due date)',
  unit: 'rate',
  baseLabel: 'assessments due with a known outcome',
  order: 41,
  exportable: true,
  tallies: ['assessment_due'],
  compute(db, period) {
    const counts = outcomeCounts(db, period);
    const onTime = counts.get('on_time') ?? 0;
    const known = onTime + (counts.get('late') ?? 0) + (counts.get('overdue') ?? 0);
    const dependsOn = [{ measure: DUE, breakdown: null, group: null }, ...outcomeCells()];
    return [{ breakdown: null, group: null, value: known === 0 ? null : onTime / known, base: known, dependsOn }];
  },
});

registerMeasure({
  id: 'days_paperwork_to_report',
  label: 'Median days from paperwork complete to report sent',
  unit: 'days',
  baseLabel: 'reports sent',
  order: 42,
  exportable: true,
  tallies: ['paperwork_days'],
  compute(db, period) {
    const split = splitPeriod(period);
    // The tally's cells are days (as text, '' where a date could not be read) with their count.
    const days: (number | null)[] = tallyCells(db, 'paperwork_days', split).flatMap((c) =>
      Array<number | null>(c.n).fill(c.grp === '' ? null : Number(c.grp)),
    );
    for (const r of recordRows(split, (range) => stmt(db, DAYS_SQL).all(range) as { d: number | null }[])) days.push(r.d);
    return [{ breakdown: null, group: null, value: median(days as number[]), base: days.length }];
  },
});
