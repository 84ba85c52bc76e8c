/**
 * `tsx tests/bench/search-quick.ts [cases]`: the full-text search probes of the core bench
 * (`fts_search_ms`, `fts_continue_ms`, `search_all_ms`, same queries and cursors, through the
 * router) and, per query, what each step of the notes search costs on its own: the walk of the
 * index (walkNewestFirst), the window's rows (join, visibility, grouping) and the page's
 * snippets. Times are CPU time of this process per call, so the other engineers' load moves
 * them less than wall time. Runs on a scratch copy of the cached demo vault (`NCATS_BENCH_CACHE`
 * moves the cache; see demo-vault.ts), removed afterwards.
 */
import { loadavg } from 'node:os';
import { createCore } from '../../main/core/core';
import { toFtsQuery, walkNewestFirst } from '../../main/core/search/fts-window';
import { searchNotes } from '../../main/core/search/search.repo';
import { call, continuationProbes, probe, timeRuns } from './core-metrics';
import { BENCH_PASSWORD, BENCH_USER, ensureDemoVault, scratchCopy } from './demo-vault';
import { emitSamples, percentile, printTable, round, say } from './report';

const CASES = Number(process.argv[2] ?? '10000');
const RUNS = Number(process.env.NCATS_BENCH_RUNS ?? '60');
const SEED = '1';

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

const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

const { dir } = await ensureDemoVault(CASES, SEED);
const scratch = await scratchCopy(dir);
try {
  const core = createCore(scratch.vaultDir);
  await core.manager.unlock(BENCH_USER, BENCH_PASSWORD);
  const { db, user } = core.manager.current();
  const p = probe(db, SEED);
  const continuations = continuationProbes(db);
  say(`search-quick: ${CASES} cases, load ${load()}`);

  emitSamples(
    'fts_search_cpu_ms',
    await cpuRuns(RUNS, (i) =>
      call(core.router, 'search:notes', { query: p.ftsQueries[Math.abs(i) % p.ftsQueries.length] }),
    ),
  );
  emitSamples(
    'fts_continue_cpu_ms',
    await cpuRuns(RUNS, (i) => {
      const c = continuations[Math.abs(i) % continuations.length];
      return call(core.router, 'search:notes', { query: c?.query ?? 'school', cursor: c?.cursor ?? null });
    }),
  );
  const allQueries = [...p.ftsQueries, ...p.names.slice(0, 4), ...p.dobs.slice(0, 2)];
  emitSamples(
    'search_all_cpu_ms',
    await cpuRuns(RUNS, (i) => call(core.router, 'search:all', { query: allQueries[Math.abs(i) % allQueries.length] })),
  );

  // Each query's steps alone (p50 of a few runs): where a slow search spends its time.
  const steps: string[][] = [
    ['query', 'matches', 'walk', 'rows, no page', 'notes search', 'search:notes', 'documents walk'],
  ];
  // The bench's queries, and what is typed on the way to them (one and two letters, a long stem).
  for (const text of [...p.ftsQueries, 's', 'sc', 'safeguarding']) {
    const q = toFtsQuery(text);
    if (!q) continue;
    const seqs = walkNewestFirst(db, 'notes_fts', q, null).seqs;
    const med = async (fn: () => unknown) => round(percentile(await cpuRuns(10, fn), 50));
    steps.push([
      text,
      String(seqs.length),
      String(await med(() => walkNewestFirst(db, 'notes_fts', q, null))),
      String(await med(() => searchNotes(db, user, q, 0, 0, null))),
      String(await med(() => searchNotes(db, user, q, 20, 0, null))),
      String(await med(() => call(core.router, 'search:notes', { query: text }))),
      String(await med(() => walkNewestFirst(db, 'documents_fts', q, null))),
    ]);
  }
  // search:all's sections alone, per query: which of them a slow one-box search spends its time in.
  const sections: string[][] = [['search:all query', 'cases', 'notes', 'documents']];
  const only = (section: 'cases' | 'notes' | 'documents', query: string) =>
    call(core.router, 'search:all', { query, only: section });
  for (const text of allQueries) {
    const med = async (fn: () => unknown) => round(percentile(await cpuRuns(10, fn), 50));
    sections.push([
      text,
      String(await med(() => only('cases', text))),
      String(await med(() => only('notes', text))),
      String(await med(() => only('documents', text))),
    ]);
  }
  printTable();
  say(`per query, CPU ms p50 of 10 (load ${load()}):`);
  for (const row of steps) say(row.map((c) => c.padEnd(16)).join(''));
  for (const row of sections) say(row.map((c) => c.padEnd(16)).join(''));
  core.manager.dispose();
} finally {
  scratch.remove();
}
