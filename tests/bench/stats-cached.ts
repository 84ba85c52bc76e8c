/**
 * `tsx tests/bench/stats-cached.ts [--plans] [--try "<sql>"]...`: the statistics on a scratch copy
 * of the full benchmark's cached 10,000-case demo vault (`NCATS_BENCH_CACHE` moves it, see
 * demo-vault.ts). A cached vault of an older schema is used as it is, never rebuilt: opening the
 * copy runs this branch's migrations on it, so a branch that adds an index is measured on the same
 * data as main, and main's cache is left for main (built only when there is none). Prints
 * `statistics:compute` for the year (p50 / p95 of 30), each measure's p50 / p95 within 15 whole computations, and
 * with `--plans` the query plan of every statement the measures prepare. The copy is removed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCore } from '../../main/core/core';
import type { Db } from '../../main/core/db/connection';
import { LATEST_VERSION } from '../../main/core/db/migrations/index';
import { DEMO_GENERATOR_VERSION } from '../../main/core/demo/generate';
import { registeredMeasures, type MeasurePeriod } from '../../main/core/stats/measure-registry';
import { call, timeRuns } from './core-metrics';
import { BENCH_PASSWORD, BENCH_USER, cacheRoot, ensureDemoVault, scratchCopy, type DemoVaultMeta } from './demo-vault';
import { emitSamples, percentile, printTable, say } from './report';
import { benchPeriods, latestEventDate } from './stats-metrics';

const withPlans = process.argv.includes('--plans');
/** `--try "<sql>"`: run a statement on the copy first (an index to try before writing its migration). */
const tries = process.argv.flatMap((a, i) => (process.argv[i - 1] === '--try' ? [a] : []));
const dir = migratableCache() ?? (await ensureDemoVault(10_000, '1')).dir;
const scratch = await scratchCopy(dir);
try {
  const core = createCore(scratch.vaultDir);
  await core.manager.unlock(BENCH_USER, BENCH_PASSWORD);
  const db = core.manager.current().db;
  for (const sql of tries) {
    const t0 = performance.now();
    db.exec(sql);
    say(`Tried: ${sql} (${Math.round(performance.now() - t0)} ms)`);
  }
  const { year } = benchPeriods(latestEventDate(db));
  const period = { ...year, today: year.to };
  if (withPlans) printPlans(db, period);
  emitSamples(
    'statistics_compute_year_ms',
    await timeRuns(30, () => call(core.router, 'statistics:compute', year)),
    { note: `cached vault, ${year.from} to ${year.to}` },
    100,
  );
  // Each measure timed where it runs in a whole computation (after the others, with the page
  // cache as they leave it, and sharing their reads), which is what the dashboard pays.
  const measures = registeredMeasures();
  // CPU time too: under a shared machine's load it wobbles far less than the wall clock.
  const times = new Map(measures.map((m) => [m.id, { wall: [] as number[], cpu: [] as number[] }]));
  for (let run = 0; run < 16; run++) {
    const fresh = { ...period };
    for (const m of measures) {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      m.compute(db, fresh);
      const cpu = process.cpuUsage(c0);
      const t = times.get(m.id);
      if (run > 0 && t) {
        t.wall.push(performance.now() - t0);
        t.cpu.push((cpu.user + cpu.system) / 1000);
      }
    }
  }
  const fmt = (t: number[]) => `${percentile(t, 50).toFixed(1)} / ${percentile(t, 95).toFixed(1)}`;
  for (const [id, t] of times) say(`  ${id}: ${fmt(t.wall)} ms (CPU ${fmt(t.cpu)} ms)`);
  const sum = (pick: (t: { wall: number[]; cpu: number[] }) => number[]) =>
    [...times.values()].reduce((s, t) => s + percentile(pick(t), 50), 0).toFixed(1);
  say(`  all measures, sum of p50s: ${sum((t) => t.wall)} ms (CPU ${sum((t) => t.cpu)} ms)`);
  printTable();
  core.manager.dispose();
} finally {
  scratch.remove();
}

/** Every statement the measures prepare, with its plan (`db.prepare` watched for one computation). */
function printPlans(db: Db, period: MeasurePeriod): void {
  const seen: string[] = [];
  const prepare = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    seen.push(sql);
    return prepare(sql);
  }) as Db['prepare'];
  try {
    for (const m of registeredMeasures()) m.compute(db, { ...period });
  } finally {
    db.prepare = prepare as Db['prepare'];
  }
  for (const sql of seen) {
    const used = Object.fromEntries(Object.entries(period).filter(([k]) => sql.includes(`@${k}`)));
    const plan = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(used) as { detail: string }[];
    say(`${sql.replace(/\s+/g, ' ').trim()}\n${plan.map((p) => `    ${p.detail}`).join('\n')}\n`);
  }
}

/** The cached vault's folder if its demo is this code's and its schema this one's or older. */
function migratableCache(): string | null {
  const dir = join(cacheRoot(), '10000-1');
  const meta = join(dir, 'bench-meta.json');
  if (!existsSync(meta) || !existsSync(join(dir, 'vault'))) return null;
  const m = JSON.parse(readFileSync(meta, 'utf8')) as DemoVaultMeta;
  const usable = m.cases === 10_000 && m.generatorVersion === DEMO_GENERATOR_VERSION && m.schemaVersion <= LATEST_VERSION;
  if (usable) say(`Cached vault: schema ${m.schemaVersion} (this code: ${LATEST_VERSION}), built ${m.builtAt}`);
  return usable ? dir : null;
}
