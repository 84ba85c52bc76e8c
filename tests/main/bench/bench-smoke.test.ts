/**
 * A quick smoke run of the benchmark's own code (tests/bench/) on a 30-case demo vault, so a
 * change to the core or to the benchmark that breaks `npm run bench` shows up in `npm test`.
 * It checks that every measurement runs and returns sane samples; it never asserts a timing
 * (this machine is shared). Everything is written under one temporary folder: the vault (with
 * the cheapest KDF, not the calibrated one), the unencrypted copy, and the two children's
 * scratch folders (they use mkdtemp in the system temp folder). The renderer build is left out:
 * it takes longer than the whole of this test and writes to the benchmark's cache folder.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../main/core/core';
import { scryptParams } from '../../../main/core/vault/kdf';
import {
  caseOpens,
  caseloadPages,
  caseloadSearches,
  chronologies,
  continuationProbes,
  ftsContinuations,
  ftsSearches,
  measureUnlock,
  noteWrites,
  probe,
  type Probe,
  unifiedSearches,
} from '../../bench/core-metrics';
import { BENCH_PASSWORD, BENCH_USER, REPO_ROOT, buildDemoVault, type DemoVaultMeta } from '../../bench/demo-vault';
import { plainCopyOf } from '../../bench/plain-baseline';

const CASES = 30;
let work: string;
let meta: DemoVaultMeta;
let core: Core;
let p: Probe;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'ncats-bench-smoke-'));
  meta = await buildDemoVault(work, CASES, 'smoke', scryptParams(2 ** 14));
  core = createCore(join(work, 'vault'));
  await core.manager.unlock(BENCH_USER, BENCH_PASSWORD);
  p = probe(core.manager.current().db, 'smoke');
}, 120_000);

afterAll(() => {
  core?.manager.dispose();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Every sample a finite, non-negative number of milliseconds, and as many as asked for. */
function sane(samples: number[], runs: number): void {
  expect(samples).toHaveLength(runs);
  for (const ms of samples) expect(Number.isFinite(ms) && ms >= 0).toBe(true);
}

/** Run one of the benchmark's child processes and parse its one-line JSON answer. */
function child(script: string, mb: number): Record<string, unknown> {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', '--expose-gc', join(REPO_ROOT, 'tests', 'bench', script), String(mb)],
    { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return JSON.parse(out.trim().split('\n').at(-1) ?? 'null') as Record<string, unknown>;
}

describe('benchmark smoke run (30 cases)', () => {
  it('builds the demo vault with a largest case', () => {
    expect(meta.cases).toBe(CASES);
    expect(meta.notes).toBeGreaterThan(400);
    expect(meta.documents).toBe(6);
    expect(existsSync(join(work, 'vault'))).toBe(true);
  });

  it('measures unlock, caseload, search, case open, chronology and note write through the router', async () => {
    const unlock = await measureUnlock(join(work, 'vault'), 2);
    sane(unlock.kdf, 2);
    sane(unlock.rest, 2);
    sane(await caseloadPages(core.router, p, 7), 7);
    sane(await caseloadSearches(core.router, p, 5), 5);
    sane(await ftsSearches(core.router, p, 10), 10);
    sane(await ftsContinuations(core.router, continuationProbes(core.manager.current().db), 4), 4);
    sane(await unifiedSearches(core.router, p, 4), 4);
    sane(await caseOpens(core.router, p.typicalCaseIds, 5), 5);
    sane(await caseOpens(core.router, [meta.largestCaseId], 3), 3);
    sane(await chronologies(core.router, [meta.largestCaseId], 3), 3);
    sane(await noteWrites(core.router, p.typicalCaseIds, 5), 5);
  });

  it('serves an unencrypted copy through the same router for the baseline, then deletes it', async () => {
    const plain = plainCopyOf(core.manager.current(), join(work, 'plain-run'));
    try {
      sane(await ftsSearches(plain.router, p, 5), 5);
      sane(await caseOpens(plain.router, p.typicalCaseIds, 5), 5);
    } finally {
      plain.remove();
    }
    expect(existsSync(join(work, 'plain-run', 'plain'))).toBe(false);
  });

  it('runs the attachment and bundle children on a few megabytes', () => {
    const a = child('child-attachment.ts', 4);
    expect(a.inMBps).toBeGreaterThan(0);
    expect(a.outMBps).toBeGreaterThan(0);
    const b = child('child-bundle.ts', 4);
    expect(b.exportMBps).toBeGreaterThan(0);
    expect(b.importMBps).toBeGreaterThan(0);
  }, 60_000);
});
