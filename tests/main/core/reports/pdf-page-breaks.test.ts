/**
 * A heading never ends a PDF page: documents whose heading would fall in the last lines of
 * page 1 (filler pushed down a line at a time, so one of them lands it at the foot) are read
 * back with pdftotext, page 1 alone, and page 1 never ends with the heading. A table caption is
 * kept with its table the same way.
 */
import { describe, expect, it } from 'vitest';
import type { Block, ReportDocument } from '../../../../main/core/reports/model';
import { renderPdf } from '../../../../main/core/reports/pdf';
import { keepHeadlineWithNext } from '../../../../main/core/reports/pdf-page-breaks';
import type { Node, NodeQueries } from 'pdfmake/interfaces';
import { POPPLER, pdfPages } from './read-back';

function doc(blocks: Block[]): ReportDocument {
  return {
    title: 'Layout test',
    caseReference: 'NC-2025-0042',
    producedBy: 'Ada Admin',
    producedAt: '01/12/2026 at 09:30',
    blocks,
  };
}

const filler = (n: number): Block[] =>
  Array.from({ length: n }, (_, i) => ({ kind: 'paragraph', text: `Filler line ${i + 1}.` }));

const BODY = Array.from({ length: 8 }, (_, i) => `Sentence ${i + 1} of what the section says about supervision.`).join(
  ' ',
);

/** A page's own lines, without its header and footer (the footer's line says "Page N of M"). */
function contentLines(page: string): string[] {
  const lines = page
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const footer = lines.findIndex((l) => /Page \d+ of \d+/.test(l));
  return lines.slice(2, footer);
}

describe.skipIf(!POPPLER)('PDF headings are kept with what follows (skipped without poppler-utils)', () => {
  // Page 1 holds 33 one-line paragraphs: 27 to 33 move the heading through its foot (without
  // the rule, 31 left the heading as page 1's last line, and 28 with one line of its text).
  const counts = Array.from({ length: 7 }, (_, i) => 27 + i);

  it.each([
    ['a section heading', { kind: 'heading', level: 1, text: 'The section heading' } as const],
    ['a part heading', { kind: 'heading', level: 2, text: 'The section heading' } as const],
  ])('%s never ends page 1, wherever the filler puts it', async (_label, heading) => {
    let moved = 0;
    for (const n of counts) {
      const pages = pdfPages(await renderPdf(doc([...filler(n), heading, { kind: 'paragraph', text: BODY }])));
      const first = pages[0] ?? '';
      const lines = contentLines(first);
      expect(lines.at(-1), `with ${n} filler lines`).not.toBe('The section heading');
      const at = lines.indexOf('The section heading');
      // Kept on page 1 only with more than a line of its text after it.
      if (at >= 0) expect(lines.length - at - 1, `with ${n} filler lines`).toBeGreaterThanOrEqual(2);
      if (at < 0) {
        moved += 1;
        // Moved over: it heads page 2, with its text after it.
        expect(pages[1]).toMatch(/The section heading\s+Sentence 1/);
      }
    }
    // Some of these layouts had the heading at the foot, and it went over with its text.
    expect(moved).toBeGreaterThan(0);
  });

  it('a table caption is not left at a page foot without its table', async () => {
    for (const n of counts) {
      const table: Block = {
        kind: 'table',
        caption: 'The table caption.',
        columns: [
          { header: 'Date', weight: 1 },
          { header: 'What happened', weight: 3 },
        ],
        rows: Array.from({ length: 6 }, (_, i) => ({ cells: ['01/03/2025', `Row ${i + 1}`] })),
        empty: 'No rows.',
      };
      const pages = pdfPages(await renderPdf(doc([...filler(n), table])));
      const lines = contentLines(pages[0] ?? '');
      const at = lines.indexOf('The table caption.');
      // On page 1 only with the header row and at least one row under it.
      if (at >= 0)
        expect(lines.slice(at + 1, at + 3).join(' '), `with ${n} filler lines`).toMatch(
          /Date\s+What happened\s+01\/03\/2025\s+Row 1/,
        );
      else expect(pages[1]).toMatch(/The table caption\.\s+Date\s+What happened/);
    }
  });

  it('a heading over a caption and a table of tall rows keeps at least one row with it', async () => {
    // Rows of two lines that never split (as the assessment report's recommendations): without
    // the rule, a heading, its caption and the header row were left at the foot of page 1.
    const tall = 'A recommendation long enough to take two lines of its column in the table. '.repeat(2);
    for (const n of counts) {
      const blocks: Block[] = [
        ...filler(n),
        { kind: 'heading', level: 2, text: 'Placement' },
        {
          kind: 'table',
          caption: 'Placement recommendations.',
          columns: [
            { header: 'Recommendation', weight: 3 },
            { header: 'Owner', weight: 1 },
          ],
          rows: [{ cells: [tall.trim(), 'Allocated social worker'] }],
          empty: 'None.',
        },
        { kind: 'paragraph', text: 'After the table.' },
      ];
      const pages = pdfPages(await renderPdf(doc(blocks)));
      const lines = contentLines(pages[0] ?? '');
      const at = lines.indexOf('Placement');
      if (at >= 0) expect(lines.slice(at).join(' '), `with ${n} filler lines`).toMatch(/Owner\s+A recommendation long/);
      else expect(pages[1]).toMatch(/Placement\s+Placement recommendations\.\s+Recommendation\s+Owner/);
    }
  });
});

