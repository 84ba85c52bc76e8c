/** The consultations' statistics: consultations held in the period, by their outcome (suitability). */
import type { Suitability } from '../../../preload/contract/consultations';
import { stmt } from '../db/statements';
import { fixedGroupFigures } from '../stats/figures';
import { registerMeasure } from '../stats/measure-registry';
import { recordRows, splitPeriod, tallyByGroup } from '../stats/month-tallies';

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
  tallies: ['consultation'],
  compute(db, period) {
    // The whole months from the month tally, the days of the cut months from the records.
    const split = splitPeriod(period);
    const counts = tallyByGroup(db, 'consultation', split);
    const rows = recordRows(
      split,
      (range) =>
        stmt(
          db,
          `SELECT suitability AS grp, count(*) AS n FROM consultations
            WHERE meeting_date BETWEEN @from AND @to GROUP BY suitability`,
        ).all(range) as { grp: Suitability; n: number }[],
    );
    for (const r of rows) counts.set(r.grp, (counts.get(r.grp) ?? 0) + r.n);
    return [
      { breakdown: null, group: null, value: [...counts.values()].reduce((s, n) => s + n, 0) },
      ...fixedGroupFigures('outcome', OUTCOME_LABELS, counts),
    ];
  },
});
