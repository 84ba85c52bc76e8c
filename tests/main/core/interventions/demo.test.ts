/**
 * Demo interventions: a realistic share of intervention cases get a plan with goals, sessions
 * with DNAs among them, and some a safeguarding concern whose flag and task exist; every plan
 * reads back through the service (so every stored value passes the contract's rules).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import '../../../../main/core/core';
import { generateDemoData } from '../../../../main/core/demo/generate';
import { listCasePlans } from '../../../../main/core/interventions/interventions.service';
import { makeVault, type TestVault } from '../cases/fixtures';

let t: TestVault;
beforeAll(async () => {
  t = await makeVault('2025-12-31T12:00:00Z');
  generateDemoData(t.vault, { cases: 200, seed: 'interventions', batchSize: 50, notesPerCase: [0, 1] });
}, 120_000);
afterAll(() => t.cleanup());

const all = <T>(sql: string) => t.vault.db.prepare(sql).all() as T[];

describe('demo interventions', () => {
  it('give most active or closed intervention cases a plan, and no other case one', () => {
    const eligible = new Set(
      all<{ id: string }>(
        `SELECT c.id FROM cases c WHERE c.consultation_only = 0 AND c.status IN ('active', 'closed')
           AND EXISTS (SELECT 1 FROM case_services s WHERE s.case_id = c.id AND s.service = 'intervention')`,
      ).map((r) => r.id),
    );
    const planned = all<{ case_id: string }>('SELECT DISTINCT case_id FROM intervention_plans').map((r) => r.case_id);
    expect(eligible.size).toBeGreaterThan(10);
    expect(planned.length / eligible.size).toBeGreaterThan(0.5);
    for (const id of planned) expect(eligible.has(id)).toBe(true);
  });

  it('write plans that read back, with goals, DNAs and a booked next session for active plans', () => {
    const plans = all<{ case_id: string; state: string }>('SELECT case_id, state FROM intervention_plans');
    let dna = 0;
    for (const p of plans) {
      const [view] = listCasePlans(t.vault, p.case_id);
      expect(view?.goals.length).toBeGreaterThanOrEqual(1);
      expect(view?.goals.length).toBeLessThanOrEqual(3);
      expect(view?.goals.every((g) => g.ratings.length >= 1)).toBe(true);
      dna += view?.attendance.didNotAttend ?? 0;
      if (p.state === 'active') expect(view?.nextSessionDate ?? '').toMatch(/^2026-01-0\d$/);
      else expect(view?.closure).not.toBeNull();
    }
    expect(dna).toBeGreaterThan(0);
  });

  it('give concerns their flag and task, on the same case', () => {
    const concerns = all<{ ok: number }>(
      `SELECT (f.case_id = c.case_id AND k.case_id = c.case_id) AS ok FROM intervention_concerns c
         JOIN flags f ON f.id = c.flag_id JOIN tasks k ON k.id = c.task_id`,
    );
    expect(concerns.length).toBeGreaterThan(0);
    expect(concerns.every((c) => c.ok === 1)).toBe(true);
    expect(all<{ n: number }>('SELECT count(*) AS n FROM intervention_concerns')[0]?.n).toBe(concerns.length);
  });
});
