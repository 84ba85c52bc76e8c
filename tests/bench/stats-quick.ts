/**
 * `tsx tests/bench/stats-quick.ts [cases]`: the statistics figures alone, on a fresh temporary
 * demo vault with few notes per case (no measure reads notes), for a measurement at 10,000 cases
 * without building or touching the full benchmark's cached vault. The vault is synthetic demo
 * data and is removed afterwards. Its KDF is the cheapest, so `ncats stats` here is mostly the work.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../main/core/core';
import { generateDemoData } from '../../main/core/demo/generate';
import { scryptParams } from '../../main/core/vault/kdf';
import { registeredMeasures } from '../../main/core/stats/measure-registry';
import { timeRuns } from './core-metrics';
import { percentile, printTable, say } from './report';
import { benchPeriods, latestEventDate, measureStatistics } from './stats-metrics';

const cases = Number(process.argv[2] ?? '10000');
const dir = mkdtempSync(join(tmpdir(), 'ncats-stats-bench-'));
const signIn = { vaultDir: join(dir, 'vault'), username: 'bench', password: 'a long enough password' };
try {
  const core = createCore(signIn.vaultDir, { vault: { kdf: scryptParams(2 ** 14) } });
  const made = await core.router('vault:create', {
    username: signIn.username,
    displayName: 'Bench User',
    password: signIn.password,
  });
  if (!made.ok) throw new Error(made.error.message);
  const t0 = performance.now();
  const result = generateDemoData(core.manager.current(), { cases, seed: 1, notesPerCase: [1, 2] });
  const db = core.manager.current().db;
  const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  const span = db.prepare('SELECT min(referral_date) AS first, max(referral_date) AS last FROM cases').get() as {
    first: string;
    last: string;
  };
  say(
    `Demo: ${result.cases} cases referred ${span.first} to ${span.last}, ${count('SELECT count(*) AS n FROM consultations')} consultations, ${count(
      'SELECT count(*) AS n FROM intervention_sessions',
    )} sessions, written in ${Math.round(performance.now() - t0)} ms`,
  );
  await measureStatistics(core.router, core.manager.current(), signIn, (n) => n);
  // Where a year's time goes, measure by measure (the median of 9 runs each), for whoever tunes them.
  const { year } = benchPeriods(latestEventDate(db));
  for (const m of registeredMeasures()) {
    const times = await timeRuns(9, () => m.compute(db, { ...year, today: year.to }), 1);
    say(`  ${m.id}: ${percentile(times, 50).toFixed(1)} ms`);
  }
  printTable();
  core.manager.dispose();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
