/**
 * The benchmark's demo vault: built once per (cases, seed, schema version) and kept under
 * node_modules/.cache/ncats-bench/, then copied to a scratch folder for each run so the
 * measurements (note writes, audit rows) never change the cached copy.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { PRE_MIGRATION_FOLDER } from '../../main/core/backup/before-migration';
import { LATEST_VERSION } from '../../main/core/db/migrations/index';
import { DEMO_GENERATOR_VERSION, generateDemoData } from '../../main/core/demo/generate';
import { Random } from '../../main/core/demo/prng';
import { ANY_GIVEN_NAMES, FAMILY_NAMES } from '../../main/core/demo/vocabulary';
import { importDocument } from '../../main/core/documents/documents.service';
import { createNote } from '../../main/core/notes/notes.service';
import { instruments, recordAdministration } from '../../main/core/psychometrics/psychometrics.service';
import { scryptParams, type KdfParams } from '../../main/core/vault/kdf';
import { createVault, unlockVault, type OpenVault } from '../../main/core/vault/vault';
import type { InstrumentView } from '../../preload/contract/psychometrics';
import { say } from './report';

export const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const BENCH_USER = 'bench';
/** Synthetic vault, synthetic password: it protects nothing but demo data. */
export const BENCH_PASSWORD = 'benchmark password 2025';
/** Extra notes on the one "largest case" (a long-running case: years of sessions). */
export const LARGEST_CASE_EXTRA_NOTES = 400;
export const LARGEST_CASE_DOCUMENTS = 40;
/**
 * Questionnaires on the largest case: outcome measures repeated through years of sessions (an
 * ORS or CORS most months, an SDQ and RCADS now and then), so the Psychometrics tab has a long list.
 */
export const LARGEST_CASE_ADMINISTRATIONS = 48;

export interface DemoVaultMeta {
  schemaVersion: number;
  /** The demo generator's version (DEMO_GENERATOR_VERSION) that wrote the vault. */
  generatorVersion: number;
  cases: number;
  seed: string;
  notes: number;
  documents: number;
  largestCaseId: string;
  generateMs: number;
  documentsMs: number;
  builtAt: string;
}

/**
 * Where the cached vaults live. `NCATS_BENCH_CACHE` moves it: two checkouts sharing one
 * node_modules (git worktrees) at different schema versions would otherwise rebuild each
 * other's cache in turn, or at the same time.
 */
export function cacheRoot(): string {
  return process.env.NCATS_BENCH_CACHE ?? join(REPO_ROOT, 'node_modules', '.cache', 'ncats-bench');
}

function metaPath(dir: string): string {
  return join(dir, 'bench-meta.json');
}

/** Small synthetic files: the count matters for list and chronology queries, not their size. */
function syntheticFile(r: Random, bytes: number): Buffer {
  const words = ['report', 'meeting', 'plan', 'assessment', 'school', 'network', 'safety', 'review', 'letter'];
  const parts: string[] = [];
  let size = 0;
  while (size < bytes) {
    const w = r.pick(words);
    parts.push(w);
    size += w.length + 1;
  }
  return Buffer.from(parts.join(' ').slice(0, bytes), 'utf8');
}

/** The demo's clinicians besides the bench user: four named ones, then one per 150 cases in all. */
export function benchClinicians(cases: number): [username: string, displayName: string][] {
  const named: [string, string][] = [
    ['cara', 'Cara Clinician'],
    ['dev', 'Dev Okafor'],
    ['erin', 'Erin Walsh'],
    ['faisal', 'Faisal Khan'],
  ];
  const count = Math.max(named.length, Math.round(cases / 150));
  const more: [string, string][] = [];
  for (let i = named.length; i < count; i++) {
    const given = ANY_GIVEN_NAMES[(i * 7) % ANY_GIVEN_NAMES.length] as string;
    const family = FAMILY_NAMES[(i * 13) % FAMILY_NAMES.length] as string;
    more.push([`clinician${String(i + 1).padStart(3, '0')}`, `${given} ${family}`]);
  }
  return [...named, ...more];
}

/**
 * Build the demo vault in `dir`/vault. The benchmark uses the app's own KDF calibration (about
 * 0.5 s here) so the unlock figures are real; the smoke test passes the cheapest `kdf` instead.
 */
