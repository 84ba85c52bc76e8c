/**
 * The Word renderer: a ReportDocument as a .docx (docx 9), packed in memory. Word draws the
 * "Page N of M" fields itself; the marking and the case reference are in every page's header
 * and footer. The text is set in Arial, which every trust laptop has (a .docx names its fonts
 * rather than carrying them).
 */
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
} from 'docx';
import { THIRD_PARTY_MARK, columnShares, pageWords, rowHasThirdParty } from './layout';
import { MARKING, cellText, isThirdPartyCell, type Block, type Cell, type ReportDocument } from './model';

/** A4 with 2 cm side margins, in twentieths of a point (Word's unit). */
const PAGE = { width: 11906, height: 16838 };
const SIDE = 1134;
const USABLE = PAGE.width - 2 * SIDE;
const MUTED = '4A4A4A';
const HEADER_FILL = 'E6EAEE';
/** The same pale amber as the PDF; the label says it in words as well. */
const THIRD_PARTY_FILL = 'FBEECF';

/** Room inside each table cell (twips), so text does not touch the borders. */
const CELL_MARGINS = { top: 40, bottom: 40, left: 90, right: 90 };

/** Half-points, as docx wants font sizes. */
const pt = (points: number) => points * 2;

/**
 * Paragraph spacing in twips (twentieths of a point), the same for every report: a heading has
 * room above it (more than below, so it reads as the start of what follows) and is kept on the
 * page of the paragraph after it (keepNext), and whole (keepLines); text has one gap after it.
 */
const SPACING = {
  h1: { before: 360, after: 120 },
  h2: { before: 240, after: 80 },
  body: { after: 120 },
  item: { after: 40 },
  caption: { before: 120, after: 80 },
  /** After a table or a list, before what follows. */
  gap: { after: 160 },
} as const;

/** An empty paragraph that only spaces blocks apart (Word needs one after a table). */
function gap(): Paragraph {
  return new Paragraph({ children: [], spacing: SPACING.gap });
}

function fill(colour: string) {
  return { type: ShadingType.CLEAR, color: 'auto', fill: colour };
}

function thirdPartyLabel(): Paragraph {
  return new Paragraph({
    children: [new TextRun({ text: THIRD_PARTY_MARK, bold: true, size: pt(7.5) })],
  });
}

function cellParagraphs(cell: Cell): Paragraph[] {
  const text = new Paragraph({ children: [new TextRun({ text: cellText(cell), size: pt(9) })] });
  return isThirdPartyCell(cell) ? [thirdPartyLabel(), text] : [text];
}

function table(block: Extract<Block, { kind: 'table' }>): FileChild[] {
  // The caption stays on the page of the table it names.
  const caption = new Paragraph({
    children: [new TextRun({ text: block.caption, italics: true, color: MUTED, size: pt(9) })],
    spacing: SPACING.caption,
    keepNext: true,
    keepLines: true,
  });
  if (block.rows.length === 0) {
    return [
      caption,
      new Paragraph({ children: [new TextRun({ text: block.empty, color: MUTED })], spacing: SPACING.body }),
    ];
  }
  const widths = columnShares(block.columns, USABLE).map(Math.floor);
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: block.columns.map(
      (c, i) =>
        new TableCell({
          width: { size: widths[i] ?? 0, type: WidthType.DXA },
          shading: fill(HEADER_FILL),
          children: [new Paragraph({ children: [new TextRun({ text: c.header, bold: true, size: pt(9) })] })],
        }),
    ),
  });
  const rows = block.rows.map((row) => {
    const marked = rowHasThirdParty(row);
    return new TableRow({
      cantSplit: true,
      children: row.cells.map(
        (cell, i) =>
          new TableCell({
            width: { size: widths[i] ?? 0, type: WidthType.DXA },
            ...(marked ? { shading: fill(THIRD_PARTY_FILL) } : {}),
            children: cellParagraphs(cell),
          }),
      ),
    });
  });
  return [
    caption,
    new Table({
      width: { size: USABLE, type: WidthType.DXA },
      columnWidths: widths,
      margins: CELL_MARGINS,
      rows: [header, ...rows],
    }),
    gap(),
  ];
}

function blockChildren(block: Block): FileChild[] {
  switch (block.kind) {
    case 'heading':
      return [
        new Paragraph({
          text: block.text,
          heading: block.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
          spacing: block.level === 1 ? SPACING.h1 : SPACING.h2,
          keepNext: true,
          keepLines: true,
          ...(block.newPage ? { pageBreakBefore: true } : {}),
        }),
      ];
    case 'paragraph': {
      const note = block.style === 'note';
      const run = new TextRun({ text: block.text, ...(note ? { size: pt(8.5), color: MUTED } : {}) });
      if (!block.thirdParty) return [new Paragraph({ children: [run], spacing: SPACING.body })];
      return [
        new Table({
          width: { size: USABLE, type: WidthType.DXA },
          columnWidths: [USABLE],
          rows: [
            new TableRow({
              children: [
                new TableCell({
                  shading: fill(THIRD_PARTY_FILL),
                  children: [thirdPartyLabel(), new Paragraph({ children: [run] })],
                }),
              ],
            }),
          ],
        }),
        gap(),
      ];
    }
    case 'keyValues':
      return [
        ...block.items.map(
          (i) =>
            new Paragraph({
              children: [new TextRun({ text: `${i.key}: `, bold: true }), new TextRun({ text: i.value })],
              spacing: SPACING.item,
            }),
        ),
        gap(),
      ];
    case 'table':
      return table(block);
  }
}

/** Draw the report and return the .docx file's bytes. */
export async function renderDocx(doc: ReportDocument): Promise<Buffer> {
  const words = pageWords(doc);
  const marking = () =>
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text: MARKING, bold: true, size: pt(10) })],
    });
  const small = (text: string) => new TextRun({ text, size: pt(8), color: MUTED });
  const document = new Document({
    creator: doc.producedBy,
    title: words.fileTitle,
    subject: MARKING,
    styles: { default: { document: { run: { font: 'Arial', size: pt(10) } } } },
    sections: [
      {
        properties: { page: { size: PAGE, margin: { top: 1300, bottom: 1300, left: SIDE, right: SIDE } } },
        headers: {
          default: new Header({
            children: [
              marking(),
              new Paragraph({ alignment: AlignmentType.CENTER, children: [small(`${doc.title}. ${words.reference}`)] }),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [small(`${words.produced}.`)],
              }),
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES], size: pt(8) }),
                ],
              }),
              marking(),
            ],
          }),
        },
        children: [
          new Paragraph({ text: doc.title, heading: HeadingLevel.TITLE }),
          new Paragraph({ children: [small(`${words.produced}.`)], spacing: { after: 240 } }),
          ...doc.blocks.flatMap(blockChildren),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
