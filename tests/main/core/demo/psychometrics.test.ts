/** Demo psychometrics: a realistic share of assessed cases, 1-4 each, every score valid, same for a seed. */
import { afterEach, describe, expect, it } from 'vitest';
import { scoreProblem, type ScaleDefinition } from '../../../../preload/contract/psychometric-bands';
import { generateDemoData } from '../../../../main/core/demo/generate';
import { caseAdministrations } from '../../../../main/core/psychometrics/psychometrics.service';
import { makeVault, type TestVault } from '../cases/fixtures';

const open: TestVault[] = [];
afterEach(() => {
  for (const t of open.splice(0)) t.cleanup();
});

async function demoVault(seed: string): Promise<TestVault> {
  const t = await makeVault('2025-12-31T12:00:00Z');
  open.push(t);
  generateDemoData(t.vault, { cases: 120, seed, batchSize: 40, notesPerCase: [0, 1] });
  return t;
}

interface Row {
  case_id: string;
  administered_on: string;
  instrument_name: string;
  respondent_type: string;
  respondent_name: string | null;
  scales: string;
  scores: string;
  summary: string;
}

function rows(t: TestVault): Row[] {
  return t.vault.db
    .prepare(
      `SELECT case_id, administered_on, instrument_name, respondent_type, respondent_name, scales, scores, summary
       FROM psychometric_administrations ORDER BY case_id, administered_on, id`,
    )
    .all() as Row[];
}

describe('demo psychometrics', () => {
  it('gives most assessed cases 1-4 valid administrations within the assessment, and no other case any', async () => {
    const t = await demoVault('psy');
    const all = rows(t);
    const assessed = t.vault.db
      .prepare(
        `SELECT c.id, c.paperwork_complete_date AS start FROM cases c WHERE c.consultation_only = 0
           AND c.paperwork_complete_date IS NOT NULL AND c.status IN ('active', 'closed')
           AND EXISTS (SELECT 1 FROM case_services s WHERE s.case_id = c.id AND s.service = 'assessment')`,
      )
      .all() as { id: string; start: string }[];
    const start = new Map(assessed.map((c) => [c.id, c.start]));
    const perCase = new Map<string, number>();
    for (const r of all) perCase.set(r.case_id, (perCase.get(r.case_id) ?? 0) + 1);
    expect(assessed.length).toBeGreaterThan(10);
    // About seven in ten assessed cases.
    expect(perCase.size / assessed.length).toBeGreaterThan(0.45);
    expect(perCase.size / assessed.length).toBeLessThan(0.95);
    for (const [caseId, n] of perCase) {
      expect(start.has(caseId), 'only assessed cases have psychometrics').toBe(true);
      expect(n).toBeGreaterThanOrEqual(1);
      expect(n).toBeLessThanOrEqual(4);
    }
    for (const r of all) {
      expect(r.administered_on >= (start.get(r.case_id) as string)).toBe(true);
      const scales = JSON.parse(r.scales) as ScaleDefinition[];
      const scores = JSON.parse(r.scores) as { scaleKey: string; score: number | null }[];
      for (const s of scores) {
        const scale = scales.find((x) => x.key === s.scaleKey) as ScaleDefinition;
        if (s.score !== null) expect(scoreProblem(scale, s.score)).toBeNull();
      }
      if (r.instrument_name === 'SDQ') {
        const v = Object.fromEntries(scores.map((s) => [s.scaleKey, s.score ?? 0]));
        expect(v.total).toBe((v.emotional ?? 0) + (v.conduct ?? 0) + (v.hyperactivity ?? 0) + (v.peer ?? 0));
      }
      if (r.respondent_type !== 'young_person') expect(r.respondent_name).not.toBeNull();
    }
    // RCADS has public bands, so its headline carries one.
    const rcads = all.filter((r) => r.instrument_name === 'RCADS');
    expect(rcads.length).toBeGreaterThan(0);
    for (const r of rcads) expect(r.summary).toMatch(/, (below the borderline threshold|borderline|clinical)$/);
    // And they read back through the service like any other.
    const [first] = [...perCase.keys()];
    expect(caseAdministrations(t.vault, first as string).length).toBe(perCase.get(first as string));
  });

  it('is the same for the same seed', async () => {
    // Who administered is left out: user ids differ between vaults.
    expect(rows(await demoVault('same'))).toEqual(rows(await demoVault('same')));
  });
});
