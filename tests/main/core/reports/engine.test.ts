/**
 * The renderers alone: a document model in, PDF and Word bytes out, read back with poppler and
 * unzip. These took over from the hand-written PDF writer's checks (text survives, including
 * quotes and brackets; long content breaks onto more pages) and add the page furniture.
 */
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../../../main/core/reports/docx';
import type { Block, ReportDocument } from '../../../../main/core/reports/model';
import { renderPdf } from '../../../../main/core/reports/pdf';
import { POPPLER, UNZIP, docxParts, pdfPageCount, pdfPages, xmlText } from './read-back';

function sample(rows: number): ReportDocument {
  const blocks: Block[] = [
    { kind: 'keyValues', items: [{ key: 'Young person', value: 'Zoë O’Neill-Łukasz' }] },
    { kind: 'heading', level: 1, text: 'Events' },
    { kind: 'paragraph', text: 'A “quoted” phrase (in brackets) with a back\\slash & an ampersand.' },
    { kind: 'paragraph', text: 'About the young person’s sibling.', thirdParty: true },
    {
      kind: 'table',
      caption: 'Every row.',
      columns: [
        { header: 'Date', weight: 1 },
        { header: 'What happened', weight: 3 },
      ],
      rows: Array.from({ length: rows }, (_, i) => ({
        cells: [
          `0${(i % 9) + 1}/03/2025`,
          i === 3 ? { text: `Row ${i}: about a victim`, thirdParty: true } : `Row ${i}`,
        ],
      })),
      empty: 'No rows.',
    },
  ];
  return {
    title: 'Test report',
    caseReference: 'NC-2025-0042',
    producedBy: 'Ada Admin',
    producedAt: '01/12/2026 at 09:30',
    blocks,
  };
}

describe.skipIf(!POPPLER)('the PDF renderer (skipped without poppler-utils)', () => {
  it('marks every page OFFICIAL-SENSITIVE (header and footer) with the reference and Page N of M', async () => {
    const bytes = await renderPdf(sample(160));
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = pdfPages(bytes);
    expect(pages.length).toBe(pdfPageCount(bytes));
    expect(pages.length).toBeGreaterThan(2);
    pages.forEach((text, i) => {
      expect(text.match(/OFFICIAL-SENSITIVE/g)).toHaveLength(2);
      expect(text).toContain(`Page ${i + 1} of ${pages.length}`);
      expect(text).toContain('Case NC-2025-0042');
      expect(text).toContain('Produced by Ada Admin on 01/12/2026 at 09:30');
      // The table's header row repeats on every page the table runs onto.
      expect(text).toMatch(/Date\s+What happened/);
    });
  });

  it('keeps text exactly, marks third-party content in words and fits long content on more pages', async () => {
    const text = pdfPages(await renderPdf(sample(160))).join('\n');
    expect(text).toContain('Test report');
    expect(text).toContain('Zoë O’Neill-Łukasz');
    expect(text).toContain('A “quoted” phrase (in brackets) with a back\\slash & an ampersand.');
    expect(text).toMatch(/THIRD-PARTY INFORMATION\s+About the young person’s sibling\./);
    expect(text).toMatch(/THIRD-PARTY INFORMATION\s+Row 3: about a victim/);
    expect(text).toContain('Row 159');
  });

  it('shows the empty text of a table without rows', async () => {
    const doc = sample(0);
    expect(pdfPages(await renderPdf(doc)).join('\n')).toContain('No rows.');
  });
});

describe.skipIf(!UNZIP)('the Word renderer (skipped without unzip)', () => {
  it('puts the marking and reference in the header and footer, with Word page fields, and the content in the body', async () => {
    const parts = docxParts(await renderDocx(sample(30)));
    const headers = Object.keys(parts).filter((n) => /^word\/header\d*\.xml$/.test(n));
    const footers = Object.keys(parts).filter((n) => /^word\/footer\d*\.xml$/.test(n));
    expect(headers.length).toBeGreaterThan(0);
    expect(footers.length).toBeGreaterThan(0);
    for (const h of headers) {
      expect(xmlText(parts[h] ?? '')).toContain('OFFICIAL-SENSITIVE');
      expect(xmlText(parts[h] ?? '')).toContain('Case NC-2025-0042');
    }
    for (const f of footers) {
      const xml = parts[f] ?? '';
      expect(xmlText(xml)).toContain('OFFICIAL-SENSITIVE');
      expect(xmlText(xml)).toContain('Case NC-2025-0042. Produced by Ada Admin on 01/12/2026 at 09:30.');
      expect(xml).toMatch(/PAGE/);
      expect(xml).toMatch(/NUMPAGES/);
      expect(xmlText(xml)).toMatch(/Page\s*\S*\s*of/);
    }
    const body = xmlText(parts['word/document.xml'] ?? '');
    expect(body).toContain('Test report');
    expect(body).toContain('Zoë O’Neill-Łukasz');
    expect(body).toContain('A “quoted” phrase (in brackets) with a back\\slash & an ampersand.');
    expect(body).toMatch(/THIRD-PARTY INFORMATION\s*About the young person’s sibling\./);
    expect(body).toMatch(/THIRD-PARTY INFORMATION\s*Row 3: about a victim/);
    // The header row repeats on each page Word breaks the table onto.
    expect(parts['word/document.xml']).toContain('<w:tblHeader/>');
  });
});
