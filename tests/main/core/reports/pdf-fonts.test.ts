/**
 * The PDF renderer's fonts, parsed once per process (pdf-fonts.ts): pdfkit is handed a view of
 * the same parsed font for every document through a handle, nothing else passes for a handle, and
 * each PDF still embeds its own subset (only the glyphs it uses) and its own text layer, so
 * sharing the parsed font carries nothing from one report into the next.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pdfmake from 'pdfmake';
import { describe, expect, it } from 'vitest';
import type { ReportDocument } from '../../../../main/core/reports/model';
import { renderPdf } from '../../../../main/core/reports/pdf';
import { robotoFontTable, type VirtualFs } from '../../../../main/core/reports/pdf-fonts';
import { POPPLER, pdfPages } from './read-back';

const requireHere = createRequire(import.meta.url);
const fontkit = createRequire(requireHere.resolve('pdfkit'))('fontkit') as {
  create(bytes: Uint8Array): { postscriptName: string };
};
const virtualfs = (pdfmake as unknown as { virtualfs: VirtualFs & { readFileSync(name: string): Buffer } }).virtualfs;

function paragraph(text: string): ReportDocument {
  return { ...doc('', 0), blocks: [{ kind: 'paragraph', text }] };
}

function doc(text: string, rows: number): ReportDocument {
  return {
    title: 'Font test',
    caseReference: 'NC-2025-0042',
    producedBy: 'Ada Admin',
    producedAt: '01/12/2026 at 09:30',
    blocks: [
      {
        kind: 'table',
        caption: 'Rows.',
        columns: [{ header: 'Text', weight: 1 }],
        rows: Array.from({ length: rows }, () => ({ cells: [text] })),
        empty: 'None.',
      },
    ],
  };
}

function embeddedFonts(bytes: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'ncats-font-test-'));
  try {
    writeFileSync(join(dir, 'r.pdf'), bytes);
    return execFileSync('pdffonts', [join(dir, 'r.pdf')], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the PDF fonts, parsed once per process', () => {
  it('hands pdfkit a view of the same parsed font for a handle every time, each with its own glyphs', () => {
    const table = robotoFontTable(virtualfs);
    const handle = virtualfs.readFileSync(table.Roboto.normal);
    const first = fontkit.create(handle);
    const second = fontkit.create(Buffer.from(handle));
    expect(first.postscriptName).toBe('Roboto-Regular');
    expect(second).not.toBe(first);
    expect(Object.getPrototypeOf(second)).toBe(Object.getPrototypeOf(first));
    expect((second as unknown as { _glyphs: object })._glyphs).not.toBe(
      (first as unknown as { _glyphs: object })._glyphs,
    );
    expect(fontkit.create(virtualfs.readFileSync(table.Roboto.bolditalics)).postscriptName).toBe('Roboto-MediumItalic');
  });

  // Roboto's semicolon is a compound glyph built from its comma; the subset fetched the comma
  // with no characters, and a shared glyph cache then kept it so for every later report.
  it.skipIf(!POPPLER)('keeps the text of every later report whole after one that drew a semicolon', async () => {
    await renderPdf(paragraph('First; second'));
    const text = pdfPages(await renderPdf(paragraph('Redacted: third-party information, item 4'))).join('');
    expect(text).toContain('Redacted: third-party information, item 4');
  });

  it('takes nothing but its own four handles for a handle', () => {
    expect(() => fontkit.create(Buffer.from('NCATS-parsed-font:../../../etc/passwd', 'latin1'))).toThrow();
    expect(() => fontkit.create(Buffer.from('NCATS-parsed-font:Roboto-Thin.ttf', 'latin1'))).toThrow();
  });

  it('embeds in each PDF only the glyphs that PDF uses, whatever was drawn before', async () => {
    const short = doc('abc', 1);
    const alone = await renderPdf(short);
    await renderPdf(doc('The quick brown fox jumps over the lazy dog 0123456789 ÀÉÎÕÜ ŁŻŚ', 80));
    const after = await renderPdf(short);
    expect(after.length).toBe(alone.length);
  });

  it.skipIf(!POPPLER)('embeds Roboto as a subset in the PDF', async () => {
    const fonts = embeddedFonts(await renderPdf(doc('Embedded text', 2)));
    expect(fonts).toMatch(/[A-Z]{6}\+Roboto-Regular\s+CID TrueType\s+Identity-H\s+yes\s+yes/);
    expect(fonts).toMatch(/\+Roboto-Medium\s/);
  });
});
