/**
 * Demo assessments agree with the cases' clocks: a completed case's report was sent on its
 * completed date after every stage in order; open assessments are on open cases only, with
 * stages done in order and none in the future; every assessment past quality assurance could
 * have been signed off; Brook ratings fit their version.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canSignOff } from '../../../../main/core/assessments/assessments.rules';
import { generateDemoData } from '../../../../main/core/demo/generate';
import { brookProblem, type RecommendationGroup } from '../../../../preload/contract';
import { makeVault, type TestVault } from '../cases/fixtures';

const TODAY = '2025-12-31';
let t: TestVault;

beforeAll(async () => {
  t = await makeVault(`${TODAY}T12:00:00Z`);
  generateDemoData(t.vault, { cases: 1000, seed: 'assessments', batchSize: 100, notesPerCase: [1, 2] });
}, 120_000);
afterAll(() => t?.cleanup());

const all = <T>(sql: string, ...params: unknown[]) => t.vault.db.prepare(sql).all(...params) as T[];

describe('demo assessments', () => {
  it('cover a realistic share of cases, at every stage', () => {
    const states = all<{ state: string; stage_reached: string | null; n: number }>(
      'SELECT state, stage_reached, count(*) AS n FROM assessments GROUP BY state, stage_reached',
    );
    const total = states.reduce((s, x) => s + x.n, 0);
    expect(total).toBeGreaterThan(100);
    expect(states.find((s) => s.state === 'complete')?.n).toBeGreaterThan(50);
    const openStages = new Set(states.filter((s) => s.state === 'open').map((s) => s.stage_reached));
    // Open ones are few at any time (a case is open for about 12 weeks); spread along the pathway.
    expect(openStages).toContain(null);
    expect(openStages.size).toBeGreaterThanOrEqual(5);
  });

  it('send the report on the case’s completed date, and leave closed unassessed cases without one', () => {
    const completed = all<{ id: string; completed: string; sent: string | null; state: string | null }>(
      `SELECT c.id, c.assessment_completed_date AS completed, a.report_sent_date AS sent, a.state
       FROM cases c LEFT JOIN assessments a ON a.case_id = c.id WHERE c.assessment_completed_date IS NOT NULL`,
    );
    expect(completed.length).toBeGreaterThan(0);
    for (const c of completed) expect(c).toMatchObject({ sent: c.completed, state: 'complete' });
    const openOnClosed = all(
      `SELECT 1 FROM assessments a JOIN cases c ON c.id = a.case_id WHERE a.state = 'open' AND c.status IN ('closed', 'declined')`,
    );
    expect(openOnClosed).toEqual([]);
  });

  it('do stages in order, none after today, and only sign off what could be signed off', () => {
    const stages = all<{ assessment_id: string; seq: number; actual_date: string | null; state: string }>(
      `SELECT s.assessment_id, s.seq, s.actual_date, a.state FROM assessment_stages s JOIN assessments a ON a.id = s.assessment_id
       WHERE s.stage <> 'paperwork_complete' ORDER BY s.assessment_id, s.seq`,
    );
    const byAssessment = new Map<string, typeof stages>();
    for (const s of stages) byAssessment.set(s.assessment_id, [...(byAssessment.get(s.assessment_id) ?? []), s]);
    for (const list of byAssessment.values()) {
      let last = '';
      let gap = false;
      for (const s of list) {
        if (!s.actual_date) {
          gap = true;
          continue;
        }
        expect(gap, 'a stage done after one not done').toBe(false);
        expect(s.actual_date >= last).toBe(true);
        expect(s.actual_date <= TODAY).toBe(true);
        last = s.actual_date;
      }
    }
    const signed = all<{
      id: string;
      formulation: string | null;
      risk_to_others: string | null;
      risk_to_self: string | null;
      risk_from_others: string | null;
    }>(
      `SELECT a.id, a.formulation, a.risk_to_others, a.risk_to_self, a.risk_from_others FROM assessments a
       JOIN assessment_stages s ON s.assessment_id = a.id AND s.stage = 'quality_assurance' AND s.actual_date IS NOT NULL`,
    );
    expect(signed.length).toBeGreaterThan(0);
    for (const a of signed) {
      const recommendations = all<{ group: RecommendationGroup }>(
        'SELECT grp AS "group" FROM assessment_recommendations WHERE assessment_id = ?',
        a.id,
      );
      expect(
        canSignOff({
          formulation: a.formulation,
          riskToOthers: a.risk_to_others,
          riskToSelf: a.risk_to_self,
          riskFromOthers: a.risk_from_others,
          recommendations,
        }),
      ).toEqual([]);
    }
  });

  it('rate behaviours with Brook colours and bands valid for the version', () => {
    const rated = all<{ v: string | null; b: string | null; c: string | null }>(
      'SELECT brook_version AS v, brook_band AS b, brook_colour AS c FROM assessment_behaviours',
    );
    expect(rated.filter((r) => r.v).length).toBeGreaterThan(0);
    for (const r of rated) expect(brookProblem(r.v, r.b, r.c)).toBeNull();
  });
});
