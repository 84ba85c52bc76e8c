/**
 * `npm run bench [-- --cases N] [--seed S] [--skip renderer,bundles,...]`: the performance
 * benchmark at clinical scale (default 10,000 cases, about 250,000 notes, 2,000 documents).
 * `--scale` runs it at 10,000 and at 50,000 cases and prints each metric's growth (scale.ts).
 * Prints one JSON object per metric on standard output and a readable table on standard error.
 * See BENCHMARKS.md for the method and the figures. Never part of `npm test`.
 */
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createCore } from '../../main/core/core';
import { LATEST_VERSION } from '../../main/core/db/migrations/index';
import type { Router } from '../../main/core/ipc/router';
import {
  call,
  caseOpens,
  CASELOAD_PAGE_COUNT,
  caseloadPages,
  caseloadSearches,
  assessmentListPages,
  chronologies,
  CONTINUATION_QUERIES,
  continuationProbes,
  ftsContinuations,
  ftsSearches,
  measureUnlock,
  noteWrites,
  openCase,
  pairedRatio,
  pairedRuns,
  probe,
  psychometricsForCase,
  unifiedSearches,
} from './core-metrics';
import { BENCH_PASSWORD, BENCH_USER, REPO_ROOT, cacheRoot, ensureDemoVault, scratchCopy } from './demo-vault';
import { plainCopyOf } from './plain-baseline';
import { measureConsultations } from './consultation-run';
import { measureInterventions } from './intervention-metrics';
import { measureStatistics } from './stats-metrics';
import { measureBackup } from './backup-metrics';
import { measureTraining } from './training-metrics';
import { measureSafeHome } from './safe-home-metrics';
import { measureHome } from './home-metrics';
import { measureSubjectAccess } from './subject-access-metrics';
import { measureRetention } from './retention-metrics';
import { emitSamples, emitValue, percentile, printTable, round, say } from './report';
import { runScale } from './scale';
import { familyViews, largestFamilyViewCase } from './attachment-metrics';
import { buildRenderer, initialJsGzipKB, unlockToCaseload } from './renderer';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '1' },
    /** Parts to leave out (comma-separated): core, consultations, interventions, training, statistics, safe-home, home, subject-access, retention, backup, plain, attachment, bundles, renderer. */
    skip: { type: 'string', default: '' },
    /** Size of the large attachment and of the bundle's documents. */
    'big-mb': { type: 'string', default: '200' },
    /** Scales the number of timed runs (0.2 for a smoke run). */
    runs: { type: 'string', default: '1' },
    /** Run at 10,000 and 50,000 cases, each in its own process, and print the growth (scale.ts). */
    scale: { type: 'boolean', default: false },
  },
  strict: true,
});
if (values.scale) {
  // Every other option goes to both runs; the sizes are scale.ts's.
  const passThrough = process.argv
    .slice(2)
    .filter((a, i, all) => a !== '--scale' && !a.startsWith('--cases') && all[i - 1] !== '--cases');
  runScale(passThrough);
  process.exit(0);
}
const CASES = Number(values.cases);
const SEED = values.seed;
const BIG_MB = Number(values['big-mb']);
const SKIP = new Set(values.skip.split(',').filter(Boolean));
const RUNS = (n: number): number => Math.max(5, Math.round(n * Number(values.runs)));

/** Run a memory-sensitive measurement in a fresh Node process; it answers with one JSON line. */
function child<T>(script: string, ...args: string[]): T {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', '--expose-gc', join(REPO_ROOT, 'tests', 'bench', script), ...args],
    {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 1024 * 1024,
    },
  );
  return JSON.parse(out.trim().split('\n').at(-1) ?? 'null') as T;
}

