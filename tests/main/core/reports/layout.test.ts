/**
 * The words and widths both renderers take from layout.ts: one place, so the PDF and the Word
 * file of a report say the same thing in their furniture and share a page the same way.
 */
import { describe, expect, it } from 'vitest';
import { THIRD_PARTY_MARK, columnShares, pageWords, rowHasThirdParty } from '../../../../main/core/reports/layout';
import type { ReportDocument } from '../../../../main/core/reports/model';

const doc: ReportDocument = {
  title: 'Chronology',
  caseReference: 'NC-2026-0001',
  producedBy: 'Ada Admin',
  producedAt: '01/12/2026 at 09:30',
  blocks: [],
};

describe('report layout shared by the PDF and Word renderers', () => {
  it('words the page furniture once: reference, file title and the produced line', () => {
    expect(pageWords(doc)).toEqual({
      reference: 'Case NC-2026-0001',
      fileTitle: 'Chronology: Case NC-2026-0001',
      produced: 'Case NC-2026-0001. Produced by Ada Admin on 01/12/2026 at 09:30',
    });
    expect(THIRD_PARTY_MARK).toBe('THIRD-PARTY INFORMATION');
  });

  it('shares the usable width between columns in proportion to their weights', () => {
    const shares = columnShares(
      [
        { header: 'Date', weight: 16 },
        { header: 'Kind', weight: 13 },
        { header: 'What happened', weight: 52 },
        { header: 'Who', weight: 19 },
      ],
      1000,
    );
    expect(shares).toEqual([160, 130, 520, 190]);
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1000);
  });

  it('marks a whole row when any of its cells is third-party information', () => {
    expect(rowHasThirdParty({ cells: ['01/12/2026', { text: 'About the sibling', thirdParty: true }] })).toBe(true);
    expect(rowHasThirdParty({ cells: ['01/12/2026', 'Phone call'] })).toBe(false);
  });
});
