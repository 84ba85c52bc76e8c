/**
 * `NCATS_BENCH_CACHE=<folder> tsx tests/bench/subject-access-quick.ts [cases]`: the subject
 * access request's figures alone, on a scratch copy of the benchmark's cached demo vault (built
 * in the cache folder when missing), removed afterwards. Point the cache at a folder of your own
 * so the shared one is never rebuilt.
 */
import { loadavg } from 'node:os';
import { createCore } from '../../main/core/core';
import { BENCH_PASSWORD, BENCH_USER, ensureDemoVault, scratchCopy } from './demo-vault';
import { printTable, say } from './report';
import { measureSubjectAccess } from './subject-access-metrics';

const cases = Number(process.argv[2] ?? '10000');
const { dir, meta } = await ensureDemoVault(cases, '1');
const scratch = await scratchCopy(dir);
try {
  const core = createCore(scratch.vaultDir);
  await core.manager.unlock(BENCH_USER, BENCH_PASSWORD);
  say(
    `Demo: ${meta.cases} cases, ${meta.notes} notes (load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')})`,
  );
  await measureSubjectAccess(core.manager.current(), meta.largestCaseId, (n) => n);
  say(
    `Load after: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  printTable();
  core.manager.dispose();
} finally {
  scratch.remove();
}
