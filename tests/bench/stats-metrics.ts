/**
 * The statistics part of `npm run bench` (leave it out with `--skip statistics`): the dashboard's
 * `statistics:compute` for the year to today, the anonymised export over all time (the ten years a
 * period may span), and `ncats stats` over all time as an administrator runs it, sign-in included.
 */
import { runCli } from '../../main/cli/run';
import type { CliIo } from '../../main/cli/io';
import type { Db } from '../../main/core/db/connection';
import type { Router } from '../../main/core/ipc/router';
import { exportStatistics } from '../../main/core/stats/stats.service';
import type { OpenVault } from '../../main/core/vault/vault';
import type { StatisticsPeriod } from '../../preload/contract/stats-records';
import { call, timeRuns } from './core-metrics';
import { emitSamples, say } from './report';

/** `iso` moved by whole years and days (UTC calendar arithmetic). */
function shift(iso: string, years: number, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The year to `to`, and the longest period allowed (ten years) to `to`: "all time". */
export function benchPeriods(to: string): { year: StatisticsPeriod; allTime: StatisticsPeriod } {
  return { year: { from: shift(to, -1, 1), to }, allTime: { from: shift(to, -10, 1), to } };
}

/**
 * The day the periods end: the latest referral in the vault (a demo vault's data stops at its
 * "as of" date, which may be long before the machine's today).
 */
export function latestEventDate(db: Db): string {
  return (db.prepare('SELECT max(referral_date) AS d FROM cases').get() as { d: string | null }).d ?? '2025-12-31';
}

/** A quiet io for `ncats` in-process: the password on standard input, output counted, not kept. */
function benchIo(password: string): CliIo & { bytes: number } {
  let given = false;
  const io = {
    bytes: 0,
    out: (text: string) => {
      io.bytes += text.length;
    },
    err: () => undefined,
    stdinIsTTY: false,
    readLine: () => {
      const line = given ? null : password;
      given = true;
      return Promise.resolve(line);
    },
    promptHidden: () => Promise.reject(new Error('no terminal in the benchmark')),
    env: {},
    now: () => new Date(),
  };
  return io;
}

export interface StatisticsBenchSignIn {
  vaultDir: string;
  username: string;
  password: string;
}

export async function measureStatistics(
  router: Router,
  vault: OpenVault,
  signIn: StatisticsBenchSignIn,
  runs: (n: number) => number,
): Promise<void> {
  say('Statistics: statistics:compute for a year, the export and ncats stats over all time ...');
  const { year, allTime } = benchPeriods(latestEventDate(vault.db));
  emitSamples(
    'statistics_compute_year_ms',
    await timeRuns(runs(30), () => call(router, 'statistics:compute', year)),
    { note: `statistics:compute ${year.from} to ${year.to}: every measure, unsuppressed, with the audit row` },
    100,
  );
  emitSamples(
    'statistics_export_all_time_ms',
    await timeRuns(runs(10), () => exportStatistics(vault, allTime), 1),
    { note: `the anonymised export ${allTime.from} to ${allTime.to}: measures, pooling, suppression, CSV, audit` },
  );
  const argv = ['stats', '--vault', signIn.vaultDir, '--user', signIn.username, '--password-stdin'];
  let bytes = 0;
  const cli = await timeRuns(
    runs(5),
    async () => {
      const io = benchIo(signIn.password);
      const code = await runCli([...argv, '--from', allTime.from, '--to', allTime.to, '--csv', '-'], io);
      if (code !== 0) throw new Error(`ncats stats exited ${code}`);
      bytes = io.bytes;
    },
    1,
  );
  emitSamples('ncats_stats_all_time_ms', cli, {
    note: `ncats stats --csv - over ten years, in-process: sign-in (the vault's KDF) + export, ${bytes} characters of CSV`,
  });
}
