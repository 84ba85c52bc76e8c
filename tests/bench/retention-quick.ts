/**
 * `tsx tests/bench/retention-quick.ts [cases]`: the Records retention review list's first page
 * (`retention:list`'s service: the stale check, the page, its count and its audit row) on a fresh
 * temporary vault of synthetic closed cases. The demo generator writes only recent cases (none
 * due for review for twenty years), so this bench makes its own: cases referred and closed
 * between 1995 and 2025, about 60 % closed, inserted straight into the tables the list reads.
 * Also the one-off cost of computing every review date the first time (after an upgrade to
 * schema 200), and the query plan. The vault is removed afterwards.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../main/core/core';
import { scryptParams } from '../../main/core/vault/kdf';
import { listForReview } from '../../main/core/retention/retention.service';
import { refreshStale, reviewPage } from '../../main/core/retention/retention.repo';
import { emitSamples, emitValue, printTable, say } from './report';

const cases = Number(process.argv[2] ?? '10000');
const runs = Number(process.argv[3] ?? '200');
const dir = mkdtempSync(join(tmpdir(), 'ncats-retention-bench-'));
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

/** A small deterministic random stream, so every run writes the same vault. */
function stream(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

try {
  const core = createCore(join(dir, 'vault'), { vault: { kdf: scryptParams(2 ** 14) } });
  const made = await core.router('vault:create', {
    username: 'bench',
    displayName: 'Bea Bench',
    password: 'a long enough password',
  });
  if (!made.ok) throw new Error(made.error.message);
  const vault = core.manager.current();
  const { db } = vault;
  const r = stream(15);
  const day = (from: number, span: number) =>
    new Date(from + Math.floor(r() * span) * 86_400_000).toISOString().slice(0, 10);
  const insertCase = db.prepare(
    `INSERT INTO cases (id, reference, ref_year, ref_seq, status, referral_date, age_at_referral, created_at, updated_at, updated_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertPerson = db.prepare('INSERT INTO young_people (case_id, initials, date_of_birth) VALUES (?, ?, ?)');
  const insertHistory = db.prepare(
    `INSERT INTO case_status_history (id, case_id, from_status, to_status, reason, changed_at, changed_by) VALUES (?, ?, 'active', 'closed', 'Work completed', ?, ?)`,
  );
  const t0 = performance.now();
  const seqByYear = new Map<number, number>();
  db.transaction(() => {
    for (let i = 0; i < cases; i++) {
      const id = randomUUID();
      const referral = day(Date.UTC(1995, 0, 1), 365 * 30);
      const year = Number(referral.slice(0, 4));
      const seq = (seqByYear.get(year) ?? 0) + 1;
      seqByYear.set(year, seq);
      const age = 8 + Math.floor(r() * 13);
      const closed = r() < 0.6;
      const at = `${referral}T10:00:00.000Z`;
      insertCase.run(
        id,
        `NC-${year}-${String(seq).padStart(4, '0')}`,
        year,
        seq,
        closed ? 'closed' : 'active',
        referral,
        age,
        at,
        at,
        vault.user.id,
      );
      insertPerson.run(
        id,
        'AB',
        r() < 0.05 ? null : `${year - age}-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)}`,
      );
      if (closed) insertHistory.run(randomUUID(), id, `${day(Date.parse(referral), 400)}T15:00:00.000Z`, vault.user.id);
    }
  })();
  say(`Vault: ${cases} cases in ${Math.round(performance.now() - t0)} ms (load ${load()})`);

  const t1 = performance.now();
  const computed = refreshStale(db);
  emitValue('retention_first_refresh_ms', performance.now() - t1, 'ms', {
    note: `${computed} review dates computed once (under load ${load()})`,
  });

  const plan = db
    .prepare(
      `EXPLAIN QUERY PLAN SELECT r.case_id FROM case_retention r JOIN cases c ON c.id = r.case_id
       LEFT JOIN disposal_proposals p ON p.case_id = r.case_id
       WHERE r.review_date IS NOT NULL AND r.review_date <= ? ORDER BY r.review_date, r.case_id LIMIT 25`,
    )
    .all('2027-06-02') as { detail: string }[];
  say(`Plan: ${plan.map((p) => p.detail).join(' | ')}`);

  const input = { withinMonths: 6, order: 'asc' as const, offset: 0, limit: 25 };
  const first = listForReview(vault, input);
  say(`Review list: ${first.total} cases due now or within 6 months; first page ${first.items.length}`);
  for (let i = 0; i < 20; i++) listForReview(vault, input);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    listForReview(vault, input);
    samples.push(performance.now() - t);
  }
  emitSamples(
    'retention_list_ms',
    samples,
    { note: `first page of ${first.total} due, ${cases} cases, under load ${load()}` },
    15,
  );
  // The same page without the service around it (no stale check, no audit row and its commit),
  // to tell the query's share of a slow sample from the write's and the machine's.
  const query: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    reviewPage(db, { until: '2027-06-02', order: 'asc', offset: 0, limit: 25 });
    query.push(performance.now() - t);
  }
  emitSamples('retention_list_query_ms', query, { note: `the page and its count alone, under load ${load()}` });
  printTable();
  core.manager.dispose();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
