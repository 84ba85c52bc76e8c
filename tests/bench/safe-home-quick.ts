/**
 * `tsx tests/bench/safe-home-quick.ts [cases]`: the Safe Home figures alone, on a fresh temporary
 * demo vault with few notes per case (none of these reads notes), for a measurement at 10,000
 * cases without building or touching the full benchmark's cached vault. The vault is synthetic
 * demo data and is removed afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../main/core/core';
import { generateDemoData } from '../../main/core/demo/generate';
import { scryptParams } from '../../main/core/vault/kdf';
import { measureSafeHome } from './safe-home-metrics';
import { printTable, say } from './report';

const cases = Number(process.argv[2] ?? '10000');
const dir = mkdtempSync(join(tmpdir(), 'ncats-safe-home-bench-'));
try {
  const core = createCore(join(dir, 'vault'), { vault: { kdf: scryptParams(2 ** 14) } });
  const made = await core.router('vault:create', {
    username: 'bench',
    displayName: 'Bench User',
    password: 'a long enough password',
  });
  if (!made.ok) throw new Error(made.error.message);
  const t0 = performance.now();
  const result = generateDemoData(core.manager.current(), { cases, seed: 1, notesPerCase: [1, 2] });
  const count = (sql: string) => (core.manager.current().db.prepare(sql).get() as { n: number }).n;
  say(
    `Demo: ${result.cases} cases, ${count('SELECT count(*) AS n FROM safe_home_runs')} runs, ${count(
      'SELECT count(*) AS n FROM safe_home_enrolments',
    )} carers, ${count('SELECT count(*) AS n FROM safe_home_register')} register entries in ${Math.round(
      performance.now() - t0,
    )} ms (load ${(await import('node:os'))
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')})`,
  );
  await measureSafeHome(core.router, core.manager.current(), (n) => n);
  printTable();
  core.manager.dispose();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
