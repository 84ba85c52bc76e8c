/**
 * `tsx tests/bench/lists-quick.ts [cases]`: every paged list's page through the router, as the
 * full benchmark times them (caseload pages one by one, the caseload search, the Assessments
 * area) plus the lists it does not time (tasks, consultations, training events, the retention
 * review), each page with its count. Prints p50 / p95 per page and what each page's total said,
 * so a bounded count ("more than 1,000") can be compared with the exact count it replaced.
 * Times are CPU time of this process (user + system) per call, as caseload-quick.ts takes
 * them: on a shared 2-core machine wall time mostly measures the others' load.
 * Runs on a scratch copy of the cached demo vault (`NCATS_BENCH_CACHE`), removed afterwards.
 */
import { loadavg } from 'node:os';
import { createCore } from '../../main/core/core';
import { call, probe, timeRuns } from './core-metrics';
import { BENCH_PASSWORD, BENCH_USER, ensureDemoVault, scratchCopy } from './demo-vault';
import { emitSamples, percentile, printTable, say } from './report';

const CASES = Number(process.argv[2] ?? '10000');
const RUNS = Number(process.env.NCATS_BENCH_RUNS ?? '40');

/** CPU milliseconds spent by this process on each call (after the warm-up ones). */
async function cpuRuns(runs: number, fn: (i: number) => unknown): Promise<number[]> {
  const cpu: number[] = [];
  await timeRuns(runs, async (i) => {
    const before = process.cpuUsage();
    await fn(i);
    const used = process.cpuUsage(before);
    if (i >= 0) cpu.push((used.user + used.system) / 1000);
  });
  return cpu;
}

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
  say(`lists-quick: ${CASES} cases, load ${load()}`);
  const pages: [string, string, Record<string, unknown>][] = [
    ['caseload_all', 'caseload:list', {}],
    ['caseload_active_due', 'caseload:list', { status: ['active'], sort: 'due_date', direction: 'asc' }],
    [
      'caseload_open_ref',
      'caseload:list',
      { status: ['referred', 'accepted', 'active'], sort: 'reference', direction: 'asc' },
    ],
    ['caseload_flagged', 'caseload:list', { flagged: true }],
    ['caseload_overdue', 'caseload:list', { overdue: true, sort: 'due_date', direction: 'asc' }],
    ['caseload_safe_home', 'caseload:list', { service: 'safe_home', sort: 'name', direction: 'asc' }],
    [
      'caseload_lead',
      'caseload:list',
      { leadWorkerId: p.leadWorkerId, status: ['active'], sort: 'name', direction: 'asc' },
    ],
    [
      'caseload_mine',
      'caseload:list',
      { mine: true, status: ['referred', 'accepted', 'active'], sort: 'due_date', direction: 'asc' },
    ],
    ['caseload_all_due', 'caseload:list', { sort: 'due_date', direction: 'asc' }],
    ['tasks_all_open', 'task:listMine', { view: 'open', scope: 'all' }],
    ['tasks_all_overdue', 'task:listMine', { view: 'overdue', scope: 'all' }],
    ['consultations', 'consultation:listAll', {}],
    ['training_events', 'trainingEvent:list', {}],
    ['retention_review', 'retention:list', { withinMonths: 120 }],
  ];
  const all: number[] = [];
  for (const [name, channel, input] of pages) {
    const first = (await call(core.router, channel, input)) as { total: number; moreThan?: boolean };
    const samples = await cpuRuns(RUNS, () => call(core.router, channel, input));
    if (name.startsWith('caseload_')) all.push(...samples);
    emitSamples(`${name}_ms`, samples, { note: `total ${first.moreThan ? 'more than ' : ''}${first.total}` });
  }
  emitSamples('caseload_page_ms', all, {
    note: `the 9 caseload pages together; p95 ${percentile(all, 95).toFixed(2)}`,
  });
  // The bench's own mixes (core-metrics.ts), timed by CPU here.
  const searches = [...p.names, ...p.references, ...p.dobs];
  emitSamples(
    'caseload_search_ms',
    await cpuRuns(RUNS * 2, (i) =>
      call(core.router, 'caseload:list', { search: searches[Math.abs(i) % searches.length] }),
    ),
    { note: 'as the bench' },
  );
  const assessmentPages = [
    {},
    { status: 'overdue' },
    { status: 'due_soon' },
    { status: 'on_track' },
    { status: 'awaiting_paperwork' },
    { clinicianId: p.leadWorkerId },
    { offset: 50 },
  ];
  emitSamples(
    'assessment_list_ms',
    await cpuRuns(RUNS * 2, (i) =>
      call(core.router, 'assessment:list', assessmentPages[Math.abs(i) % assessmentPages.length]),
    ),
    { note: 'as the bench' },
  );
  say(`load at the end ${load()}`);
  core.manager.dispose();
  printTable();
} finally {
  scratch.remove();
}
