/**
 * The Safe Home views at the service's scale, on a real encrypted vault: 10,000 cases, 200 runs
 * of 13 sessions with 10 carers each (2,000 families, 26,000 register entries). The rows are
 * written straight into the tables in one transaction (the app's channels would take minutes
 * for this many); the views are then read through the app's own functions. The test checks
 * that each view reads by index (no scan of the register or the sessions) and prints its
 * timings; `npm run bench` carries the figures with targets.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededThemeId } from '../../../../main/core/db/migrations/m0130-safe-home';
import { caseSafeHomeView } from '../../../../main/core/safe-home/case-view';
import { runView } from '../../../../main/core/safe-home/run-view';
import { queryRunList, queryServiceView } from '../../../../main/core/safe-home/service-view';
import type { OpenVault } from '../../../../main/core/vault/vault';
import { newVault, tempDirs, vaultDirIn } from '../temp-vault';

const CASES = 10_000;
const RUNS = 200;
const CARERS_PER_RUN = 10;
const SESSIONS = 13;

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function seedForScale(vault: OpenVault): { fullRunId: string; caseId: string } {
  const db = vault.db;
  const at = '2026-01-01T09:00:00.000Z';
  const by = vault.user.id;
  const insertCase = db.prepare(
    `INSERT INTO cases (id, reference, ref_year, ref_seq, status, referral_date, age_at_referral, created_at, updated_at, updated_by)
     VALUES (?, ?, 2025, ?, 'active', '2025-01-10', 13, ?, ?, ?)`,
  );
  const insertYoung = db.prepare(
    `INSERT INTO young_people (case_id, given_name, family_name, initials) VALUES (?, ?, ?, 'YP')`,
  );
  const insertPerson = db.prepare(
    `INSERT INTO case_people (id, case_id, kind, name, relationship, created_at, updated_at, updated_by)
     VALUES (?, ?, 'parent_carer', ?, 'Mother', ?, ?, ?)`,
  );
  const insertRun = db.prepare(
    `INSERT INTO safe_home_runs (id, title, delivery, facilitator_ids, start_date, planned_sessions, venue, closed_on,
       created_at, created_by, updated_at, updated_by) VALUES (?, ?, 'group', ?, ?, 13, 'Hall', ?, ?, ?, ?, ?)`,
  );
  const insertSession = db.prepare(
    `INSERT INTO safe_home_sessions (id, run_id, kind, seq, session_date, theme_ids, for_enrolment_ids, register_taken_at,
       register_taken_by, created_at, created_by, updated_at, updated_by) VALUES (?, ?, 'planned', ?, ?, ?, '[]', ?, ?, ?, ?, ?, ?)`,
  );
  const insertEnrolment = db.prepare(
    `INSERT INTO safe_home_enrolments (id, run_id, case_id, person_id, enrolled_on, created_at, created_by, updated_at, updated_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertEntry = db.prepare(
    `INSERT INTO safe_home_register (id, case_id, session_id, enrolment_id, state, reason, carer_note, updated_at, updated_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertNote = db.prepare(
    `INSERT INTO safe_home_group_notes (session_id, run_id, text, written_at, written_by) VALUES (?, ?, ?, ?, ?)`,
  );
  let fullRunId = '';
  let firstCase = '';
  db.transaction(() => {
    const caseIds: string[] = [];
    for (let i = 0; i < CASES; i++) {
      const id = randomUUID();
      caseIds.push(id);
      insertCase.run(id, `NC-2025-${String(i + 1).padStart(5, '0')}`, i + 1, at, at, by);
      insertYoung.run(id, `Young${i}`, `Family${i}`);
    }
    for (let r = 0; r < RUNS; r++) {
      const runId = randomUUID();
      const start = addDays('2024-01-01', r * 4);
      const finished = r < RUNS - 20;
      insertRun.run(
        runId,
        `Group ${r + 1}`,
        JSON.stringify([by]),
        start,
        finished ? addDays(start, 100) : null,
        at,
        by,
        at,
        by,
      );
      const sessionIds: string[] = [];
      for (let s = 0; s < SESSIONS; s++) {
        const id = randomUUID();
        sessionIds.push(id);
        const held = finished || s < 6;
        insertSession.run(
          id,
          runId,
          s + 1,
          addDays(start, 7 * s),
          JSON.stringify([seededThemeId(s % 8)]),
          held ? at : null,
          held ? by : null,
          at,
          by,
          at,
          by,
        );
        if (held) insertNote.run(id, runId, `The group talked about theme ${s % 8}.`, at, by);
      }
      for (let c = 0; c < CARERS_PER_RUN; c++) {
        const caseId = caseIds[(r * CARERS_PER_RUN + c) % CASES] ?? '';
        if (!firstCase) firstCase = caseId;
        const personId = randomUUID();
        insertPerson.run(personId, caseId, `Carer ${r}-${c}`, at, at, by);
        const enrolmentId = randomUUID();
        insertEnrolment.run(enrolmentId, runId, caseId, personId, start, at, by, at, by);
        sessionIds.forEach((sessionId, s) => {
          if (!finished && s >= 6) return;
          const state = (s + c) % 5 === 0 ? 'did_not_attend' : 'attended';
          insertEntry.run(
            randomUUID(),
            caseId,
            sessionId,
            enrolmentId,
            state,
            state === 'attended' ? null : 'No contact',
            `Note ${c}`,
            at,
            by,
          );
        });
      }
      if (r === RUNS - 1) fullRunId = runId;
    }
  })();
  return { fullRunId, caseId: firstCase };
}

function time(fn: () => unknown, n = 20): { p50: number; p95: number } {
  fn();
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    fn();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  const at = (q: number) => Math.round((ms[Math.min(ms.length - 1, Math.floor(q * ms.length))] ?? 0) * 10) / 10;
  return { p50: at(0.5), p95: at(0.95) };
}

function plan(vault: OpenVault, sql: string, params: Record<string, unknown> = {}): string {
  return (vault.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[])
    .map((r) => r.detail)
    .join('\n');
}

describe('Safe Home views at 10,000 cases', () => {
  const dirs = tempDirs('ncats-safe-home-scale-');
  let vault: OpenVault;
  let seeded: { fullRunId: string; caseId: string };
  beforeAll(async () => {
    vault = (await newVault(vaultDirIn(dirs.make()))).vault;
    seeded = seedForScale(vault);
  }, 120_000);
  afterAll(() => {
    vault.close();
    dirs.cleanup();
  });

  it('reads a full run (13 sessions, 10 carers) with a fixed number of indexed queries', () => {
    const view = runView(vault.db, seeded.fullRunId);
    expect(view.sessions).toHaveLength(13);
    expect(view.enrolments).toHaveLength(10);
    expect(view.register).toHaveLength(60);
    const register = plan(
      vault,
      `SELECT g.id FROM safe_home_sessions s JOIN safe_home_register g ON g.session_id = s.id WHERE s.run_id = @r`,
      { r: seeded.fullRunId },
    );
    expect(register).not.toMatch(/SCAN (g|safe_home_register)\b/);
    const t = time(() => runView(vault.db, seeded.fullRunId));
    console.info(`safeHomeRun:get (full run): p50 ${t.p50} ms, p95 ${t.p95} ms`);
    expect(t.p50).toBeLessThan(100);
  });

  it('lists runs and sums up the service with counts in SQL, not a query per carer', () => {
    const page = queryRunList(vault.db, '2026-09-01', 50, 0);
    expect(page.total).toBe(RUNS);
    expect(page.items[0]?.status).toBe('in_progress');
    const summary = queryServiceView(vault.db, '2026-09-01');
    expect(summary).toMatchObject({
      runsFinished: RUNS - 20,
      runsInProgress: 20,
      carersEnrolled: RUNS * CARERS_PER_RUN,
    });
    const list = time(() => queryRunList(vault.db, '2026-09-01', 50, 0));
    const sum = time(() => queryServiceView(vault.db, '2026-09-01'));
    console.info(`safeHomeRun:list (page of 50): p50 ${list.p50} ms, p95 ${list.p95} ms`);
    console.info(`safeHomeRun:summary: p50 ${sum.p50} ms, p95 ${sum.p95} ms`);
    expect(list.p50).toBeLessThan(200);
    expect(sum.p50).toBeLessThan(400);
  });

  it('sums the same completions from the trigger-kept counts as every run’s overview works out live', () => {
    const summary = queryServiceView(vault.db, '2026-09-01');
    const runIds = (vault.db.prepare('SELECT id FROM safe_home_runs').all() as { id: string }[]).map((r) => r.id);
    const live = runIds.flatMap((id) => runView(vault.db, id).enrolments.map((e) => e.progress.completion));
    expect(summary.carersCompleted).toBe(live.filter((c) => c === 'completed').length);
    expect(summary.carersWithdrawn).toBe(live.filter((c) => c === 'withdrawn').length);
    const ended = live.filter((c) => c !== 'in_progress').length;
    expect(summary.completionRate).toBeCloseTo(live.filter((c) => c === 'completed').length / ended, 10);
  });

  it('reads one case’s Safe Home by its own rows', () => {
    const view = caseSafeHomeView(vault.db, seeded.caseId);
    expect(view.journeys.length).toBeGreaterThan(0);
    const t = time(() => caseSafeHomeView(vault.db, seeded.caseId));
    console.info(`safeHomeCase:get: p50 ${t.p50} ms, p95 ${t.p95} ms`);
    expect(t.p50).toBeLessThan(100);
  });
});
