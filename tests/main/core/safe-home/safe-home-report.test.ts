/**
 * The carer's programme summary (report kind `safe-home`) from a real vault holding a two-family
 * group, read back as a person's tools read it: pdftotext for the PDF and the .docx XML. Sessions
 * attended of planned, themes covered and missed, safety-plan versions with dates and reviews,
 * ratings before and after, goals, completion in words; one enrolment by `recordId`, the latest
 * by default; and no one of the other family.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import '../../../../main/core/core';
import { exportReport } from '../../../../main/core/reports/report-export';
import { makeVault, newCase, type TestVault } from '../cases/fixtures';
import { POPPLER, UNZIP, docxParts, pdfPages, xmlText } from '../reports/read-back';
import { B_WORDS, writeTwoFamilies, type TwoFamilies } from './two-families';

let t: TestVault;
let g: TwoFamilies;
beforeEach(async () => {
  t = await makeVault('2025-06-15T10:00:00Z');
  g = writeTwoFamilies(t.vault);
});
afterEach(() => t.cleanup());

const report = (format: 'pdf' | 'docx', recordId?: string, caseId = g.a.caseId) =>
  exportReport(t.vault, { caseId, kind: 'safe-home', format, ...(recordId ? { recordId } : {}) });
const oneLine = (s: string) => s.replace(/\s+/g, ' ');

function expectHelensSummary(text: string): void {
  for (const s of [
    'Safe Home programme summary',
    'Sessions attended',
    'Themes covered and missed',
    'The family’s safety plan',
    'Ratings before and after',
    'Completion',
  ])
    expect(text).toContain(s);
  expect(text).toContain('Sam Ashworth');
  expect(text).toContain('Helen Ashworth (Mother)');
  expect(text).toContain('Spring group 2025 (north)');
  expect(text).toContain('12 of 13 planned');
  expect(text).toContain('Completed: 12 of 13 sessions (92 %) and the safety-plan session');
  expect(text).toContain('Apologies: Unwell.');
  expect(text).toContain('The safety plan');
  expect(text).toContain('ASHWORTH-SAFETY-PLAN version two');
  expect(text).toMatch(/In session 11 on 12\/05\/2025/);
  expect(text).toContain('Talk with Sam about what happened.');
  expect(text).toMatch(/Confidence 3 of 10 8 of 10 \+5/);
  expect(text).toContain('at least 75 % of the planned sessions and a session on the safety plan');
  // Notes are the clinical record, not the summary; the other carer of the family is not its subject.
  expect(text).not.toContain('HELEN-OWN-NOTE');
  expect(text).not.toContain('Mark Ashworth');
  for (const w of B_WORDS) expect(text).not.toContain(w);
}

describe('the Safe Home programme summary', () => {
  it.skipIf(!POPPLER)('as PDF: the carer’s programme, with the marking and the reference on every page', async () => {
    const r = await report('pdf', g.a.enrolments.helen);
    // Set NCATS_REPORT_OUT to a folder to keep the PDF and look at it (pdftoppm renders it to PNG).
    if (process.env.NCATS_REPORT_OUT) writeFileSync(join(process.env.NCATS_REPORT_OUT, 'safe-home.pdf'), r.bytes);
    const pages = pdfPages(r.bytes);
    pages.forEach((page, i) => {
      expect(page).toContain('OFFICIAL-SENSITIVE');
      expect(page).toContain(g.a.reference);
      expect(page).toMatch(new RegExp(`Page ${i + 1} of ${pages.length}`, 'i'));
    });
    expectHelensSummary(oneLine(pages.join('\n')));
  });

  it.skipIf(!UNZIP)('as Word: the same content', async () => {
    const r = await report('docx', g.a.enrolments.helen);
    if (process.env.NCATS_REPORT_OUT) writeFileSync(join(process.env.NCATS_REPORT_OUT, 'safe-home.docx'), r.bytes);
    expectHelensSummary(oneLine(xmlText(docxParts(r.bytes)['word/document.xml'] ?? '')));
  });

  it.skipIf(!UNZIP)('reports a withdrawal in words, and the other family’s carer of their own case', async () => {
    const mark = oneLine(
      xmlText(docxParts((await report('docx', g.a.enrolments.mark)).bytes)['word/document.xml'] ?? ''),
    );
    expect(mark).toContain('Withdrew after 4 of 13 sessions (31 %)');
    expect(mark).toContain('Withdrew on 31/03/2025: Practical reasons (work, travel, childcare).');
    expect(mark).toContain('New shifts at work.');
    const grace = oneLine(
      xmlText(docxParts((await report('docx', undefined, g.b.caseId)).bytes)['word/document.xml'] ?? ''),
    );
    expect(grace).toContain('Grace Brennan (Mother)');
    expect(grace).toContain('BRENNAN-SAFETY-PLAN');
    expect(grace).not.toContain('Ashworth');
  });

  it('refuses an enrolment of another case, listing the case’s own, and says so for a case without Safe Home', async () => {
    await expect(report('pdf', g.b.enrolments.grace)).rejects.toThrow(
      /There is no Safe Home enrolment .* in this case/,
    );
    const none = newCase(t.vault, {}, { givenName: 'No', familyName: 'Group' });
    await expect(report('pdf', undefined, none.id)).rejects.toThrow(
      'This case has no Safe Home enrolment to report on yet.',
    );
  });
});