describe('keepHeadlineWithNext', () => {
  const at = (verticalRatio: number, headlineLevel?: number, pageNumbers = [1]): Node => ({
    text: 'Some words.',
    headlineLevel,
    pageNumbers,
    pages: 2,
    stack: false,
    startPosition: {
      pageNumber: pageNumbers[0] ?? 1,
      pageOrientation: 'portrait',
      pageInnerHeight: 700,
      pageInnerWidth: 500,
      left: 48,
      top: 64 + 700 * verticalRatio,
      verticalRatio,
      horizontalRatio: 0,
    },
  });
  const queries = (following: Node[], nextPage: Node[]): NodeQueries => ({
    getFollowingNodesOnPage: () => following,
    getNodesOnNextPage: () => nextPage,
    getPreviousNodesOnPage: () => [],
  });
  const runsOver = at(0.97, undefined, [1, 2]);
  const whole = at(0.97);
  const next = at(0, undefined, [2]);

  it('moves a heading alone at the foot, or with a line or two of a block that runs over', () => {
    expect(keepHeadlineWithNext(at(0.95, 1), queries([], [next]))).toBe(true);
    expect(keepHeadlineWithNext(at(0.95, 1), queries([at(0.97, 3)], [next]))).toBe(true);
    // A node that draws nothing, and the page's footer, are not the heading's text.
    expect(keepHeadlineWithNext(at(0.95, 1), queries([{ ...whole, text: undefined }], [next]))).toBe(true);
    expect(keepHeadlineWithNext(at(0.95, 1), queries([at(1.02)], [next]))).toBe(true);
    expect(keepHeadlineWithNext(at(0.95, 1), queries([runsOver], [next]))).toBe(true);
    expect(keepHeadlineWithNext(at(0.95, 3), queries([runsOver], [next]))).toBe(true);
    // A table is kept by room alone (its node does not say whether it runs over).
    expect(
      keepHeadlineWithNext(at(0.95, 3), queries([{ ...whole, text: undefined, table: { body: [] } }], [next])),
    ).toBe(true);
  });

  it('leaves one with room, one with a whole block under it, the end of a report and other nodes', () => {
    expect(keepHeadlineWithNext(at(0.5, 1), queries([runsOver], [next]))).toBe(false);
    expect(keepHeadlineWithNext(at(0.95, 1), queries([whole], [next]))).toBe(false);
    expect(keepHeadlineWithNext(at(0.95, 1), queries([], []))).toBe(false);
    expect(keepHeadlineWithNext(at(0.95), queries([], [next]))).toBe(false);
  });
});
