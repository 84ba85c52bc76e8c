/**
 * Demo Safe Home: `ncats demo` writes group runs mixing families, with registers (apologies and
 * DNAs among them), group notes that name no one, withdrawals, catch-ups, safety-plan versions
 * and completions by the default rule; every stored row passes its record's stored schema.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import '../../../../main/core/core';
import { generateDemoData } from '../../../../main/core/demo/generate';
import { carerProgress, groupNoteNamesProblem, DEFAULT_COMPLETION_RULE } from '../../../../preload/contract/safe-home';
import * as records from '../../../../main/core/safe-home/safe-home.records';
import { makeVault, type TestVault } from '../cases/fixtures';

let t: TestVault;
beforeAll(async () => {
  t = await makeVault('2025-12-31T12:00:00Z');
  generateDemoData(t.vault, { cases: 400, seed: 'safe-home', batchSize: 200, notesPerCase: [0, 1] });
}, 180_000);
afterAll(() => t.cleanup());

const all = <T>(sql: string, ...args: unknown[]) => t.vault.db.prepare(sql).all(...args) as T[];

describe('demo Safe Home', () => {
  it('writes group runs of 4-7 families and 12-14 sessions, and the odd run for one family', () => {
    const runs = all<{ id: string; delivery: string; planned_sessions: number; families: number; carers: number }>(
      `SELECT r.id, r.delivery, r.planned_sessions, count(DISTINCT e.case_id) AS families, count(*) AS carers
         FROM safe_home_runs r JOIN safe_home_enrolments e ON e.run_id = r.id GROUP BY r.id`,
    );
    expect(runs.length).toBeGreaterThanOrEqual(3);
    for (const r of runs) {
      expect(r.planned_sessions).toBeGreaterThanOrEqual(12);
      expect(r.planned_sessions).toBeLessThanOrEqual(14);
      if (r.delivery === 'group') expect(r.families).toBeGreaterThanOrEqual(1);
      else expect(r.families).toBe(1);
    }
    expect(runs.some((r) => r.delivery === 'group' && r.families >= 4 && r.carers >= 6)).toBe(true);
    expect(Math.max(...runs.map((r) => r.carers))).toBeLessThanOrEqual(10);
  });

  it('writes registers with apologies and DNAs, withdrawals, catch-ups and safety plans reviewed', () => {
    const states = new Set(all<{ state: string }>('SELECT DISTINCT state FROM safe_home_register').map((r) => r.state));
    expect([...states].sort()).toEqual(['apologies', 'attended', 'did_not_attend', 'withdrawn']);
    const n = (sql: string) => (t.vault.db.prepare(sql).get() as { n: number }).n;
    expect(n('SELECT count(*) AS n FROM safe_home_enrolments WHERE withdrawn_on IS NOT NULL')).toBeGreaterThan(0);
    expect(n("SELECT count(*) AS n FROM safe_home_sessions WHERE kind = 'catch_up'")).toBeGreaterThan(0);
    expect(
      n('SELECT count(*) AS n FROM safe_home_safety_plans WHERE reviewed_in_session_id IS NOT NULL'),
    ).toBeGreaterThan(0);
    expect(n('SELECT count(*) AS n FROM safe_home_runs WHERE closed_on IS NOT NULL')).toBeGreaterThan(0);
  });

  it('only enrols parents and carers of active or closed cases that asked for Safe Home', () => {
    const wrong = all(
      `SELECT e.id FROM safe_home_enrolments e JOIN case_people p ON p.id = e.person_id JOIN cases c ON c.id = e.case_id
        WHERE p.case_id <> e.case_id OR p.kind <> 'parent_carer' OR c.status NOT IN ('active', 'closed')
           OR NOT EXISTS (SELECT 1 FROM case_services s WHERE s.case_id = c.id AND s.service = 'safe_home')`,
    );
    expect(wrong).toEqual([]);
  });

  it('writes group notes that name no one of the run’s families', () => {
    const notes = all<{ run_id: string; text: string }>('SELECT run_id, text FROM safe_home_group_notes');
    expect(notes.length).toBeGreaterThan(10);
    for (const n of notes) {
      const people = all<{ name: string }>(
        `SELECT p.name FROM case_people p WHERE p.case_id IN (SELECT case_id FROM safe_home_enrolments WHERE run_id = ?)
         UNION SELECT coalesce(y.given_name, '') || ' ' || coalesce(y.family_name, '') FROM young_people y
          WHERE y.case_id IN (SELECT case_id FROM safe_home_enrolments WHERE run_id = ?)`,
        n.run_id,
        n.run_id,
      ).map((p) => {
        const [givenName = null, ...rest] = p.name.split(' ');
        return { givenName, familyName: rest.join(' ') || null };
      });
      expect(groupNoteNamesProblem(n.text, people)).toEqual([]);
    }
  });

  it('gives completions by the default rule in finished runs, and every row passes its stored schema', () => {
    const finished = all<{ id: string; planned_sessions: number }>(
      'SELECT id, planned_sessions FROM safe_home_runs WHERE closed_on IS NOT NULL',
    );
    let completed = 0;
    let notCompleted = 0;
    for (const run of finished) {
      const sessions = all<{ id: string; kind: 'planned' | 'catch_up'; seq: number; theme_ids: string }>(
        'SELECT id, kind, seq, theme_ids FROM safe_home_sessions WHERE run_id = ?',
        run.id,
      );
      const themes = new Map(
        all<{ id: string; key: string | null; label: string; aim: 'knowledge' }>(
          'SELECT id, key, label, aim FROM safe_home_themes',
        ).map((x) => [x.id, x]),
      );
      for (const e of all<{ id: string; withdrawn_on: string | null }>(
        'SELECT id, withdrawn_on FROM safe_home_enrolments WHERE run_id = ?',
        run.id,
      )) {
        const states = new Map(
          all<{ session_id: string; state: 'attended' }>(
            'SELECT session_id, state FROM safe_home_register WHERE enrolment_id = ?',
            e.id,
          ).map((r) => [r.session_id, r.state]),
        );
        const p = carerProgress({
          plannedSessions: run.planned_sessions,
          sessions: sessions.map((s) => ({
            id: s.id,
            kind: s.kind,
            seq: s.seq,
            held: true,
            themes: (JSON.parse(s.theme_ids) as string[]).map((id) => themes.get(id)).filter((x) => x !== undefined),
          })),
          states,
          withdrawn: e.withdrawn_on !== null,
          runFinished: true,
          rule: DEFAULT_COMPLETION_RULE,
        });
        if (p.completion === 'completed') completed++;
        if (p.completion === 'not_completed') notCompleted++;
      }
    }
    expect(completed).toBeGreaterThan(0);
    expect(notCompleted).toBeGreaterThan(0);
    for (const def of Object.values(records)) {
      const schema = def.storedSchemas();
      for (const row of all<Record<string, unknown>>(`SELECT ${def.select()} FROM ${def.table}`)) {
        for (const [name, s] of Object.entries(schema))
          expect(s.safeParse(row[name]).success, `${def.table}.${name}`).toBe(true);
      }
    }
  });
});