say(`NCATS benchmark: ${CASES} cases, seed ${SEED}, schema ${LATEST_VERSION}`);
say(
  `Machine: ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), ${round(totalmem() / 1024 ** 3, 1)} GiB, Node ${process.version}, load ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
const started = performance.now();
const { dir: cacheDir, meta, built } = await ensureDemoVault(CASES, SEED);
if (built) {
  emitValue('demo_generate_s', meta.generateMs / 1000, 's', { note: `${meta.cases} cases, ${meta.notes} notes` });
  emitValue('demo_documents_s', meta.documentsMs / 1000, 's', { note: `${meta.documents} documents + largest case` });
}
const scratch = await scratchCopy(cacheDir);
/** Filled in once the vault is open (the SQLite and cipher versions come from the database). */
const info = { node: process.version, sqlite: '', cipher: '' };
try {
  if (!SKIP.has('core')) {
    say('Unlock ...');
    const unlock = await measureUnlock(scratch.vaultDir, RUNS(5));
    emitSamples('unlock_kdf_ms', unlock.kdf, { note: 'scrypt, calibrated by the app at vault creation' });
    emitSamples('unlock_rest_ms', unlock.rest, {
      note: `unwrap + open/key check + migrations check + audit row + header + first caseload page; whole unlock p50 ${round(percentile(unlock.total, 50))} ms`,
    });

    const core = createCore(scratch.vaultDir);
    await core.manager.unlock(BENCH_USER, BENCH_PASSWORD);
    const vault = core.manager.current();
    const sqlite = vault.db.prepare('SELECT sqlite_version() AS v').get() as { v: string };
    info.sqlite = sqlite.v;
    info.cipher = String(vault.db.pragma('cipher', { simple: true }));
    const p = probe(vault.db, SEED);
    const largest = [meta.largestCaseId];

    say('Caseload, search, case open, chronology, note write ...');
    const pages = await caseloadPages(core.router, p, RUNS(70));
    // Sample i is page i % CASELOAD_PAGE_COUNT (core-metrics.ts): name the slowest page, as it dominates the p95.
    const perPage = Array.from({ length: CASELOAD_PAGE_COUNT }, (_, k) =>
      pages.filter((_, i) => i % CASELOAD_PAGE_COUNT === k),
    );
    const p95s = perPage.map((s) => round(percentile(s, 95), 1));
    emitSamples(
      'caseload_page_ms',
      pages,
      {
        note: `${CASELOAD_PAGE_COUNT} filter/sort combinations, 50 rows + count; p95 per page ${p95s.join(' / ')} ms`,
      },
      15,
    );
    emitSamples(
      'assessment_list_ms',
      await assessmentListPages(core.router, p, RUNS(70)),
      {
        note: 'Assessments area: open assessments by due date, 50 rows + count; 7 status / lead worker / page combinations',
      },
      15,
    );
    const familyCase = largestFamilyViewCase(vault.db);
    if (familyCase) {
      emitSamples(
        'attachment_family_view_ms',
        await familyViews(core.router, familyCase.caseId, RUNS(70)),
        {
          note: `attachment:familyView of the largest case (${familyCase.procedures} DMM procedures, ${familyCase.carers} parents or carers), with its audit row`,
        },
        10,
      );
    }
    emitSamples('caseload_search_ms', await caseloadSearches(core.router, p, RUNS(60)), {
      note: 'name prefix, reference prefix, date of birth',
    });
    const ftsEnc = await ftsSearches(core.router, p, RUNS(60));
    emitSamples(
      'fts_search_ms',
      ftsEnc,
      { note: `${p.ftsQueries.length} queries over ${meta.notes} notes, first page grouped by case` },
      20,
    );
    const continuations = continuationProbes(vault.db);
    const windowsPerQuery = CONTINUATION_QUERIES.map((q) => continuations.filter((c) => c.query === q).length);
    emitSamples(
      'fts_continue_ms',
      await ftsContinuations(core.router, continuations, RUNS(60)),
      {
        note: `"Show older matches": search:notes from a cursor, windows 2-6 of ${CONTINUATION_QUERIES.join(', ')} (${windowsPerQuery.join(' / ')} continuations found)`,
      },
      20,
    );
    emitSamples('search_all_ms', await unifiedSearches(core.router, p, RUNS(60)), {
      note: 'search:all first page: cases (identity search) + notes + documents, one transaction and audit row',
    });
    const openEnc = await caseOpens(core.router, p.typicalCaseIds, RUNS(60));
    emitSamples(
      'case_open_ms',
      openEnc,
      { note: 'typical case: case:get + notes + chronology + flags + tasks + documents' },
      30,
    );
    emitSamples(
      'case_open_largest_ms',
      await caseOpens(core.router, largest, RUNS(30)),
      { note: 'the largest case (about 425 notes, 40 documents)' },
      30,
    );
    emitSamples('chronology_ms', await chronologies(core.router, p.typicalCaseIds, RUNS(60)), {
      note: 'typical case, first page',
    });
    emitSamples('chronology_largest_ms', await chronologies(core.router, largest, RUNS(30)), {
      note: 'largest case, first page',
    });
    const administrations = (
      vault.db
        .prepare('SELECT count(*) AS n FROM psychometric_administrations WHERE case_id = ?')
        .get(meta.largestCaseId) as { n: number }
    ).n;
    emitSamples(
      'psychometrics_case_ms',
      await psychometricsForCase(core.router, largest, RUNS(60)),
      { note: `largest case, psychometrics:listForCase: ${administrations} administrations, each banded` },
      15,
    );
    emitSamples(
      'note_write_ms',
      await noteWrites(core.router, p.typicalCaseIds, RUNS(60)),
      { note: 'note:create: transaction with FTS update and audit row' },
      10,
    );

    if (!SKIP.has('consultations')) await measureConsultations(core.router, vault, RUNS);
    if (!SKIP.has('interventions')) await measureInterventions(core.router, vault, RUNS);
    if (!SKIP.has('statistics')) {
      const signIn = { vaultDir: scratch.vaultDir, username: BENCH_USER, password: BENCH_PASSWORD };
      await measureStatistics(core.router, vault, signIn, RUNS);
    }
    if (!SKIP.has('training')) await measureTraining(core.router, vault, RUNS);
    if (!SKIP.has('safe-home')) await measureSafeHome(core.router, vault, RUNS);
    if (!SKIP.has('home')) await measureHome(vault, RUNS);
    if (!SKIP.has('subject-access')) await measureSubjectAccess(vault, meta.largestCaseId, RUNS);
    if (!SKIP.has('backup')) await measureBackup(vault, { username: BENCH_USER, password: BENCH_PASSWORD }, RUNS);

    if (!SKIP.has('plain')) {
      say('Unencrypted baseline (plaintext copy in a scratch folder, deleted afterwards) ...');
      const plain = plainCopyOf(vault, join(cacheRoot(), `run-${process.pid}`));
      try {
        // Encrypted and plain alternate call by call on the same input, so machine load hits
        // both sides of each pair alike; the ratio is the median of the per-pair ratios.
        const fts = (r: Router) => (i: number) =>
          call(r, 'search:notes', { query: p.ftsQueries[Math.abs(i) % p.ftsQueries.length] });
        const open = (r: Router) => (i: number) =>
          openCase(r, p.typicalCaseIds[Math.abs(i) % p.typicalCaseIds.length] ?? '');
        const [enc, pln] = await pairedRuns(RUNS(60), fts(core.router), fts(plain.router));
        const [openE, openP] = await pairedRuns(RUNS(60), open(core.router), open(plain.router));
        const ratio = (a: number[], b: number[]) => pairedRatio(a, b);
        const describe = (a: number[], b: number[]) =>
          `median of ${a.length} paired ratios; p50 ${round(percentile(a, 50))} vs ${round(percentile(b, 50))} ms (ratio of p50s ${round(percentile(a, 50) / percentile(b, 50))}), p95 ${round(percentile(a, 95))} vs ${round(percentile(b, 95))} ms (encrypted vs plain)`;
        emitValue('fts_search_ratio_plain', ratio(enc, pln), 'x', {
          target: '<= 1.6',
          met: ratio(enc, pln) <= 1.6,
          note: describe(enc, pln),
        });
        emitValue('case_open_ratio_plain', ratio(openE, openP), 'x', {
          target: '<= 1.6',
          met: ratio(openE, openP) <= 1.6,
          note: describe(openE, openP),
        });
      } finally {
        plain.remove();
      }
    }
    core.manager.dispose();
  }

  if (!SKIP.has('retention')) {
    // Its own sign-in, so `--skip core` runs it alone.
    const core = createCore(scratch.vaultDir);
    await core.manager.unlock(BENCH_USER, BENCH_PASSWORD);
    try {
      await measureRetention(core.manager.current(), RUNS);
    } finally {
      core.manager.dispose();
    }
  }

  if (!SKIP.has('attachment')) {
    say(`Attachment: ${BIG_MB} MB in and out (child process) ...`);
    const a = child<{
      inMBps: number;
      outMBps: number;
      inPeakGrowthMB: number;
      outPeakGrowthMB: number;
      rangeReadMs: number;
    }>('child-attachment.ts', String(BIG_MB));
    emitValue('attachment_mb_s', a.inMBps, 'MB/s', {
      target: '>= 600',
      met: a.inMBps >= 600,
      note: `stream in (encrypt + hash + fsync); out: ${round(a.outMBps, 1)} MB/s`,
    });
    emitValue('attachment_read_mb_s', a.outMBps, 'MB/s', {
      target: '>= 600',
      met: a.outMBps >= 600,
      note: 'stream out (decrypt + verify)',
    });
    emitValue('attachment_range_read_ms', a.rangeReadMs, 'ms', {
      note: 'one 64 KiB range (a video seek), open to end',
    });
    emitValue('attachment_peak_rss_mb', Math.max(a.inPeakGrowthMB, a.outPeakGrowthMB), 'MB', {
      note: `peak RSS growth, in ${round(a.inPeakGrowthMB, 1)} / out ${round(a.outPeakGrowthMB, 1)} MB`,
    });
  }

  if (!SKIP.has('bundles')) {
    say(`Bundles: a case with ${BIG_MB} MB of documents, export and import (child process) ...`);
    const b = child<{
      tarMB: number;
      exportSeconds: number;
      importSeconds: number;
      exportMBps: number;
      importMBps: number;
      exportPeakGrowthMB: number;
      importPeakGrowthMB: number;
      age: { encryptSeconds: number; decryptSeconds: number } | null;
    }>('child-bundle.ts', String(BIG_MB));
    emitValue('bundle_export_mb_s', b.exportMBps, 'MB/s', { target: '>= 50', met: b.exportMBps >= 50 });
    emitValue('bundle_import_mb_s', b.importMBps, 'MB/s', { target: '>= 50', met: b.importMBps >= 50 });
    const peak = Math.max(b.exportPeakGrowthMB, b.importPeakGrowthMB);
    emitValue('bundle_peak_rss_mb', peak, 'MB', {
      target: '<= 150',
      met: peak <= 150,
      note: `export ${round(b.exportPeakGrowthMB, 1)} / import ${round(b.importPeakGrowthMB, 1)} MB`,
    });
    if (b.age) {
      const ageMBps = b.tarMB / b.age.encryptSeconds;
      const exportRatio = b.age.encryptSeconds / b.exportSeconds;
      emitValue('bundle_export_ratio_age_cli', exportRatio, 'x', {
        target: '>= 0.5',
        met: exportRatio >= 0.5,
        note: `age CLI time / our export time for the same ${round(b.tarMB, 1)} MB plaintext (1 = as fast as age); age encrypts at ${round(ageMBps, 1)} MB/s, decrypts at ${round(b.tarMB / b.age.decryptSeconds, 1)} MB/s`,
      });
      const importRatio = b.age.decryptSeconds / b.importSeconds;
      emitValue('bundle_import_ratio_age_cli', importRatio, 'x', {
        target: '>= 0.5',
        met: importRatio >= 0.5,
        note: `age -d time / our import time for the same ${round(b.tarMB, 1)} MB (1 = as fast as age)`,
      });
    } else {
      say('  /usr/bin/age is not installed: no bundle_export_ratio_age_cli.');
    }
  }

  if (!SKIP.has('renderer')) {
    say('Renderer: web build (to a scratch folder) and unlock -> caseload in Chromium ...');
    const outDir = join(cacheRoot(), `renderer-${process.pid}`);
    try {
      buildRenderer(outDir);
      const js = initialJsGzipKB(outDir);
      emitValue('renderer_js_gz_kb', js.kb, 'KB', {
        target: '<= 350',
        met: js.kb <= 350,
        note: `${js.files.length} initial file(s), ${round(js.rawKB, 1)} KB before gzip`,
      });
      const shown = await unlockToCaseload(scratch.vaultDir, outDir, RUNS(10));
      // Each sample minus the KDF of that same sign-in (timed inside the core's scrypt call).
      const samples = shown.samples.map((s) => s.totalMs - s.kdfMs);
      const odd = shown.samples.filter((s) => s.kdfRuns !== 1).length;
      const kdfs = shown.samples.map((s) => s.kdfMs);
      const totals = shown.samples.map((s) => s.totalMs);
      emitSamples(
        'unlock_to_caseload_ms',
        samples,
        {
          note: `submit -> ${shown.painted === 'caseload' ? 'first caseload row' : 'shell (no caseload row found)'} painted, minus the KDF of the same unlock (KDF p50 ${round(percentile(kdfs, 50))} ms; with KDF p50 ${round(percentile(totals, 50))} / p95 ${round(percentile(totals, 95))} ms)${odd ? `; ${odd} sign-in(s) saw other than one scrypt run` : ''}`,
        },
        1000,
      );
    } catch (err) {
      say(`  renderer measurement failed: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      execFileSync('rm', ['-rf', outDir]);
    }
  }
} finally {
  scratch.remove();
}
emitValue('bench_context', loadavg()[0] ?? 0, 'load1', {
  note: `${cpus().length} CPUs ${cpus()[0]?.model ?? ''}; Node ${info.node}; SQLite ${info.sqlite}; cipher ${info.cipher}; ${meta.cases} cases, ${meta.notes} notes, ${meta.documents} documents; ${round((performance.now() - started) / 1000, 1)} s`,
});
printTable();