export async function buildDemoVault(
  dir: string,
  cases: number,
  seed: string,
  kdf?: KdfParams,
): Promise<DemoVaultMeta> {
  const vaultDir = join(dir, 'vault');
  const { vault: created } = await createVault(
    vaultDir,
    { username: BENCH_USER, displayName: 'Bea Bench', password: BENCH_PASSWORD },
    kdf ? { kdf } : {},
  );
  created.close();
  // Clinicians in proportion to the cases, as a real service staffs them: about one for every
  // 150 referrals over the demo's five years, which gives each (the bench user included) 40-60
  // open cases at any size. With a fixed four, "my open cases" grew with the vault. Their slots
  // use the cheapest KDF because nobody signs in as them.
  const fast = { kdf: scryptParams(2 ** 14) };
  const vault = await unlockVault(vaultDir, BENCH_USER, BENCH_PASSWORD, fast);
  try {
    for (const [username, displayName] of benchClinicians(cases)) {
      await vault.addUser({ username, displayName, password: BENCH_PASSWORD, role: 'clinician' });
    }
    const result = generateDemoData(vault, {
      cases,
      seed,
      // Records retention's archive (closed 18-30 years ago), so its review list has cases due.
      archiveCases: Math.round(cases / 20),
      onProgress: (done) => {
        if (done % Math.max(250, Math.floor(cases / 10)) === 0 || done === cases)
          say(`  demo: ${done} of ${cases} cases`);
      },
    });
    say(`  demo: ${result.cases} cases, ${result.notes} notes in ${(result.ms / 1000).toFixed(1)} s`);

    const docsStarted = performance.now();
    const r = new Random(`${seed}-documents`);
    const caseIds = (vault.db.prepare('SELECT id FROM cases ORDER BY reference').all() as { id: string }[]).map(
      (c) => c.id,
    );
    // The "largest case": an active case with years of extra notes and many documents.
    const largest =
      (
        vault.db.prepare(`SELECT id FROM cases WHERE status = 'active' ORDER BY referral_date LIMIT 1`).get() as
          { id: string } | undefined
      )?.id ?? caseIds[0];
    if (!largest) throw new Error('the demo wrote no cases');
    const documentCount = Math.max(1, Math.round(cases / 5));
    for (let i = 0; i < documentCount; i++) {
      const caseId = i < LARGEST_CASE_DOCUMENTS ? largest : r.pick(caseIds);
      const kind = r.pick(['Referral form', 'School report', 'Police disclosure', 'Assessment report', 'Letter']);
      await importDocument(
        vault,
        { caseId, filename: `${kind.toLowerCase().replace(/ /g, '-')}-${i + 1}.txt`, title: `${kind} ${i + 1}` },
        Readable.from([syntheticFile(r, r.int(2_000, 64_000))]),
      );
      if ((i + 1) % 500 === 0) say(`  documents: ${i + 1} of ${documentCount}`);
    }
    for (let i = 0; i < LARGEST_CASE_EXTRA_NOTES; i++) {
      const day = new Date(Date.UTC(2021, 0, 4) + i * 4 * 86_400_000).toISOString();
      createNote(vault, largest, {
        occurredAt: day,
        type: i % 3 === 0 ? 'session' : 'case_note',
        text: `Session ${i + 1}: worked on the safety plan and on recognising early warning signs; discussed school and family contact.`,
        thirdPartySensitive: false,
      });
    }
    writeLargestCasePsychometrics(vault, largest, new Random(`${seed}-largest-psychometrics`));
    const documentsMs = Math.round(performance.now() - docsStarted);
    say(
      `  documents and the largest case: ${documentCount} documents, ${LARGEST_CASE_EXTRA_NOTES} extra notes, ${LARGEST_CASE_ADMINISTRATIONS} questionnaires in ${(documentsMs / 1000).toFixed(1)} s`,
    );
    vault.db.pragma('wal_checkpoint(TRUNCATE)');
    return {
      schemaVersion: LATEST_VERSION,
      generatorVersion: DEMO_GENERATOR_VERSION,
      cases,
      seed,
      notes: result.notes + LARGEST_CASE_EXTRA_NOTES,
      documents: documentCount,
      largestCaseId: largest,
      generateMs: result.ms,
      documentsMs,
      builtAt: new Date().toISOString(),
    };
  } finally {
    vault.close();
  }
}

