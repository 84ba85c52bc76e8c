/**
 * A tiny text-only PDF writer: A4 pages, Helvetica with WinAnsi encoding, headings, wrapped
 * paragraphs and page breaks. No PDF library is installed, and a bundle summary needs nothing
 * more; the output opens in any viewer and `pdftotext` reads it back (see the tests).
 */

const PAGE_WIDTH = 595;
const PAGE_HEIGHT = 842;
const MARGIN = 56;
const BODY_SIZE = 10;
const LINE_HEIGHT = 14;
/** Helvetica averages about half an em per character; 0.52 keeps long lines inside the margin. */
const CHARS_PER_LINE = Math.floor((PAGE_WIDTH - 2 * MARGIN) / (BODY_SIZE * 0.52));

export type PdfBlock = { kind: 'title' | 'heading' | 'text'; text: string };

/** Characters WinAnsi places in 0x80-0x9F (the rest of Latin-1 maps to itself). */
const WIN_ANSI_EXTRAS: Record<string, number> = {
  '€': 0x80,
  '‚': 0x82,
  ƒ: 0x83,
  '„': 0x84,
  '…': 0x85,
  '†': 0x86,
  '‡': 0x87,
  ˆ: 0x88,
  '‰': 0x89,
  Š: 0x8a,
  '‹': 0x8b,
  Œ: 0x8c,
  Ž: 0x8e,
  '‘': 0x91,
  '’': 0x92,
  '“': 0x93,
  '”': 0x94,
  '•': 0x95,
  '–': 0x96,
  '—': 0x97,
  '˜': 0x98,
  '™': 0x99,
  š: 0x9a,
  '›': 0x9b,
  œ: 0x9c,
  ž: 0x9e,
  Ÿ: 0x9f,
};

/** A PDF literal string in WinAnsi bytes; characters it cannot show become '?'. */
function pdfString(text: string): string {
  let out = '(';
  for (const ch of text.normalize('NFC')) {
    const code = ch.codePointAt(0) ?? 0x3f;
    let byte = WIN_ANSI_EXTRAS[ch] ?? (code >= 0x20 && code <= 0xff && !(code >= 0x7f && code <= 0x9f) ? code : 0x3f);
    if (ch === '\t') byte = 0x20;
    if (byte === 0x28 || byte === 0x29 || byte === 0x5c) out += `\\${String.fromCharCode(byte)}`;
    else if (byte < 0x20 || byte > 0x7e) out += `\\${byte.toString(8).padStart(3, '0')}`;
    else out += String.fromCharCode(byte);
  }
  return `${out})`;
}

/** Break a paragraph into lines of at most `width` characters, at spaces where possible. */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      let rest = word;
      while (rest.length > width) {
        if (line) lines.push(line);
        lines.push(rest.slice(0, width));
        rest = rest.slice(width);
        line = '';
      }
      if (!line) line = rest;
      else if (line.length + 1 + rest.length <= width) line += ` ${rest}`;
      else {
        lines.push(line);
        line = rest;
      }
    }
    lines.push(line);
  }
  return lines;
}

interface Line {
  font: 'F1' | 'F2';
  size: number;
  text: string;
  gapBefore: number;
}

function layout(blocks: readonly PdfBlock[]): Line[] {
  const lines: Line[] = [];
  for (const block of blocks) {
    if (block.kind === 'title') lines.push({ font: 'F2', size: 16, text: block.text, gapBefore: 0 });
    else if (block.kind === 'heading') lines.push({ font: 'F2', size: 12, text: block.text, gapBefore: 10 });
    else
      for (const l of wrapText(block.text, CHARS_PER_LINE))
        lines.push({ font: 'F1', size: BODY_SIZE, text: l, gapBefore: 0 });
  }
  return lines;
}

/** Lay the blocks out on as many pages as needed and return the PDF file's bytes. */
export function renderPdf(blocks: readonly PdfBlock[], footer: string): Buffer {
  const pages: string[] = [];
  let content = '';
  let y = PAGE_HEIGHT - MARGIN;
  const finishPage = () => {
    const n = pages.length + 1;
    content += `BT /F1 8 Tf ${MARGIN} 30 Td ${pdfString(`${footer} - page ${n}`)} Tj ET\n`;
    pages.push(content);
    content = '';
    y = PAGE_HEIGHT - MARGIN;
  };
  for (const line of layout(blocks)) {
    const height = LINE_HEIGHT + line.gapBefore + (line.size > BODY_SIZE ? 4 : 0);
    if (y - height < MARGIN) finishPage();
    y -= height;
    content += `BT /${line.font} ${line.size} Tf ${MARGIN} ${y} Td ${pdfString(line.text)} Tj ET\n`;
  }
  finishPage();

  // Objects: 1 catalog, 2 pages, 3 and 4 fonts, then a page and its content stream per page.
  const objects: string[] = [];
  const pageIds = pages.map((_, i) => 5 + i * 2);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  objects[4] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>';
  pages.forEach((stream, i) => {
    const pageId = 5 + i * 2;
    objects[pageId] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}] ` +
      `/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${pageId + 1} 0 R >>`;
    objects[pageId + 1] = `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}endstream`;
  });

  let body = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = Buffer.byteLength(body, 'latin1');
    body += `${id} 0 obj\n${objects[id] ?? ''}\nendobj\n`;
  }
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) body += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
