/**
 * `tsx tests/bench/caseload-parts-quick.ts [cases]`: where a caseload page's time goes, for the
 * pages that grow most from 10,000 to 50,000 cases (lists-quick.ts times them whole). Each page
 * is split into its bounded count, its page read (the plan the count chose), `queryCaseload`
 * (both, as the service runs them), `listCaseload` (that, in its transaction with its audit row
 * and the rows made summaries) and the router call (that, with input validation): the gaps
 * between them say what the SQL costs and what the rest does. The parts are timed in turn, one
 * of each per round, so each sees the same cache and the same load.
 * Times are CPU time of this process (user + system) per call, as the other quick scripts take
 * them. Runs on a scratch copy of the cached demo vault (`NCATS_BENCH_CACHE`), removed afterwards.
 */
import { loadavg } from 'node:os';
import { createCore } from '../../main/core/core';
import {
  caseloadSql,
  orderScanThreshold,
  queryCaseload,
  readCaseloadPage,
  useOrderScan,
} from '../../main/core/cases/caseload.repo';
import { listCaseload } from '../../main/core/cases/caseload.service';
import { today } from '../../main/core/cases/cases.service';
import { boundedTotal } from '../../main/core/db/bounded-count';
import { caseloadQuerySchema } from '../../preload/contract/cases';
import { call } from './core-metrics';
import { BENCH_PASSWORD, BENCH_USER, ensureDemoVault, scratchCopy } from './demo-vault';
import { emitSamples, printTable, say } from './report';

const CASES = Number(process.argv[2] ?? '10000');
const RUNS = Number(process.env.NCATS_BENCH_RUNS ?? '40');
const WARM_UP = 5;

/** The pages, as lists-quick.ts names them: the ones above 5 ms at 50,000 cases in session 10. */
const PAGES: [string, Record<string, unknown>][] = [
  ['all', {}],
  ['open_ref', { status: ['referred', 'accepted', 'active'], sort: 'reference', direction: 'asc' }],
  ['active_due', { status: ['active'], sort: 'due_date', direction: 'asc' }],
  ['safe_home', { service: 'safe_home', sort: 'name', direction: 'asc' }],
  ['flagged', { flagged: true }],
  ['overdue', { overdue: true, sort: 'due_date', direction: 'asc' }],
];

/** CPU milliseconds of one call. */
async function cpuOf(fn: () => unknown): Promise<number> {
  const before = process.cpuUsage();
  await fn();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

const { dir, built } = await ensureDemoVault(CASES, '1');
if (built) say('warning: the demo vault was built by this run');
const scratch = await scratchCopy(dir);
try {
  const core = createCore(scratch.vaultDir);
  await core.manager.unlock(BENCH_USER, BENCH_PASSWORD);
  const vault = core.manager.current();
  const { db, user } = vault;
  const day = today(vault);
  say(`caseload-parts-quick: ${CASES} cases, load ${loadavg()[0]?.toFixed(1)}`);
  for (const [name, input] of PAGES) {
    const q = caseloadQuerySchema.parse(input);
    const countSql = caseloadSql(user, q, day);
    const { limit: _limit, offset: _offset, ...countParams } = countSql.params;
    const count = () => boundedTotal(db, countSql.countRowsSql, countParams, q, orderScanThreshold(q) ?? 0);
    const counted = count();
    const pageSql = caseloadSql(user, q, day, useOrderScan(q, counted.total));
    const parts: [string, () => unknown][] = [
      ['count', count],
      ['page', () => readCaseloadPage(db, pageSql, q.offset, q.limit)],
      ['query', () => queryCaseload(db, user, q, day)],
      ['list', () => listCaseload(vault, q)],
      ['call', () => call(core.router, 'caseload:list', input)],
    ];
    const samples = new Map<string, number[]>(parts.map(([part]) => [part, []]));
    for (let round = -WARM_UP; round < RUNS; round++) {
      for (const [part, fn] of parts) {
        const ms = await cpuOf(fn);
        if (round >= 0) samples.get(part)?.push(ms);
      }
    }
    const total = `${counted.moreThan ? 'more than ' : ''}${counted.total}`;
    for (const [part, xs] of samples) emitSamples(`${name}_${part}_ms`, xs, { note: `total ${total}` });
  }
  core.manager.dispose();
  printTable();
} finally {
  scratch.remove();
}
