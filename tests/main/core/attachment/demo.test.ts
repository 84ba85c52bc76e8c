/**
 * Demo attachment assessments: about half the cases with an assessment, each with an SAA or TAAI
 * for the young person (by age) with a carer as figure and mostly a DMM-AAI of a carer, every
 * one valid by the DMM rules, warnings recorded as acknowledged, shown in the assessment report,
 * and the same for the same seed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import '../../../../main/core/core';
import { getAttachment } from '../../../../main/core/attachment/attachment.service';
import { generateDemoData } from '../../../../main/core/demo/generate';
import { exportReport } from '../../../../main/core/reports/report-export';
import {
  ageInMonths,
  classificationProblem,
  dmmWarnings,
  modifiersProblem,
  parseClassification,
  type DmmModifierEntry,
  type DmmProcedureCode,
} from '../../../../preload/contract/dmm';
import { makeVault, type TestVault } from '../cases/fixtures';
import { UNZIP, docxParts, xmlText } from '../reports/read-back';

const open: TestVault[] = [];
afterEach(() => {
  for (const t of open.splice(0)) t.cleanup();
});

async function demoVault(seed: string): Promise<TestVault> {
  const t = await makeVault('2025-12-31T12:00:00Z');
  open.push(t);
  generateDemoData(t.vault, { cases: 150, seed, batchSize: 50, notesPerCase: [0, 1] });
  return t;
}

interface Row {
  case_id: string;
  procedure: DmmProcedureCode;
  subject_kind: string;
  subject_person_id: string | null;
  figure_person_id: string | null;
  administered_on: string;
  classification: string | null;
  modifiers: string;
  warnings: string;
  coder_name: string | null;
  yp_dob: string | null;
  figure_kind: string | null;
  subject_kind_of_person: string | null;
}

function rows(t: TestVault): Row[] {
  return t.vault.db
    .prepare(
      `SELECT p.case_id, p.procedure, p.subject_kind, p.subject_person_id, p.figure_person_id, p.administered_on,
              p.classification, p.modifiers, p.warnings, p.coder_name, y.date_of_birth AS yp_dob,
              f.kind AS figure_kind, s.kind AS subject_kind_of_person
       FROM attachment_procedures p JOIN young_people y ON y.case_id = p.case_id
       LEFT JOIN case_people f ON f.id = p.figure_person_id LEFT JOIN case_people s ON s.id = p.subject_person_id
       ORDER BY p.case_id, p.administered_on, p.id`,
    )
    .all() as Row[];
}

describe('demo attachment assessments', () => {
  it('gives about half the assessed cases a coded SAA or TAAI for the young person with a carer, and mostly a carer’s DMM-AAI', async () => {
    const t = await demoVault('dmm');
    const assessed = (t.vault.db.prepare('SELECT case_id FROM assessments').all() as { case_id: string }[]).map(
      (r) => r.case_id,
    );
    const all = rows(t);
    const cases = new Set(all.map((r) => r.case_id));
    expect(assessed.length).toBeGreaterThan(20);
    expect(cases.size / assessed.length).toBeGreaterThan(0.25);
    expect(cases.size / assessed.length).toBeLessThan(0.75);
    for (const caseId of cases) {
      expect(assessed).toContain(caseId);
      const mine = all.filter((r) => r.case_id === caseId);
      const child = mine.filter((r) => r.subject_kind === 'young_person');
      expect(child).toHaveLength(1);
      const c = child[0] as Row;
      expect(['SAA', 'TAAI']).toContain(c.procedure);
      expect(c.figure_kind).toBe('parent_carer');
      const years = Math.floor((ageInMonths(c.yp_dob, c.administered_on) ?? 0) / 12);
      if (years <= 13) expect(c.procedure).toBe('SAA');
      if (years >= 15) expect(c.procedure).toBe('TAAI');
      for (const adult of mine.filter((r) => r.subject_kind === 'parent_carer')) {
        expect(adult.procedure).toBe('DMM-AAI');
        expect(adult.subject_kind_of_person).toBe('parent_carer');
        expect(adult.figure_person_id).toBeNull();
      }
    }
    const adults = all.filter((r) => r.procedure === 'DMM-AAI').length;
    expect(adults / cases.size).toBeGreaterThan(0.5);
    // Every procedure is coded, valid by the rules, and carries exactly the warnings they give.
    for (const r of all) {
      expect(r.coder_name).not.toBeNull();
      expect(classificationProblem(r.procedure, r.classification)).toBeNull();
      expect(modifiersProblem(r.procedure, JSON.parse(r.modifiers) as DmmModifierEntry[])).toBeNull();
      const parsed = parseClassification(r.classification ?? '');
      if (typeof parsed === 'string') throw new Error(parsed);
      const age = r.subject_kind === 'young_person' ? ageInMonths(r.yp_dob, r.administered_on) : null;
      const stored = (JSON.parse(r.warnings) as { key: string }[]).map((w) => w.key);
      expect(stored).toEqual(dmmWarnings(r.procedure, age, parsed).map((w) => w.key));
    }
    expect(all.some((r) => (JSON.parse(r.modifiers) as unknown[]).length > 0)).toBe(true);
    // And they read back through the service like any other.
    const first = [...cases][0] as string;
    expect(getAttachment(t.vault, first)?.procedures.length).toBe(all.filter((r) => r.case_id === first).length);
  });

  it.skipIf(!UNZIP)('shows them in the assessment report', async () => {
    const t = await demoVault('dmm-report');
    const [r] = rows(t);
    if (!r) throw new Error('no demo procedures');
    const report = await exportReport(t.vault, { caseId: r.case_id, kind: 'assessment', format: 'docx' });
    const text = xmlText(docxParts(report.bytes)['word/document.xml'] ?? '');
    expect(text).toContain('Attachment procedures of the young person and each parent or carer');
    expect(text).toContain(r.classification ?? 'missing');
    expect(text).toContain('Functional formulation');
  });

  it('is the same for the same seed', async () => {
    const strip = (rs: Row[]) => rs.map(({ warnings: _w, ...rest }) => rest);
    // Warnings name who acknowledged them: user ids differ between vaults.
    expect(strip(rows(await demoVault('same')))).toEqual(strip(rows(await demoVault('same'))));
  });
});
