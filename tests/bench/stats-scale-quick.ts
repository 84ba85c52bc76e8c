/**
 * `tsx tests/bench/stats-scale-quick.ts [cases] [--home]`: the statistics, Safe Home's summary and
 * (with `--home`) Home on a scratch copy of the full benchmark's cached demo vault of that size
 * (`NCATS_BENCH_CACHE`; 10,000 by default, 50,000 too). It never builds a cache: without one it
 * stops. The copy is upgraded to this code's schema first (the time printed is the migrations',
 * the month tallies' backfill included). Then, back to back in the same minutes, every measure of
 * the year and of all time computed both ways, from the month tallies (the dashboard now) and from
 * the records (the code before them, `fromRecords`), with the CPU time beside the wall clock, and
 * the dashboard's `statistics:compute` as the router serves it. The copy is removed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../main/core/core';
import type { Db } from '../../main/core/db/connection';
import {
  MONTH_TALLIES_BACKFILL,
  OPEN_CASELOAD_BACKFILL,
  SAFE_HOME_CELLS_BACKFILL,
} from '../../main/core/db/migrations/m0290-statistics-month-tallies';
import { DEFAULT_REFERENCE_DATE } from '../../main/core/demo/generate';
import {
  HOME_SQL,
  myBookedSessions,
  myFacilitatedSessions,
  myOpenAssessments,
  myOpenCaseIds,
  myOpenCases,
  myOpenFlags,
  myTasksDue,
} from '../../main/core/home/home.repo';
import { weekOf } from '../../main/core/home/home.service';
import type { OpenVault } from '../../main/core/vault/vault';
import { queryServiceView } from '../../main/core/safe-home/service-view';
import { measureRows, registeredMeasures } from '../../main/core/stats/measure-registry';
import type { StatisticsPeriod } from '../../preload/contract/stats-records';
import { call, timeRuns } from './core-metrics';
import { BENCH_PASSWORD, BENCH_USER, cacheRoot, scratchCopy, type DemoVaultMeta } from './demo-vault';
import { busiestClinician, measureHome } from './home-metrics';
import { emitSamples, percentile, printTable, say } from './report';
import { benchPeriods, latestEventDate } from './stats-metrics';

const cases = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? '10000');
const withHome = process.argv.includes('--home');
const dir = join(cacheRoot(), `${cases}-1`);
if (!existsSync(join(dir, 'bench-meta.json'))) {
  say(`No cached ${cases}-case vault in ${dir}: build it with the full benchmark first (this script never does).`);
  process.exit(1);
}
const meta = JSON.parse(readFileSync(join(dir, 'bench-meta.json'), 'utf8')) as DemoVaultMeta;
say(`Cached vault: ${meta.cases} cases, schema ${meta.schemaVersion}, generator ${meta.generatorVersion}; load ${loadavg()[0]?.toFixed(1)}`);
const scratch = await scratchCopy(dir);
try {
  const core = createCore(scratch.vaultDir);
  await core.manager.unlock(BENCH_USER, BENCH_PASSWORD);
  const vault = core.manager.current();
  const db = vault.db;
  const { year, allTime } = benchPeriods(latestEventDate(db));
  const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  say(
    `Year ${year.from} to ${year.to}: ${count(`SELECT count(*) AS n FROM cases WHERE referral_date BETWEEN '${year.from}' AND '${year.to}'`)} referrals; ${count(
      'SELECT count(*) AS n FROM stats_month_counts',
    )} tally cells, ${count('SELECT count(*) AS n FROM stats_open_caseload')} caseload cells`,
  );

  /** Every measure of the period one way, inside one transaction as the service does. */
  const computeAll = (period: StatisticsPeriod, fromRecords: boolean) =>
    db.transaction(() =>
      registeredMeasures().flatMap((m) => measureRows(m, db, { ...period, today: year.to, fromRecords })),
    )();
  for (const [name, period, runs] of [
    ['year', year, 30],
    ['all_time', allTime, 10],
  ] as const) {
    const same = JSON.stringify(computeAll(period, false)) === JSON.stringify(computeAll(period, true));
    say(`  ${name}: the two ways give ${same ? 'the same figures' : 'DIFFERENT FIGURES'}`);
    const wall = { tallies: [] as number[], records: [] as number[] };
    const cpu = { tallies: [] as number[], records: [] as number[] };
    for (let i = 0; i < runs + 2; i++) {
      for (const way of ['tallies', 'records'] as const) {
        const t0 = performance.now();
        const c0 = process.cpuUsage();
        computeAll(period, way === 'records');
        const c = process.cpuUsage(c0);
        if (i < 2) continue; // warm-up
        wall[way].push(performance.now() - t0);
        cpu[way].push((c.user + c.system) / 1000);
      }
    }
    const fmt = (t: number[]) => `${percentile(t, 50).toFixed(2)} / ${percentile(t, 95).toFixed(2)}`;
    for (const way of ['records', 'tallies'] as const) {
      say(`  ${name} from the ${way}: ${fmt(wall[way])} ms (CPU ${fmt(cpu[way])} ms), load ${loadavg()[0]?.toFixed(1)}`);
    }
    // Where the time of the records way goes, measure by measure (one run each, after the others).
    const byMeasure = registeredMeasures().map((m) => {
      const times = { tallies: 0, records: 0 };
      for (const way of ['tallies', 'records'] as const) {
        const t0 = performance.now();
        measureRows(m, db, { ...period, today: year.to, fromRecords: way === 'records' });
        times[way] = performance.now() - t0;
      }
      return `${m.id} ${times.records.toFixed(1)} -> ${times.tallies.toFixed(1)}`;
    });
    say(`  ${name} by measure (records -> tallies, ms): ${byMeasure.join(', ')}`);
  }
  emitSamples(
    'statistics_compute_year_ms',
    await timeRuns(30, () => call(core.router, 'statistics:compute', year)),
    { note: `statistics:compute ${year.from} to ${year.to}, load ${loadavg()[0]?.toFixed(1)}` },
    30,
  );
  emitSamples(
    'statistics_export_all_time_ms',
    await timeRuns(10, () => call(core.router, 'statistics:export', allTime)),
    { note: `statistics:export ${allTime.from} to ${allTime.to}, load ${loadavg()[0]?.toFixed(1)}` },
  );
  // Safe Home's service view both ways, back to back: from the kept cells, and from every run and carer.
  for (const fromRecords of [true, false, true, false]) {
    const times = await timeRuns(30, () => db.transaction(() => queryServiceView(db, year.to, fromRecords))());
    say(
      `  safe home service view from the ${fromRecords ? 'records' : 'kept cells'}: ${percentile(times, 50).toFixed(2)} / ${percentile(times, 95).toFixed(2)} ms, load ${loadavg()[0]?.toFixed(1)}`,
    );
  }
  emitSamples(
    'safe_home_summary_ms',
    await timeRuns(60, () => call(core.router, 'safeHomeRun:summary', {})),
    { note: `safeHomeRun:summary over ${count('SELECT count(*) AS n FROM safe_home_runs')} runs, load ${loadavg()[0]?.toFixed(1)}` },
    15,
  );
  if (withHome) {
    await measureHome(vault, (n) => n);
    profileHome(vault);
  }
  timeBackfills(db);
  printTable();
  core.manager.dispose();
} finally {
  scratch.remove();
}

