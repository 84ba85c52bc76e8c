/**
 * `tsx tests/bench/safe-home-cached-quick.ts [cases]`: the full benchmark's Safe Home figures
 * alone (run list, run, summary, through the router), on a scratch copy of the cached demo vault
 * (`NCATS_BENCH_CACHE`), without the core part the full benchmark runs before them. Removed afterwards.
 */
import { loadavg } from 'node:os';
import { createCore } from '../../main/core/core';
import { BENCH_PASSWORD, BENCH_USER, ensureDemoVault, scratchCopy } from './demo-vault';
import { measureSafeHome } from './safe-home-metrics';
import { printTable, say } from './report';

const CASES = Number(process.argv[2] ?? '10000');
const { dir, built } = await ensureDemoVault(CASES, '1');
if (built) say('warning: the demo vault was built by this run');
const scratch = await scratchCopy(dir);
try {
  const core = createCore(scratch.vaultDir);
  await core.manager.unlock(BENCH_USER, BENCH_PASSWORD);
  const load = () =>
    loadavg()
      .map((l) => l.toFixed(1))
      .join(' ');
  say(`safe-home-cached-quick: ${CASES} cases, load ${load()}`);
  await measureSafeHome(core.router, core.manager.current(), (n) => n);
  say(`load after ${load()}`);
  printTable();
  core.manager.dispose();
} finally {
  scratch.remove();
}
