/**
 * `tsx tests/bench/backup-quick.ts [cases]`: backup and restore alone, on a fresh temporary demo
 * vault with few notes per case, for a measurement at 10,000 cases without building or touching
 * the full benchmark's cached vault. The vault is synthetic demo data and is removed afterwards.
 * Its KDF is the cheapest, so the restore's sign-in costs milliseconds here.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../main/core/core';
import { generateDemoData } from '../../main/core/demo/generate';
import { scryptParams } from '../../main/core/vault/kdf';
import { measureBackup } from './backup-metrics';
import { printTable, say } from './report';

const cases = Number(process.argv[2] ?? '10000');
const dir = mkdtempSync(join(tmpdir(), 'ncats-backup-quick-'));
const signIn = { username: 'bench', password: 'a long enough password' };
try {
  const core = createCore(join(dir, 'vault'), { vault: { kdf: scryptParams(2 ** 14) } });
  const made = await core.router('vault:create', { ...signIn, displayName: 'Bench User' });
  if (!made.ok) throw new Error(made.error.message);
  const t0 = performance.now();
  const result = generateDemoData(core.manager.current(), { cases, seed: 1, notesPerCase: [1, 2] });
  say(`Demo: ${result.cases} cases written in ${Math.round(performance.now() - t0)} ms`);
  await measureBackup(core.manager.current(), signIn, (n) => n);
  printTable();
  core.manager.dispose();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
