/**
 * The extension point later modules use: a kind registered from its own folder is produced,
 * audited and drawn by the engine with the same page furniture as the chronology.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportReport, fileNamePart } from '../../../../main/core/reports/report-export';
import { registerReportKind, reportKinds } from '../../../../main/core/reports/registry';
import { makeVault, newCase, type TestVault } from '../cases/fixtures';
import { POPPLER, pdfPages } from './read-back';

let t: TestVault;
beforeEach(async () => {
  t = await makeVault('2025-06-15T10:00:00Z');
});
afterEach(() => t.cleanup());

describe('registerReportKind', () => {
  it('adds a kind the engine exports like the chronology', async () => {
    registerReportKind({
      id: 'test-consultation',
      title: 'Consultation report',
      build: (ctx) => {
        const row = ctx.db.prepare('SELECT reference FROM cases WHERE id = ?').get(ctx.caseId) as { reference: string };
        return {
          caseReference: row.reference,
          blocks: [{ kind: 'paragraph', text: `Recommendations for ${row.reference}, written ${ctx.today}.` }],
        };
      },
    });
    expect(reportKinds().map((k) => k.id)).toEqual(['chronology', 'subject-access', 'test-consultation']);
    const c = newCase(t.vault);
    const report = await exportReport(t.vault, { caseId: c.id, kind: 'test-consultation', format: 'pdf' });
    expect(report.fileName).toBe(`${c.reference} test-consultation 15-06-2025.pdf`);
    if (POPPLER) {
      const [page] = pdfPages(report.bytes);
      expect(page).toContain('Consultation report');
      expect(page).toContain(`Recommendations for ${c.reference}, written 2025-06-15.`);
      expect(page?.match(/OFFICIAL-SENSITIVE/g)).toHaveLength(2);
      expect(page).toContain('Page 1 of 1');
    }
  });

  it('refuses an id twice and an id that would not make a file name', () => {
    const build = () => ({ caseReference: 'X', blocks: [] });
    expect(() => registerReportKind({ id: 'chronology', title: 'Again', build })).toThrow(/registered twice/);
    expect(() => registerReportKind({ id: 'Bad Name', title: 'Bad', build })).toThrow(/lower-case words/);
  });
});

describe('fileNamePart', () => {
  it('makes a record label safe for a file name on any system', () => {
    expect(fileNamePart('Consultation on 12/03/2026')).toBe('consultation on 12-03-2026');
    expect(fileNamePart('Plan: "A" <b>|c?*  \t d\\e')).toBe('plan a b c d e');
  });
});
