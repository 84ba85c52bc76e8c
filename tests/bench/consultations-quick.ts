/**
 * `tsx tests/bench/consultations-quick.ts [cases]`: the consultations figures alone, on a fresh
 * temporary demo vault with few notes per case (the list and the report read no notes), for a
 * quick measurement without building or touching the full benchmark's cached vault. The vault
 * is synthetic demo data and is removed afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../main/core/core';
import { generateDemoData } from '../../main/core/demo/generate';
import { scryptParams } from '../../main/core/vault/kdf';
import { measureConsultations } from './consultation-run';
import { printTable, say } from './report';

const cases = Number(process.argv[2] ?? '10000');
const dir = mkdtempSync(join(tmpdir(), 'ncats-consultations-bench-'));
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
  const consultations = core.manager.current().db.prepare('SELECT count(*) AS n FROM consultations').get() as {
    n: number;
  };
  say(`Demo: ${result.cases} cases, ${consultations.n} consultations in ${Math.round(performance.now() - t0)} ms`);
  await measureConsultations(core.router, core.manager.current(), (n) => n);
  printTable();
  core.manager.dispose();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
