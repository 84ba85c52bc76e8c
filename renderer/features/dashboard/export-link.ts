/**
 * Where the anonymised statistics are downloaded from: the core's `statistics/export.csv` route
 * on the page's own origin (app:// in Electron, which offers the save dialog; the browser host
 * needs its per-launch token in the query), as report links are made (`reports/report-links.ts`).
 */
import type { StatisticsPeriod } from '../../../preload/contract';

export function statisticsExportUrl(period: StatisticsPeriod): string {
  const params = new URLSearchParams({ from: period.from, to: period.to });
  const token = window.api?.transportToken;
  if (token) params.set('token', token);
  return `statistics/export.csv?${params.toString()}`;
}
