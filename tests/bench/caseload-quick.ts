/**
 * `tsx tests/bench/caseload-quick.ts [cases]`: the page the caseload opens on, "my open cases"
 * by the clock (`mine`, open statuses, due date ascending), through the router, for three
 * clinicians: the busiest of the demo's four; one added here with {@link FEW_CASES} open cases
 * (half as lead worker, half allocated), as a real clinician has; and one at the bound of the
 * user-side plan (MINE_USER_SIDE_MAX entries: {@link BOUND_CASES} cases of any status, each led
 * and allocated, as the demo allocates leads). For each, the count and page of both ways of
 * answering "mine" are timed too (caseload.mine.ts), to show which is cheaper for whom.
 * Times are CPU time of this process (user + system) per call, so that the other engineers'
 * load on the machine moves them less than wall time. Runs on a scratch copy of the cached demo
 * vault (`NCATS_BENCH_CACHE` moves the cache; see demo-vault.ts), which is removed afterwards.
 */
import { loadavg } from 'node:os';
import { createCore } from '../../main/core/core';
import { OPEN_STATUSES } from '../../main/core/cases/caseload.clock-order';
import {
  caseloadSql,
  MINE_USER_SIDE_MAX,
  mineSide,
  readCaseloadPage,
  type MineSide,
} from '../../main/core/cases/caseload.repo';
import { boundedTotal } from '../../main/core/db/bounded-count';
import { caseloadQuerySchema } from '../../preload/contract/cases';
import { call, timeRuns } from './core-metrics';
import { BENCH_PASSWORD, ensureDemoVault, scratchCopy } from './demo-vault';
import { busiestClinician } from './home-metrics';
import { emitSamples, printTable, say } from './report';

const CASES = Number(process.argv[2] ?? '10000');
const RUNS = Number(process.env.NCATS_BENCH_RUNS ?? '60');
const FEW_CASES = 20;
const FEW_USER = 'gwen';
const BOUND_CASES = MINE_USER_SIDE_MAX / 2;
const BOUND_USER = 'hana';
const PAGE = { mine: true, status: [...OPEN_STATUSES], sort: 'due_date', direction: 'asc' };

/** CPU milliseconds spent by this process on each call (after the warm-up ones). */
async function cpuRuns(runs: number, fn: () => unknown): Promise<number[]> {
  const cpu: number[] = [];
  await timeRuns(runs, async (i) => {
    const before = process.cpuUsage();
    await fn();
    const used = process.cpuUsage(before);
    if (i >= 0) cpu.push((used.user + used.system) / 1000);
  });
  return cpu;
}

const { dir } = await ensureDemoVault(CASES, '1');
const scratch = await scratchCopy(dir);
try {
  // Set up the clinician with few cases, as the bench user (an admin) on the scratch copy.
  const setup = createCore(scratch.vaultDir);
  await setup.manager.unlock('bench', BENCH_PASSWORD);
  const vault = setup.manager.current();
  await vault.addUser({ username: FEW_USER, displayName: 'Gwen Few', password: BENCH_PASSWORD, role: 'clinician' });
  const gwen = vault.listUsers().find((u) => u.username === FEW_USER);
  if (!gwen) throw new Error('the added clinician is missing');
  const open = (
    vault.db
      .prepare(`SELECT id FROM cases WHERE status IN ('referred', 'accepted', 'active') ORDER BY reference LIMIT ?`)
      .all(FEW_CASES) as { id: string }[]
  ).map((c) => c.id);
  await vault.addUser({ username: BOUND_USER, displayName: 'Hana Bound', password: BENCH_PASSWORD, role: 'clinician' });
  const hana = vault.listUsers().find((u) => u.username === BOUND_USER);
  if (!hana) throw new Error('the added clinician is missing');
  // Every nth case by reference, of any status (as many closed as the vault has), none of Gwen's.
  const others = (vault.db.prepare('SELECT id FROM cases ORDER BY reference').all() as { id: string }[])
    .map((c) => c.id)
    .filter((id) => !open.includes(id));
  const stride = Math.max(1, Math.floor(others.length / BOUND_CASES));
  const any = others.filter((_, i) => i % stride === 0).slice(0, BOUND_CASES);
  vault.db.transaction(() => {
    open.forEach((id, i) => {
      if (i % 2 === 0) vault.db.prepare('UPDATE cases SET lead_worker_id = ? WHERE id = ?').run(gwen.id, id);
      else vault.db.prepare('INSERT INTO case_clinicians (case_id, user_id) VALUES (?, ?)').run(id, gwen.id);
    });
    for (const id of any) {
      vault.db.prepare('UPDATE cases SET lead_worker_id = ? WHERE id = ?').run(hana.id, id);
      vault.db.prepare('INSERT INTO case_clinicians (case_id, user_id) VALUES (?, ?)').run(id, hana.id);
    }
  })();
  const busiest = busiestClinician(vault.db);
  const busiestName = vault.listUsers().find((u) => u.id === busiest.userId)?.username;
  if (!busiestName) throw new Error('the busiest clinician is not a user');
  setup.manager.dispose();

  say(
    `caseload-quick: ${CASES} cases, load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  for (const [name, username, note] of [
    ['busiest', busiestName, `busiest clinician, ${busiest.openCases} open cases`],
    ['few', FEW_USER, `clinician with ${FEW_CASES} open cases`],
    ['bound', BOUND_USER, `clinician with ${BOUND_CASES} cases, each led and allocated`],
  ] as const) {
    const core = createCore(scratch.vaultDir);
    await core.manager.unlock(username, BENCH_PASSWORD);
    const first = (await call(core.router, 'caseload:list', PAGE)) as { total: number; items: unknown[] };
    const { db, user } = core.manager.current();
    emitSamples(`caseload_mine_${name}_cpu_ms`, await cpuRuns(RUNS, () => call(core.router, 'caseload:list', PAGE)), {
      note: `${note}; page of ${first.items.length}, total ${first.total}; router, ${mineSide(db, user.id)} side`,
    });
    // Each way alone: the count and the page, as queryCaseload reads them, without the audit row.
    const q = caseloadQuerySchema.parse(PAGE);
    for (const side of ['user', 'case'] satisfies MineSide[]) {
      // "today" only matters to the overdue filter, which this page does not use.
      const built = caseloadSql(user, q, new Date().toISOString().slice(0, 10), false, side);
      const { limit: _l, offset: _o, ...countParams } = built.params;
      emitSamples(
        `caseload_mine_${name}_${side}_side_cpu_ms`,
        await cpuRuns(RUNS, () => {
          boundedTotal(db, built.countRowsSql, countParams, q);
          return readCaseloadPage(db, built, 0, q.limit);
        }),
        { note: 'count + page, no router or audit' },
      );
    }
    core.manager.dispose();
  }
  printTable();
} finally {
  scratch.remove();
}
