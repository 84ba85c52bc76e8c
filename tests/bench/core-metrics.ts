/**
 * The in-process measurements: unlock, caseload, search, case open, chronology and note write,
 * all through the real router (`createCore(...).router`) so validation and audit rows are
 * included, exactly as the renderer would call them.
 */
import type { Router } from '../../main/core/ipc/router';
import type { Db } from '../../main/core/db/connection';
import { databasePath, readHeader, writeHeader } from '../../main/core/vault/header';
import { openEncrypted } from '../../main/core/db/connection';
import { migrate } from '../../main/core/db/migrations/index';
import { appendAudit } from '../../main/core/vault/audit';
import { databaseKeyFrom } from '../../main/core/vault/database-key';
import { unwrapKey } from '../../main/core/vault/keywrap';
import { findUserById } from '../../main/core/vault/users.repo';
import { deriveKey } from '../../main/core/vault/kdf';
import { OpenVault, unlockVault } from '../../main/core/vault/vault';
import { listCaseload } from '../../main/core/cases/caseload.service';
import { caseloadQuerySchema } from '../../preload/contract/cases';
import { Random } from '../../main/core/demo/prng';
import { toFtsQuery, walkNewestFirst } from '../../main/core/search/fts-window';
import { BENCH_PASSWORD, BENCH_USER } from './demo-vault';

