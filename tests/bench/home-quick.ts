/**
 * `tsx tests/bench/home-quick.ts [cases]`: the Home figure alone, on a fresh temporary demo vault
 * with few notes per case (Home reads no notes), for a measurement at 10,000 cases without
 * building or touching the full benchmark's cached vault. Four clinicians besides the bench user,
 * as in the full benchmark, so that caseloads are spread as they are there. The vault is
 * synthetic demo data and is removed afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../main/core/core';
import { generateDemoData } from '../../main/core/demo/generate';
import { scryptParams } from '../../main/core/vault/kdf';
import { measureHome } from './home-metrics';
import { printTable, say } from './report';

const cases = Number(process.argv[2] ?? '10000');
const dir = mkdtempSync(join(tmpdir(), 'ncats-home-bench-'));
const password = 'a long enough password';
try {
  const core = createCore(join(dir, 'vault'), { vault: { kdf: scryptParams(2 ** 14) } });
  const made = await core.router('vault:create', { username: 'bench', displayName: 'Bea Bench', password });
  if (!made.ok) throw new Error(made.error.message);
  const vault = core.manager.current();
  for (const [username, displayName] of [
    ['cara', 'Cara Clinician'],
    ['dev', 'Dev Okafor'],
    ['erin', 'Erin Walsh'],
    ['faisal', 'Faisal Khan'],
  ] as const) {
    await vault.addUser({ username, displayName, password, role: 'clinician' });
  }
  const t0 = performance.now();
  const result = generateDemoData(vault, { cases, seed: 1, notesPerCase: [1, 2] });
  say(
    `Demo: ${result.cases} cases in ${Math.round(performance.now() - t0)} ms (load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')})`,
  );
  await measureHome(vault, (n) => n);
  printTable();
  core.manager.dispose();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