/** The largest case's questionnaires, through the service as a clinician records them. */
function writeLargestCasePsychometrics(vault: OpenVault, caseId: string, r: Random): void {
  const catalogue = instruments(vault, false).filter((i) => i.respondent === 'young_person');
  const named = (name: string) => catalogue.find((i) => i.name === name);
  const cycle = ['ORS', 'CORS', 'SDQ', 'ORS', 'RCADS', 'Goal Based Outcomes']
    .map(named)
    .filter((i): i is InstrumentView => i !== undefined);
  if (cycle.length === 0) throw new Error('the catalogue has none of the seeded young-person instruments');
  for (let n = 0; n < LARGEST_CASE_ADMINISTRATIONS; n++) {
    const instrument = cycle[n % cycle.length] as InstrumentView;
    const scores = instrument.scales.map((s) => {
      const value = s.min + r.next() * (s.max - s.min);
      return { scaleKey: s.key, score: s.integer ? Math.round(value) : Math.round(value * 10) / 10 };
    });
    recordAdministration(vault, caseId, {
      administeredOn: new Date(Date.UTC(2021, 0, 11) + n * 30 * 86_400_000).toISOString().slice(0, 10),
      instrumentId: instrument.id,
      respondentPersonId: null,
      respondentName: null,
      administeredBy: vault.user.id,
      scores,
      notes: n % 4 === 0 ? 'Completed in the session; discussed with the young person.' : null,
    });
  }
}

/**
 * The cached demo vault for (cases, seed), rebuilt when missing, half-built or made by another
 * schema version. Returns the cache folder and what it holds.
 */
export async function ensureDemoVault(
  cases: number,
  seed: string,
): Promise<{ dir: string; meta: DemoVaultMeta; built: boolean }> {
  const dir = join(cacheRoot(), `${cases}-${seed}`);
  if (existsSync(metaPath(dir))) {
    const meta = JSON.parse(readFileSync(metaPath(dir), 'utf8')) as DemoVaultMeta;
    // A vault of an older schema is still good: each scratch copy is migrated (scratchCopy), so
    // a new migration costs one upgrade per run, not a rebuild of the cache.
    const current = meta.schemaVersion <= LATEST_VERSION && meta.generatorVersion === DEMO_GENERATOR_VERSION;
    if (current && meta.cases === cases && existsSync(join(dir, 'vault'))) {
      return { dir, meta, built: false };
    }
    say(
      `Cached demo vault is for schema ${meta.schemaVersion}, generator ${meta.generatorVersion ?? 1}; this code is at ${LATEST_VERSION}, ${DEMO_GENERATOR_VERSION}: rebuilding.`,
    );
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  say(`Building the demo vault (${cases} cases, seed ${seed}) in ${dir} ...`);
  const meta = await buildDemoVault(dir, cases, seed);
  // Written last: a build that stopped half-way has no meta file and is rebuilt next time.
  writeFileSync(metaPath(dir), JSON.stringify(meta, null, 2));
  return { dir, meta, built: true };
}

/**
 * A scratch copy of the cached vault for one run, at this code's schema: a cache written by an
 * older schema is upgraded here, before anything is timed, so no figure includes a migration.
 * Remove it with the returned function.
 */
export async function scratchCopy(cacheDir: string): Promise<{ vaultDir: string; remove(): void }> {
  const scratch = join(cacheRoot(), `run-${process.pid}`);
  rmSync(scratch, { recursive: true, force: true });
  const vaultDir = join(scratch, 'vault');
  cpSync(join(cacheDir, 'vault'), vaultDir, { recursive: true });
  const meta = JSON.parse(readFileSync(metaPath(cacheDir), 'utf8')) as DemoVaultMeta;
  if (meta.schemaVersion < LATEST_VERSION) {
    const started = performance.now();
    const vault = await unlockVault(vaultDir, BENCH_USER, BENCH_PASSWORD);
    vault.close();
    // The upgrade's own copy of the vault as it was: not wanted in a scratch copy, and large.
    rmSync(join(vaultDir, PRE_MIGRATION_FOLDER), { recursive: true, force: true });
    say(
      `  scratch copy upgraded from schema ${meta.schemaVersion} to ${LATEST_VERSION} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  }
  return { vaultDir, remove: () => rmSync(scratch, { recursive: true, force: true }) };
}
