/**
 * `tsx tests/bench/run-list-quick.ts [cases]`: the Safe Home run list's page (first, middle and
 * last, 25 runs) read the old way (`fromRecords`: every run's sessions grouped and every run
 * sorted) and by index, call by call in alternation on the same scratch copy of the cached demo
 * vault (`NCATS_BENCH_CACHE`), CPU time of this process per call. Removed afterwards.
 */
import { loadavg } from 'node:os';
import { createCore } from '../../main/core/core';
import { today } from '../../main/core/cases/cases.service';
import { queryRunList } from '../../main/core/safe-home/service-view';
import { BENCH_PASSWORD, BENCH_USER, ensureDemoVault, scratchCopy } from './demo-vault';
import { percentile, say } from './report';

const CASES = Number(process.argv[2] ?? '10000');
const RUNS = Number(process.env.NCATS_BENCH_RUNS ?? '90');
const { dir, built } = await ensureDemoVault(CASES, '1');
if (built) say('warning: the demo vault was built by this run');
const scratch = await scratchCopy(dir);
try {
  const core = createCore(scratch.vaultDir);
  await core.manager.unlock(BENCH_USER, BENCH_PASSWORD);
  const vault = core.manager.current();
  const day = today(vault);
  const total = queryRunList(vault.db, day, 25, 0).total;
  const offsets = [0, Math.floor(total / 2 / 25) * 25, Math.max(0, Math.floor((total - 1) / 25) * 25)];
  const load = () =>
    loadavg()
      .map((l) => l.toFixed(1))
      .join(' ');
  say(`run-list-quick: ${CASES} cases, ${total} runs, load ${load()}`);
  const times: Record<'old' | 'new', number[]> = { old: [], new: [] };
  for (let i = -6; i < RUNS; i++) {
    const offset = offsets[Math.abs(i) % 3] ?? 0;
    for (const way of i % 2 === 0 ? (['old', 'new'] as const) : (['new', 'old'] as const)) {
      const before = process.cpuUsage();
      queryRunList(vault.db, day, 25, offset, way === 'old');
      const used = process.cpuUsage(before);
      if (i >= 0) times[way].push((used.user + used.system) / 1000);
    }
  }
  for (const way of ['old', 'new'] as const) {
    say(`  ${way}: p50 ${percentile(times[way], 50).toFixed(2)} / p95 ${percentile(times[way], 95).toFixed(2)} ms`);
  }
  say(`  load after ${load()}`);
  core.manager.dispose();
} finally {
  scratch.remove();
}
