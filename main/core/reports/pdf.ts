/**
 * The PDF renderer: a ReportDocument drawn with pdfmake 0.3 (Node API) in memory. The Roboto
 * fonts are the TrueType files that ship inside the pdfmake package, read and parsed once per
 * process (pdf-fonts.ts); pdfmake is told to fetch no URL and to open no local file, so a report
 * can never reach the network or the disk. Nothing is written to disk: the caller gets a Buffer.
 */
import pdfmake from 'pdfmake';
import type { Content, TableCell } from 'pdfmake/interfaces';
import { THIRD_PARTY_MARK, columnShares, pageWords, rowHasThirdParty } from './layout';
import { HEADLINE, keepHeadlineWithNext } from './pdf-page-breaks';
import { robotoFontTable, type VirtualFs } from './pdf-fonts';
import { MARKING, cellText, isThirdPartyCell, type Block, type ReportDocument } from './model';

pdfmake.setUrlAccessPolicy(() => false);
// The fonts come parsed from memory (pdf-fonts.ts): a report opens no local file at all.
pdfmake.setLocalAccessPolicy(() => false);
// pdfmake's types leave out its virtual file system, which the Node build has.
pdfmake.setFonts(robotoFontTable((pdfmake as unknown as { virtualfs: VirtualFs }).virtualfs));

/** A4 in points, with margins wide enough for the header and footer furniture. */
const PAGE_WIDTH = 595.28;
const SIDE = 48;
const USABLE = PAGE_WIDTH - 2 * SIDE;
/** pdfmake adds 4 pt of padding each side of a cell and a line between cells. */
const CELL_CHROME = 9;

const INK = '#1b1b1b';
const MUTED = '#4a4a4a';
const HEADER_FILL = '#e6eaee';
/** A pale amber behind third-party rows; the words say it too, so colour is never the only signal. */
const THIRD_PARTY_FILL = '#fbeecf';

function thirdPartyLabel(): Content {
  return { text: THIRD_PARTY_MARK, bold: true, fontSize: 7.5, characterSpacing: 0.3 };
}

function table(block: Extract<Block, { kind: 'table' }>): Content {
  const widths = columnShares(block.columns, USABLE).map((w) => w - CELL_CHROME);
  const header: TableCell[] = block.columns.map((c) => ({ text: c.header, bold: true, fillColor: HEADER_FILL }));
  const body: TableCell[][] = block.rows.map((row) => {
    const marked = rowHasThirdParty(row);
    const fill = marked ? { fillColor: THIRD_PARTY_FILL } : {};
    // A plain cell is its text node itself: a stack of one lays out the same, but costs pdfmake
    // a container to measure and place in every cell of the longest tables.
    return row.cells.map((cell): TableCell =>
      isThirdPartyCell(cell)
        ? { stack: [thirdPartyLabel(), cellText(cell)], ...fill }
        : { text: cellText(cell), ...fill },
    );
  });
  return [
    { text: block.caption, style: 'caption', headlineLevel: HEADLINE.caption },
    block.rows.length === 0
      ? { text: block.empty, style: 'note', margin: [0, 0, 0, 10] }
      : {
          table: { headerRows: 1, dontBreakRows: true, widths, body: [header, ...body] },
          layout: 'lightHorizontalLines',
          fontSize: 9,
          margin: [0, 0, 0, 12],
        },
  ];
}

function blockContent(block: Block): Content {
  switch (block.kind) {
    case 'heading':
      return {
        text: block.text,
        ...(block.level === 1
          ? { style: 'h1', headlineLevel: HEADLINE.h1 }
          : { style: 'h2', headlineLevel: HEADLINE.h2 }),
        ...(block.newPage ? { pageBreak: 'before' as const } : {}),
      };
    case 'paragraph': {
      const text: Content = { text: block.text, style: block.style === 'note' ? 'note' : 'body' };
      if (!block.thirdParty) return text;
      return {
        table: {
          widths: [USABLE - CELL_CHROME],
          body: [[{ stack: [thirdPartyLabel(), text], fillColor: THIRD_PARTY_FILL }]],
        },
        layout: 'noBorders',
        margin: [0, 0, 0, 6],
      };
    }
    case 'keyValues':
      return {
        table: {
          widths: [130, USABLE - 130 - 2 * CELL_CHROME],
          body: block.items.map((i) => [{ text: i.key, bold: true }, { text: i.value }]),
        },
        layout: 'noBorders',
        margin: [0, 0, 0, 10],
      };
    case 'table':
      return table(block);
  }
}

/** Draw the report and return the PDF file's bytes. */
export async function renderPdf(doc: ReportDocument): Promise<Buffer> {
  const words = pageWords(doc);
  return pdfmake
    .createPdf({
      pageSize: 'A4',
      pageMargins: [SIDE, 64, SIDE, 60],
      info: {
        title: words.fileTitle,
        author: doc.producedBy,
        subject: MARKING,
        creator: 'NCATS Casework',
      },
      language: 'en-GB',
      // A heading or a table caption never ends a page: it moves over with what it heads.
      pageBreakBefore: keepHeadlineWithNext,
      header: () => ({
        margin: [SIDE, 20, SIDE, 0],
        stack: [
          { text: MARKING, bold: true, alignment: 'center', fontSize: 10 },
          {
            columns: [
              { text: doc.title, fontSize: 8, color: MUTED },
              { text: words.reference, fontSize: 8, color: MUTED, alignment: 'right' },
            ],
          },
        ],
      }),
      footer: (page, pages) => ({
        margin: [SIDE, 14, SIDE, 0],
        stack: [
          {
            columns: [
              { text: words.produced, fontSize: 8, color: MUTED, width: '*' },
              { text: `Page ${page} of ${pages}`, fontSize: 8, alignment: 'right', width: 'auto' },
            ],
          },
          { text: MARKING, bold: true, alignment: 'center', fontSize: 10, margin: [0, 4, 0, 0] },
        ],
      }),
      content: [
        { text: doc.title, style: 'title' },
        { text: `${words.produced}.`, style: 'note', margin: [0, 0, 0, 12] },
        ...doc.blocks.map(blockContent),
      ],
      defaultStyle: { font: 'Roboto', fontSize: 10, color: INK, lineHeight: 1.2 },
      styles: {
        title: { fontSize: 18, bold: true, margin: [0, 0, 0, 4] },
        h1: { fontSize: 13, bold: true, margin: [0, 10, 0, 6] },
        h2: { fontSize: 11, bold: true, margin: [0, 8, 0, 4] },
        caption: { fontSize: 9, italics: true, color: MUTED, margin: [0, 0, 0, 4] },
        body: { margin: [0, 0, 0, 6] },
        note: { fontSize: 8.5, color: MUTED, margin: [0, 0, 0, 6] },
      },
    })
    .getBuffer();
}
