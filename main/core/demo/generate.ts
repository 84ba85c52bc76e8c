/**
 * Synthetic but realistic demo data for demos, benchmarks and screenshots. Deterministic for a
 * given seed: a seeded PRNG drives every choice (ids included) and dates are counted back from
 * a fixed reference date, never from the clock.
 */
import { listPaperworkTypes } from '../cases/paperwork.repo';
import type { OpenVault } from '../vault/vault';
import { writeDemoCase, type DemoContext } from './case-writer';
import { writeDemoPsychometrics } from './psychometrics';
import { writeDemoConsultations } from './consultations';
import { Random } from './prng';
import { planReferrals, type PlannedReferral } from './referrals';
import { writeDemoAssessments } from './assessments';
import { writeDemoAttachment } from './attachment';
import { writeDemoInterventions } from './interventions';
import { writeDemoTraining } from './training';
import { writeDemoSafeHome } from './safe-home';
import { writeDemoRetention, type DemoRetentionResult } from './retention';

/** The default "today" of demo data, so the same seed gives the same vault on any day. */
export const DEFAULT_REFERENCE_DATE = '2025-12-31';
/**
 * Bumped whenever the generator writes different data for the same seed, so that a cached demo
 * vault (the benchmark keeps one) is rebuilt rather than measured with the old data. 9: the
 * benchmark's vault has clinicians in proportion to its cases (`benchClinicians`), which changes
 * who leads and is allocated each case.
 */
export const DEMO_GENERATOR_VERSION = 9;

export interface DemoOptions {
  cases: number;
  seed?: string | number;
  /** Dates are spread over the five years before this date (YYYY-MM-DD). */
  referenceDate?: string;
  /** Cases per transaction. */
  batchSize?: number;
  /** Notes per case, [min, max]; [20, 30] (25 on average) unless given. */
  notesPerCase?: [number, number];
  /**
   * Archive cases for Records retention (`retention.ts`): closed or declined 18-30 years before
   * the reference date, with holds, deaths, care-experienced flags and a tombstone. In addition
   * to `cases`, and none unless given: the rest of the demo describes the last five years.
   */
  archiveCases?: number;
  /** Called after each batch with the number of cases written so far. */
  onProgress?: (done: number) => void;
}

export interface DemoResult {
  cases: number;
  notes: number;
  people: number;
  flags: number;
  tasks: number;
  /** What the archive for Records retention holds (all zero without `archiveCases`). */
  retention: DemoRetentionResult;
  ms: number;
}

/**
 * Write `cases` demo cases into the open vault, in batched transactions. Each batch writes ONE
 * summary audit row (`demo.generate`) instead of one per record: these are synthetic records
 * made by one explicit command, and a million audit rows would only bury real activity.
 */
export function generateDemoData(vault: OpenVault, options: DemoOptions): DemoResult {
  const started = performance.now();
  const { db } = vault;
  const ctx: DemoContext = {
    db,
    r: new Random(options.seed ?? 1),
    today: options.referenceDate ?? DEFAULT_REFERENCE_DATE,
    by: vault.user.id,
    workers: vault
      .listUsers()
      .filter((u) => !u.disabled && (u.role === 'administrator' || u.role === 'clinician'))
      .map((u) => u.id),
    paperworkTypes: listPaperworkTypes(db),
    notesPerCase: options.notesPerCase ?? [20, 30],
    totals: { cases: 0, notes: 0, people: 0, flags: 0, tasks: 0 },
  };
  const batchSize = options.batchSize ?? 250;
  const plan = planReferrals(db, ctx.r, options.cases, ctx.today);
  const assessments = {
    db,
    r: new Random(`${String(options.seed ?? 1)}:assessments`),
    today: ctx.today,
    by: ctx.by,
    workers: ctx.workers,
    totals: { assessments: 0 },
  };
  // A larger page cache while writing: SQLCipher encrypts each page it evicts, and the FTS
  // index touches many pages per note. Restored afterwards.
  const previousCache = db.pragma('cache_size', { simple: true }) as number;
  let retention: DemoRetentionResult;
  db.pragma('cache_size = -131072');
  try {
    for (let done = 0; done < options.cases;) {
      const size = Math.min(batchSize, options.cases - done);
      db.transaction(() => {
        const refs: string[] = [];
        for (let i = 0; i < size; i++) refs.push(writeDemoCase(ctx, plan[done + i] as PlannedReferral));
        writeDemoAssessments(assessments, refs);
        writeDemoPsychometrics(ctx, refs);
        writeDemoAttachment(ctx, refs);
        writeDemoInterventions(ctx, refs);
        writeDemoSafeHome(ctx, refs);
        vault.audit({
          action: 'demo.generate',
          detail: { cases: size, first: refs[0], last: refs.at(-1), seed: String(options.seed ?? 1) },
        });
      }).immediate();
      done += size;
      options.onProgress?.(done);
    }
    writeDemoConsultations(vault, options.seed ?? 1, ctx.today);
    writeDemoTraining(vault, options.seed ?? 1, ctx.today, ctx.workers);
    retention = writeDemoRetention(vault, options.seed ?? 1, ctx.today, options.archiveCases ?? 0);
  } finally {
    db.pragma(`cache_size = ${previousCache}`);
  }
  return { ...ctx.totals, retention, ms: Math.round(performance.now() - started) };
}
