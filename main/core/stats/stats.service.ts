/**
 * Working out the statistics for a period: every registered measure for the dashboard, and the
 * anonymised export (exportable measures only, rare typed-in groups pooled, small numbers
 * suppressed). Each is one transaction with its audit row, which records who asked, the period
 * and how many rows came back, never a value.
 */
import {
  type StatisticRow,
  type StatisticsExport,
  type StatisticsPeriod,
  type StatisticsResult,
} from '../../../preload/contract/stats-records';
import { SMALL_NUMBER_LIMIT, suppressSmallNumbers } from '../../../preload/contract/stats-suppression';
import type { ChannelParsedInput } from '../../../preload/contract';
import { today } from '../cases/cases.service';
import { AppError } from '../errors';
import type { OpenVault } from '../vault/vault';
import { measureRows, registeredMeasures } from './measure-registry';
import { statisticsCsv } from './stats-csv';

/** The pooled group of a typed-in breakdown's rare values. */
export const OTHER_GROUP = 'Other (each fewer than 5)';

/**
 * The registered measures' rows. For the export: only the exportable measures, with each
 * typed-in breakdown's rare groups pooled; for the dashboard: every measure as it is.
 */
function rowsOf(vault: OpenVault, period: StatisticsPeriod, forExport: boolean): StatisticRow[] {
  // One period object for every measure, so what two measures share is read once (`shared`).
  const measurePeriod = { ...period, today: today(vault) };
  return registeredMeasures()
    .filter((m) => m.exportable || !forExport)
    .flatMap((m) => {
      const rows = measureRows(m, vault.db, measurePeriod);
      const freeText = new Set((m.breakdowns ?? []).filter((b) => b.freeText).map((b) => b.id));
      return forExport && freeText.size > 0 ? poolRareGroups(rows, freeText) : rows;
    });
}

/**
 * The rows with each typed-in breakdown's groups of fewer than 5 joined into one "Other" group
 * (at the end), so a rare referral source that names someone is never published, not even as a
 * label beside "<5".
 */
export function poolRareGroups(rows: readonly StatisticRow[], freeText: ReadonlySet<string>): StatisticRow[] {
  const out: StatisticRow[] = [];
  // A breakdown's groups come together, after their measure's total: the pooled group is put
  // out when its breakdown ends, so it closes the breakdown even when every group was rare.
  let pooled: StatisticRow | null = null;
  for (const r of rows) {
    if (pooled && (r.measure !== pooled.measure || r.breakdown !== pooled.breakdown)) {
      out.push(pooled);
      pooled = null;
    }
    const rare = r.breakdown !== null && freeText.has(r.breakdown) && (r.value ?? 0) <= SMALL_NUMBER_LIMIT;
    if (!rare) {
      out.push(r);
      continue;
    }
    const sum: StatisticRow = pooled
      ? { ...pooled, value: (pooled.value ?? 0) + (r.value ?? 0) }
      : { ...r, group: OTHER_GROUP };
    pooled = sum;
  }
  if (pooled) out.push(pooled);
  return out;
}

/** Every measure's figures for the period, unsuppressed (the dashboard's). Audited. */
export function computeStatistics(
  vault: OpenVault,
  period: ChannelParsedInput<'statistics:compute'>,
): StatisticsResult {
  return vault.db
    .transaction(() => {
      const rows = rowsOf(vault, period, false);
      vault.audit({ action: 'statistics.compute', detail: { from: period.from, to: period.to, rows: rows.length } });
      return { period, rows };
    })
    .immediate();
}

/**
 * The anonymised export for the period (administrators only, whether asked through the router or
 * the CLI). Audited with the period and the row count.
 */
export function exportStatistics(vault: OpenVault, period: ChannelParsedInput<'statistics:export'>): StatisticsExport {
  if (vault.user.role !== 'administrator') {
    throw new AppError('FORBIDDEN', 'Only an administrator can export the anonymised statistics.');
  }
  return vault.db
    .transaction(() => {
      const rows = suppressSmallNumbers(rowsOf(vault, period, true));
      vault.audit({
        action: 'statistics.export',
        detail: { from: period.from, to: period.to, rows: rows.length, format: 'csv' },
      });
      return { period, rows, csv: statisticsCsv(rows, period) };
    })
    .immediate();
}
