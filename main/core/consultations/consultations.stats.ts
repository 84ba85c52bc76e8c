/** The consultations' statistics: consultations held in the period, by their outcome (suitability). */
import type { Suitability } from '../../../preload/contract/consultations';
import { stmt } from '../db/statements';
import { fixedGroupFigures } from '../stats/figures';
import { registerMeasure } from '../stats/measure-registry';

/** The outcomes as the consultation screen words them. */
const OUTCOME_LABELS: Record<Suitability, string> = {
  assessment_now: 'Suitable for assessment now',
  intervention_now: 'Suitable for intervention now',
  later: 'Suitable later',
  not_suitable: 'Not suitable',
};

registerMeasure({
  id: 'consultations_held',
  label: 'Consultations held',
  unit: 'count',
  order: 30,
  exportable: true,
  breakdowns: [{ id: 'outcome', label: 'Outcome', partition: true }],
  compute(db, period) {
    const rows = stmt(
      db,
      `SELECT suitability AS grp, count(*) AS n FROM consultations
        WHERE meeting_date BETWEEN @from AND @to GROUP BY suitability`,
    ).all(period) as { grp: Suitability; n: number }[];
    const counts = new Map(rows.map((r) => [r.grp as string, r.n]));
    return [
      { breakdown: null, group: null, value: rows.reduce((s, r) => s + r.n, 0) },
      ...fixedGroupFigures('outcome', OUTCOME_LABELS, counts),
    ];
  },
});
