import { existsSync, writeFileSync } from 'node:fs';
import {
  statisticsPeriodSchema,
  type PublishedStatisticRow,
  type StatisticsPeriod,
} from '../../../preload/contract/stats-records';
import { formatUkDate } from '../../core/cases/dates';
import { parseCommandArgs, required } from '../args';
import type { Command } from '../command';
import { EXIT, UsageError } from '../errors';
import type { CliIo } from '../io';
import { SIGN_IN_OPTIONS, signInFrom, signInHelp, vaultDirFrom, withUnlockedVault } from '../vault-access';

const OPTIONS = {
  ...SIGN_IN_OPTIONS,
  from: { type: 'string' },
  to: { type: 'string' },
  csv: { type: 'string' },
} as const;

/** The period from --from and --to, checked by the contract's own rule (so in the app's words). */
function periodFrom(from: string, to: string): StatisticsPeriod {
  const parsed = statisticsPeriodSchema.safeParse({ from: from.trim(), to: to.trim() });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const flag = issue?.path[0] === 'from' ? '--from' : '--to';
  throw new UsageError(`${flag}: ${issue?.message ?? 'not a valid period'}`);
}

/** A published figure for a person to read: "<5", "[c]", "33%", "84 days", "-" for none. */
export function figureText(row: PublishedStatisticRow): string {
  const v = row.value;
  if (v === null) return '-';
  if (typeof v === 'string') return v;
  if (row.unit === 'rate') return `${Math.round(v * 100)}%`;
  if (row.unit === 'days') return `${Math.round(v * 10) / 10} days`;
  return v.toLocaleString('en-GB');
}

/** The rows as an aligned table: the measure once, then its total and each group beneath it. */
function printTable(io: CliIo, rows: readonly PublishedStatisticRow[]): void {
  const table = rows.map((r, i) => [
    i > 0 && rows[i - 1]?.measure === r.measure ? '' : r.label,
    r.breakdownLabel === null ? 'All' : `${r.breakdownLabel}: ${r.group ?? ''}`,
    figureText(r),
  ]);
  const header = ['Measure', 'Group', 'Value'];
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]?.length ?? 0)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 2 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  io.out(line(header));
  for (const row of table) io.out(line(row));
}

/** `ncats stats`: the anonymised statistics for a period, as a table or as CSV. */
export const statsCommand: Command = {
  name: 'stats',
  summary: 'Print or write the anonymised statistics for a period (administrators).',
  usage: `ncats stats --vault DIR --user NAME [--password-stdin] --from YYYY-MM-DD --to YYYY-MM-DD [--csv FILE]

Works out the service's anonymised statistics for the period (both dates included, at most ten
years): referrals, consultations, 12-week compliance, intervention attendance and the other
measures that may leave the service. Counts of 1 to 4 are shown as <5, and [c] marks a figure
withheld so that a small count cannot be worked out from it. No name, reference or date of
birth is in them. Prints a table, or with --csv writes one line per measure, group and period
(ISO dates) to FILE, which must not exist yet (nothing is ever overwritten); --csv - writes the
CSV to standard output. Only an administrator can run it; each run is recorded in the audit
trail with the period and the number of rows.

Options:
${signInHelp('an administrator')}
  --from YYYY-MM-DD   the first day of the period
  --to YYYY-MM-DD     the last day of the period
  --csv FILE          write CSV to FILE (created readable by you only), or - for standard output`,

  async run(args, io) {
    const values = parseCommandArgs(args, OPTIONS);
    const signIn = signInFrom(values, io);
    const period = periodFrom(required(values.from, 'from'), required(values.to, 'to'));
    const csvName = values.csv;
    const csvFile = csvName === undefined || csvName === '-' ? null : vaultDirFrom(required(csvName, 'csv'), io);
    if (csvFile && existsSync(csvFile)) throw new UsageError(`${csvName} already exists. Choose a new file name.`);
    // Loading the core registers every module's measures.
    await import('../../core/core');
    const { exportStatistics } = await import('../../core/stats/stats.service');
    return withUnlockedVault(io, signIn, (vault) => {
      const result = exportStatistics(vault, period);
      if (csvName === '-') {
        io.out(result.csv.trimEnd());
      } else if (csvFile) {
        // 'wx': refuse a file that appeared meanwhile rather than replace it.
        writeFileSync(csvFile, result.csv, { flag: 'wx', mode: 0o600 });
        io.out(`Wrote ${result.rows.length} rows of statistics for ${formatUkDate(period.from)} to ${formatUkDate(period.to)} to ${csvName}.`);
      } else {
        io.out(`Anonymised statistics, ${formatUkDate(period.from)} to ${formatUkDate(period.to)} (<5: 1 to 4; [c]: withheld)`);
        printTable(io, result.rows);
      }
      return EXIT.OK;
    });
  },
};
