/**
 * The interventions' statistics: sessions offered in the period by attendance, and the DNA rate
 * by the rule of `intervention-outcomes.ts` (a session the service cancelled was never really
 * offered to the family, so it counts neither way). A session still planned is not yet offered.
 */
import { ATTENDANCE_LABELS, type Attendance } from '../../../preload/contract/intervention-records';
import { attendanceSummaryOf, type AttendanceSummary } from '../../../preload/contract/intervention-outcomes';
import { stmt } from '../db/statements';
import { fixedGroupFigures, shared } from '../stats/figures';
import { registerMeasure, type MeasurePeriod } from '../stats/measure-registry';
import { recordRows, splitPeriod, tallyByGroup } from '../stats/month-tallies';
import type { Db } from '../db/connection';

const SESSIONS = 'intervention_sessions';
const { planned: _planned, ...OFFERED_LABELS } = ATTENDANCE_LABELS;

/** The period's recorded sessions counted by attendance (planned ones left out), summed by the contract's rule. */
function attendancesIn(db: Db, period: MeasurePeriod): AttendanceSummary {
  return shared(period, 'intervention-attendances', () => attendanceSummaryOf(readAttendances(db, period)));
}

/** The whole months from the month tally, the days of the cut months from the records. */
function readAttendances(db: Db, period: MeasurePeriod): Partial<Record<Attendance, number>> {
  const split = splitPeriod(period);
  const counts = tallyByGroup(db, 'session', split);
  const rows = recordRows(
    split,
    (range) =>
      stmt(
        db,
        `SELECT attendance AS grp, count(*) AS n FROM intervention_sessions
          WHERE session_date BETWEEN @from AND @to AND attendance <> 'planned' GROUP BY attendance`,
      ).all(range) as { grp: Attendance; n: number }[],
  );
  for (const r of rows) counts.set(r.grp, (counts.get(r.grp) ?? 0) + r.n);
  counts.delete('planned');
  return Object.fromEntries(counts) as Partial<Record<Attendance, number>>;
}

registerMeasure({
  id: SESSIONS,
  label: 'Intervention sessions offered',
  unit: 'count',
  order: 50,
  exportable: true,
  breakdowns: [{ id: 'attendance', label: 'Attendance', partition: true }],
  tallies: ['session'],
  compute(db, period) {
    const s = attendancesIn(db, period);
    const counts = new Map<string, number>([
      ['attended', s.attended],
      ['cancelled_by_family', s.cancelledByFamily],
      ['cancelled_by_service', s.cancelledByService],
      ['did_not_attend', s.didNotAttend],
    ]);
    return [{ breakdown: null, group: null, value: s.offered }, ...fixedGroupFigures('attendance', OFFERED_LABELS, counts)];
  },
});

registerMeasure({
  id: 'intervention_dna_rate',
  label: 'Intervention sessions not attended (DNA rate)',
  unit: 'rate',
  baseLabel: 'sessions the service did not cancel',
  order: 51,
  exportable: true,
  tallies: ['session'],
  compute(db, period) {
    const s = attendancesIn(db, period);
    // The rate with its counts would give away any of them that is suppressed.
    const dependsOn = [
      { measure: SESSIONS, breakdown: null, group: null },
      ...Object.values(OFFERED_LABELS).map((group) => ({ measure: SESSIONS, breakdown: 'attendance', group })),
    ];
    return [{ breakdown: null, group: null, value: s.dnaRate, base: s.offered - s.cancelledByService, dependsOn }];
  },
});
