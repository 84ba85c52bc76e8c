/**
 * `tsx tests/bench/lists2-search-quick.ts [cases]`: each of the bench's caseload searches
 * (names, references, dates of birth: core-metrics.ts) through the router, page and count, and
 * each part alone (the bounded count; the page read), CPU ms p50 / p95, with how many matched.
 * Tells which searches and which part make the mix's p95.
 */
import { loadavg } from 'node:os';
import { createCore } from '../../main/core/core';
import { caseloadSql, readCaseloadPage } from '../../main/core/cases/caseload.repo';
import { countUpTo } from '../../main/core/db/bounded-count';
import { caseloadQuerySchema } from '../../preload/contract/cases';
import { call, probe } from './core-metrics';
import { BENCH_PASSWORD, BENCH_USER, ensureDemoVault, scratchCopy } from './demo-vault';
import { percentile, say } from './report';

const CASES = Number(process.argv[2] ?? '10000');
const RUNS = 20;
const { dir, built } = await ensureDemoVault(CASES, '1');
if (built) say('warning: the demo vault was built by this run');
const scratch = await scratchCopy(dir);
try {
  const core = createCore(scratch.vaultDir);
  await core.manager.unlock(BENCH_USER, BENCH_PASSWORD);
  const vault = core.manager.current();
  const p = probe(vault.db, '1');
  const load = () =>
    loadavg()
      .map((l) => l.toFixed(1))
      .join(' ');
  say(`lists2-search-quick: ${CASES} cases, load ${load()}`);
  const today = '2026-01-31';
  const cpu = async (fn: () => unknown) => {
    const ms: number[] = [];
    for (let i = 0; i < RUNS + 3; i++) {
      const before = process.cpuUsage();
      await fn();
      const u = process.cpuUsage(before);
      if (i >= 3) ms.push((u.user + u.system) / 1000);
    }
    return `${percentile(ms, 50).toFixed(2).padStart(6)} / ${percentile(ms, 95).toFixed(2).padStart(6)}`;
  };
  for (const search of [...p.names, ...p.references, ...p.dobs]) {
    const q = caseloadQuerySchema.parse({ search });
    const b = caseloadSql(vault.user, q, today, false);
    const { limit: _l, offset: _o, ...cp } = b.params;
    const matching = countUpTo(vault.db, b.countRowsSql, cp, 5000);
    const router = await cpu(() => call(core.router, 'caseload:list', { search }));
    const count = await cpu(() => countUpTo(vault.db, b.countRowsSql, cp, 1001));
    const page = await cpu(() => readCaseloadPage(vault.db, b, 0, 50));
    say(
      `${JSON.stringify(search).padEnd(15)} matching ${String(matching).padStart(5)}  router ${router}  count ${count}  page ${page}`,
    );
  }
  say(`load at the end ${load()}`);
  core.manager.dispose();
} finally {
  scratch.remove();
}
