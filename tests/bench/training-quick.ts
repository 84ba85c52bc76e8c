/**
 * `tsx tests/bench/training-quick.ts [cases]`: the training figures alone, on a fresh temporary
 * demo vault (a year of training beside `cases` demo cases, few notes each: the training list
 * reads no case data), without building or touching the full benchmark's cached vault. The vault
 * is synthetic demo data and is removed afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../main/core/core';
import { generateDemoData } from '../../main/core/demo/generate';
import { scryptParams } from '../../main/core/vault/kdf';
import { printTable, say } from './report';
import { measureTraining } from './training-metrics';

const cases = Number(process.argv[2] ?? '10000');
const dir = mkdtempSync(join(tmpdir(), 'ncats-training-bench-'));
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
    `Demo: ${result.cases} cases, ${count('SELECT count(*) AS n FROM training_events')} training events, ${count(
      'SELECT count(*) AS n FROM training_packages',
    )} packages in ${Math.round(performance.now() - t0)} ms`,
  );
  await measureTraining(core.router, core.manager.current(), (n) => n);
  printTable();
  core.manager.dispose();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
