/**
 * Demo consultations: a realistic share of cases get one (most consultation-only cases), some
 * signed off, a few batch agreements with sessions; the same for a seed, and readable through
 * the module's own services (the report renders for a demo case).
 */
import { afterEach, describe, expect, it } from 'vitest';
import '../../../../main/core/core';
import { listAllConsultations } from '../../../../main/core/consultations/consultations.service';
import { listAgreements } from '../../../../main/core/consultations/batch.service';
import { generateDemoData } from '../../../../main/core/demo/generate';
import { readReport } from '../../../../main/core/reports/report-export';
import { makeVault, type TestVault } from '../cases/fixtures';

const open: TestVault[] = [];
afterEach(() => {
  for (const t of open.splice(0)) t.cleanup();
});

async function demo(seed: string, cases = 120): Promise<TestVault> {
  const t = await makeVault('2025-12-31T12:00:00Z');
  open.push(t);
  generateDemoData(t.vault, { cases, seed, batchSize: 60, notesPerCase: [1, 2] });
  return t;
}

const count = (t: TestVault, sql: string) => (t.vault.db.prepare(sql).get() as { n: number }).n;

describe('demo consultations', () => {
  it('give a realistic share of cases a consultation, some signed, and a few agreements with sessions', async () => {
    const t = await demo('consult');
    const consultations = count(t, 'SELECT count(*) AS n FROM consultations');
    const onlyCases = count(t, 'SELECT count(*) AS n FROM cases WHERE consultation_only = 1');
    const onlyWith = count(
      t,
      'SELECT count(DISTINCT k.id) AS n FROM cases k JOIN consultations c ON c.case_id = k.id WHERE k.consultation_only = 1',
    );
    expect(consultations).toBeGreaterThan(10);
    expect(consultations).toBeLessThan(60);
    expect(onlyWith / onlyCases).toBeGreaterThan(0.6);
    const signed = count(t, "SELECT count(*) AS n FROM report_signoffs WHERE subject_kind = 'consultation'");
    expect(signed).toBeGreaterThan(0);
    expect(signed).toBeLessThan(consultations);
    expect(count(t, "SELECT count(*) AS n FROM consultations WHERE meeting_date > '2025-12-31'")).toBe(0);
    const agreements = listAgreements(t.vault, 50, 0);
    expect(agreements.total).toBe(4);
    expect(agreements.items.every((a) => a.sessionCount > 3 && a.nextSessionDate !== null)).toBe(true);
    expect(listAllConsultations(t.vault, 25, 0).total).toBe(consultations);
    const anyCase = t.vault.db.prepare('SELECT case_id AS id FROM consultations LIMIT 1').get() as { id: string };
    expect(readReport(t.vault, anyCase.id, 'consultation', 'pdf').blocks.length).toBeGreaterThan(5);
  });

  it('are the same for the same seed', async () => {
    const rows = (t: TestVault) =>
      t.vault.db.prepare('SELECT id, case_id, meeting_date, suitability FROM consultations ORDER BY id').all();
    expect(rows(await demo('same', 50))).toEqual(rows(await demo('same', 50)));
  });
});