/** Each of Home's queries for the busiest clinician on the demo's today, timed alone, with its plan. */
function profileHome(vault: OpenVault): void {
  const db = vault.db;
  const me = busiestClinician(db).userId;
  const day = DEFAULT_REFERENCE_DATE;
  const week = weekOf(day);
  const myCases = myOpenCaseIds(db, me);
  const mine = JSON.stringify(myCases.map((c) => c.case_id));
  const queries: [string, () => unknown][] = [
    ['openCaseIds', () => myOpenCaseIds(db, me)],
    ['casePage', () => myOpenCases(db, myCases, 5)],
    ['tasksDue', () => myTasksDue(db, me, null, day, 5)],
    ['openAssessments', () => myOpenAssessments(db, mine)],
    ['openFlags', () => myOpenFlags(db, mine, 5)],
    ['bookedSessions', () => myBookedSessions(db, me, mine, week, 5)],
    ['facilitatedSessions', () => myFacilitatedSessions(db, me, week.from, week.to, 5)],
  ];
  for (const [name, run] of queries) {
    const times: number[] = [];
    for (let i = 0; i < 12; i++) {
      const t0 = performance.now();
      run();
      times.push(performance.now() - t0);
    }
    say(`  home ${name}: ${percentile(times, 50).toFixed(2)} / ${percentile(times, 95).toFixed(2)} ms`);
    const sql = HOME_SQL[name as keyof typeof HOME_SQL];
    const params = { me, mine, ids: mine, from: week.from, to: week.to, limit: 5 };
    const used = Object.fromEntries(Object.entries(params).filter(([k]) => sql.includes(`@${k}`)));
    const plan = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(used) as { detail: string }[];
    say(plan.map((p) => `      ${p.detail}`).join('\n'));
  }
}

/** How long migration 290's backfills take on this vault (redone inside a transaction that is rolled back). */
function timeBackfills(db: Db): void {
  for (const [name, table, sql] of [
    ['month tallies', 'stats_month_counts', MONTH_TALLIES_BACKFILL],
    ['open caseload', 'stats_open_caseload', OPEN_CASELOAD_BACKFILL],
    ['Safe Home cells', 'safe_home_summary_cells', SAFE_HOME_CELLS_BACKFILL],
  ] as const) {
    db.exec('BEGIN');
    try {
      db.exec(`DELETE FROM ${table}`);
      const t0 = performance.now();
      db.exec(sql);
      say(`  backfill of the ${name}: ${Math.round(performance.now() - t0)} ms, load ${loadavg()[0]?.toFixed(1)}`);
    } finally {
      db.exec('ROLLBACK');
    }
  }
}
