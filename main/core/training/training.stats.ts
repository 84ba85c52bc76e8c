/**
 * The training statistics: training delivered by sector in the period, as events held and as
 * people trained (attendees). An event counts in the period its first day falls in, both ends
 * included, as every measure's date does; removed events do not count. Every event has exactly
 * one sector, so each breakdown's groups add up to its total.
 */
import { TRAINING_SECTOR_LABELS, type TrainingSector } from '../../../preload/contract/training-records';
import type { Db } from '../db/connection';
import { stmt } from '../db/statements';
import { fixedGroupFigures } from '../stats/figures';
import { registerMeasure, type MeasureFigure, type MeasurePeriod } from '../stats/measure-registry';

interface SectorRow {
  sector: TrainingSector;
  events: number;
  attendees: number;
}

function bySector(db: Db, period: MeasurePeriod): SectorRow[] {
  return stmt(
    db,
    `SELECT sector, count(*) AS events, sum(attendees) AS attendees FROM training_events
      WHERE removed_at IS NULL AND start_date BETWEEN @from AND @to GROUP BY sector`,
  ).all({ from: period.from, to: period.to }) as SectorRow[];
}

function figures(rows: readonly SectorRow[], pick: (r: SectorRow) => number): MeasureFigure[] {
  const counts = new Map<string, number>(rows.map((r) => [r.sector, pick(r)]));
  return [
    { breakdown: null, group: null, value: rows.reduce((sum, r) => sum + pick(r), 0) },
    ...fixedGroupFigures('sector', TRAINING_SECTOR_LABELS, counts),
  ];
}

const SECTOR_BREAKDOWN = [{ id: 'sector', label: 'Sector', partition: true }] as const;

registerMeasure({
  id: 'training_events_delivered',
  label: 'Training events delivered',
  unit: 'count',
  order: 70,
  exportable: true,
  breakdowns: SECTOR_BREAKDOWN,
  compute: (db, period) => figures(bySector(db, period), (r) => r.events),
});

registerMeasure({
  id: 'training_attendees',
  label: 'People trained (attendees)',
  unit: 'count',
  order: 71,
  exportable: true,
  breakdowns: SECTOR_BREAKDOWN,
  compute: (db, period) => figures(bySector(db, period), (r) => r.attendees),
});