/** Call a channel and fail loudly on an error result: a benchmark of failures is worthless. */
export async function call(router: Router, channel: string, input: unknown): Promise<unknown> {
  const result = await router(channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
  return result.value;
}

/**
 * Unlock split into the KDF and the rest. The rest is timed directly (not as a difference,
 * which is noisy on a loaded machine) by doing what vault.ts's openSession does after the KDF:
 * unwrap the vault key and the database key, open the database (the first read checks the key), the migrations check,
 * find the user, write the audit row and the header, then the first caseload page.
 */
export async function measureUnlock(
  vaultDir: string,
  runs: number,
): Promise<{ kdf: number[]; rest: number[]; total: number[] }> {
  const header = readHeader(vaultDir);
  const slot = header.slots.find((s) => s.username === BENCH_USER);
  if (!slot) throw new Error('no bench user slot');
  const salt = Buffer.from(slot.salt, 'base64');
  // The AAD binding a key slot to its vault and user (vault.ts, slotAad); if that format ever
  // changes, unwrapping fails below and the benchmark says so.
  const aad = `ncats-slot-v1|${header.vaultId}|${slot.id}|${slot.userId}`;
  const kdf: number[] = [];
  const rest: number[] = [];
  const total: number[] = [];
  for (let i = 0; i < runs; i++) {
    const k0 = performance.now();
    const kek = await deriveKey(BENCH_PASSWORD, salt, slot.kdf);
    const t0 = performance.now();
    const key = unwrapKey(kek, slot.wrapped, aad);
    kek.fill(0);
    if (!key) throw new Error('the bench slot did not unwrap: has the slot AAD format changed?');
    // The slot holds the vault key; the database key is wrapped by it in the header.
    const databaseKey = databaseKeyFrom(header, key);
    const db = openEncrypted(databasePath(vaultDir), databaseKey);
    databaseKey.fill(0);
    migrate(db);
    const user = findUserById(db, slot.userId);
    if (!user) throw new Error('bench user missing');
    db.transaction(() => {
      appendAudit(db, {
        at: new Date().toISOString(),
        userId: user.id,
        username: user.username,
        action: 'session.unlock',
      });
      writeHeader(vaultDir, readHeader(vaultDir));
    }).immediate();
    const vault = new OpenVault(
      vaultDir,
      db,
      key,
      { id: user.id, username: user.username, displayName: user.displayName, role: user.role },
      {},
    );
    listCaseload(vault, caseloadQuerySchema.parse({}));
    rest.push(performance.now() - t0);
    kdf.push(t0 - k0);
    vault.close();
  }
  // The real thing end to end, as a check on the split.
  for (let i = 0; i < Math.max(2, Math.floor(runs / 2)); i++) {
    const t0 = performance.now();
    const vault = await unlockVault(vaultDir, BENCH_USER, BENCH_PASSWORD);
    listCaseload(vault, caseloadQuerySchema.parse({}));
    total.push(performance.now() - t0);
    vault.close();
  }
  return { kdf, rest, total };
}

/** Real values to query for, picked (seeded) from the vault itself. */
export interface Probe {
  leadWorkerId: string;
  names: string[];
  references: string[];
  dobs: string[];
  typicalCaseIds: string[];
  ftsQueries: string[];
}

export function probe(db: Db, seed: string): Probe {
  const r = new Random(`${seed}-probe`);
  const rows = db
    .prepare(
      `SELECT c.id, c.reference, y.given_name AS given, y.family_name AS family, y.date_of_birth AS dob
       FROM cases c JOIN young_people y ON y.case_id = c.id WHERE y.family_name IS NOT NULL ORDER BY c.reference`,
    )
    .all() as { id: string; reference: string; given: string; family: string; dob: string }[];
  const sample = Array.from({ length: 30 }, () => r.pick(rows));
  const lead = db.prepare('SELECT lead_worker_id AS id FROM cases WHERE lead_worker_id IS NOT NULL LIMIT 1').get() as {
    id: string;
  };
  return {
    leadWorkerId: lead.id,
    names: sample.slice(0, 10).flatMap((s) => [s.family.slice(0, 3), `${s.given} ${s.family.slice(0, 2)}`]),
    references: sample.slice(10, 20).map((s) => s.reference.slice(0, 10)),
    dobs: sample.slice(20, 30).map((s) => s.dob.split('-').reverse().join('/')),
    typicalCaseIds: sample.map((s) => s.id),
    // Common and rare words, phrases, prefixes (typed-so-far) and a young person's name.
    ftsQueries: [
      'safety plan',
      'school',
      'emotional regulation',
      'police disclosure',
      'superv',
      'trusted adults',
      'foster carer',
      'early warning signs',
      sample[0]?.given ?? 'Amelia',
      'online safety session',
    ],
  };
}

const CASELOAD_PAGES: Record<string, unknown>[] = [
  {},
  { status: ['active'], sort: 'due_date', direction: 'asc' },
  { status: ['referred', 'accepted', 'active'], sort: 'reference', direction: 'asc' },
  { flagged: true },
  { overdue: true, sort: 'due_date', direction: 'asc' },
  { service: 'safe_home', sort: 'name', direction: 'asc' },
];

/** Pages timed by caseloadPages: sample i is page i % CASELOAD_PAGE_COUNT. */
export const CASELOAD_PAGE_COUNT = CASELOAD_PAGES.length + 3;

export async function caseloadPages(router: Router, p: Probe, runs: number): Promise<number[]> {
  const pages = [
    ...CASELOAD_PAGES,
    { leadWorkerId: p.leadWorkerId, status: ['active'], sort: 'name', direction: 'asc' },
    // What the caseload opens on: my open cases (lead or allocated), by the clock.
    { mine: true, status: ['referred', 'accepted', 'active'], sort: 'due_date', direction: 'asc' },
    // All cases by the clock: read in parts along cases_due.
    { sort: 'due_date', direction: 'asc' },
  ];
  return timeRuns(runs, (i) => call(router, 'caseload:list', pages[Math.abs(i) % pages.length]));
}

/** Pages of the Assessments area timed by assessmentListPages: each status, a lead worker, a later page. */
export async function assessmentListPages(router: Router, p: Probe, runs: number): Promise<number[]> {
  const pages = [
    {},
    { status: 'overdue' },
    { status: 'due_soon' },
    { status: 'on_track' },
    { status: 'awaiting_paperwork' },
    { clinicianId: p.leadWorkerId },
    { offset: 50 },
  ];
  return timeRuns(runs, (i) => call(router, 'assessment:list', pages[Math.abs(i) % pages.length]));
}

export async function caseloadSearches(router: Router, p: Probe, runs: number): Promise<number[]> {
  const searches = [...p.names, ...p.references, ...p.dobs];
  return timeRuns(runs, (i) => call(router, 'caseload:list', { search: searches[Math.abs(i) % searches.length] }));
}

export async function ftsSearches(router: Router, p: Probe, runs: number): Promise<number[]> {
  return timeRuns(runs, (i) =>
    call(router, 'search:notes', { query: p.ftsQueries[Math.abs(i) % p.ftsQueries.length] }),
  );
}

/** Common words whose matches fill many windows at clinical scale: what "Show older matches" is for. */
export const CONTINUATION_QUERIES = ['school', 'safety plan', 'superv', 'foster carer'];

/** How many "Show older matches" steps are timed per query (windows 2 to 6). */
const CONTINUATION_STEPS = 5;

/**
 * The cursors "Show older matches" would send: for each common query, the start of windows 2 to
 * 6, found untimed with the core's own walk. A small vault (the smoke test) may have no second
 * window; then the walk resumes half-way down the index, which is the same query shape.
 */
export function continuationProbes(db: Db): { query: string; cursor: number }[] {
  const out: { query: string; cursor: number }[] = [];
  for (const text of CONTINUATION_QUERIES) {
    const q = toFtsQuery(text);
    if (!q) continue;
    let cursor: number | null = null;
    for (let step = 0; step < CONTINUATION_STEPS; step++) {
      cursor = walkNewestFirst(db, 'notes_fts', q, cursor).nextCursor;
      if (cursor === null) break;
      out.push({ query: text, cursor });
    }
  }
  if (out.length === 0) {
    const { half } = db.prepare('SELECT max(rowid) / 2 + 1 AS half FROM notes_fts').get() as { half: number | null };
    for (const text of CONTINUATION_QUERIES) out.push({ query: text, cursor: Math.max(1, half ?? 1) });
  }
  return out;
}

/** `search:notes` resumed from a cursor, as "Show older matches" calls it. */
export async function ftsContinuations(
  router: Router,
  probes: readonly { query: string; cursor: number }[],
  runs: number,
): Promise<number[]> {
  return timeRuns(runs, (i) => {
    const probe = probes[Math.abs(i) % probes.length];
    return call(router, 'search:notes', { query: probe?.query ?? 'school', cursor: probe?.cursor ?? null });
  });
}

/** The one search box's first answer: cases, notes and documents in one `search:all` call. */
export async function unifiedSearches(router: Router, p: Probe, runs: number): Promise<number[]> {
  const queries = [...p.ftsQueries, ...p.names.slice(0, 4), ...p.dobs.slice(0, 2)];
  return timeRuns(runs, (i) => call(router, 'search:all', { query: queries[Math.abs(i) % queries.length] }));
}

/** Everything the case page shows, in the order the page asks for it. */
export async function openCase(router: Router, caseId: string): Promise<void> {
  await call(router, 'case:get', { caseId });
  await call(router, 'note:list', { caseId });
  await call(router, 'chronology:get', { caseId });
  await call(router, 'flag:list', { caseId });
  await call(router, 'task:listForCase', { caseId });
  await call(router, 'document:list', { caseId });
}

export async function caseOpens(router: Router, caseIds: readonly string[], runs: number): Promise<number[]> {
  return timeRuns(runs, (i) => openCase(router, caseIds[Math.abs(i) % caseIds.length] ?? ''));
}

export async function chronologies(router: Router, caseIds: readonly string[], runs: number): Promise<number[]> {
  return timeRuns(runs, (i) => call(router, 'chronology:get', { caseId: caseIds[Math.abs(i) % caseIds.length] }));
}

/** The Psychometrics tab's query: psychometrics:listForCase (the bands re-derived, a case.read audit row). */
export async function psychometricsForCase(
  router: Router,
  caseIds: readonly string[],
  runs: number,
): Promise<number[]> {
  return timeRuns(runs, (i) =>
    call(router, 'psychometrics:listForCase', { caseId: caseIds[Math.abs(i) % caseIds.length] }),
  );
}

export async function noteWrites(router: Router, caseIds: readonly string[], runs: number): Promise<number[]> {
  return timeRuns(runs, (i) =>
    call(router, 'note:create', {
      caseId: caseIds[Math.abs(i) % caseIds.length],
      note: {
        occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
        type: 'session',
        text: `Benchmark session note ${i}: reviewed the safety plan with the young person and their carer; agreed next steps.`,
      },
    }),
  );
}

/**
 * Time `a` and `b` call by call on the same input (a, b, then b, a, ...), so a burst of load
 * from other processes hits both sides of a pair alike. Returns the two sample lists, in pairs.
 */
export async function pairedRuns(
  runs: number,
  a: (i: number) => unknown,
  b: (i: number) => unknown,
): Promise<[number[], number[]]> {
  for (let i = 0; i < 2; i++) {
    await a(-1 - i);
    await b(-1 - i);
  }
  const as: number[] = [];
  const bs: number[] = [];
  const once = async (fn: (i: number) => unknown, i: number, into: number[]) => {
    const t0 = performance.now();
    await fn(i);
    into.push(performance.now() - t0);
  };
  for (let i = 0; i < runs; i++) {
    if (i % 2 === 0) {
      await once(a, i, as);
      await once(b, i, bs);
    } else {
      await once(b, i, bs);
      await once(a, i, as);
    }
  }
  return [as, bs];
}

/** The median of the per-pair ratios a[i] / b[i]: robust to load that comes and goes. */
export function pairedRatio(a: readonly number[], b: readonly number[]): number {
  const ratios = a.map((x, i) => x / (b[i] ?? Number.NaN)).sort((x, y) => x - y);
  return ratios[Math.floor((ratios.length - 1) / 2)] ?? Number.NaN;
}

/** Time `fn` `runs` times after `warmup` untimed runs; milliseconds per run. */
export async function timeRuns(runs: number, fn: (i: number) => unknown, warmup = 2): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn(-1 - i);
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn(i);
    out.push(performance.now() - t0);
  }
  return out;
}
