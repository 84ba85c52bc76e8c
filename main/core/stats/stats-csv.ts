/**
 * The anonymised export as CSV, for commissioners' spreadsheets and scripts: one line per
 * measure, breakdown group and period, ISO dates (a machine's, not dd/mm/yyyy), and a header.
 */
import type { PublishedStatisticRow, StatisticsPeriod } from '../../../preload/contract/stats-records';

export const CSV_HEADER = 'measure,breakdown,group,period_from,period_to,value,unit';

/**
 * One field: quoted when it holds a comma, quote or line break; a typed-in group that starts like
 * a spreadsheet formula (= + - @) gets a leading apostrophe so it is shown, never run.
 */
export function csvField(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A figure as the CSV writes it: counts whole, rates as a share to 4 places, days to 1. */
function valueText(row: PublishedStatisticRow): string {
  const v = row.value;
  if (v === null) return '';
  if (typeof v === 'string') return v;
  if (row.unit === 'rate') return String(Math.round(v * 10_000) / 10_000);
  if (row.unit === 'days') return String(Math.round(v * 10) / 10);
  return String(v);
}

/** The CSV of published rows (a measure's total has an empty breakdown and group). */
export function statisticsCsv(rows: readonly PublishedStatisticRow[], period: StatisticsPeriod): string {
  const lines = rows.map((r) =>
    [r.measure, r.breakdown ?? '', r.group ?? '', period.from, period.to, valueText(r), r.unit].map(csvField).join(','),
  );
  return `${[CSV_HEADER, ...lines].join('\r\n')}\r\n`;
}
