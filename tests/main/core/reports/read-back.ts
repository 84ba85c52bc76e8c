/**
 * Read a rendered report back the way a person's tools would: poppler's pdftotext for a PDF
 * (one string per page), and the XML parts of a .docx (a zip) through `unzip -p`. The files go
 * to a temporary folder the test removes: test data only, never a real case.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const POPPLER = existsSync('/usr/bin/pdftotext') && existsSync('/usr/bin/pdfinfo');
export const UNZIP = existsSync('/usr/bin/unzip');

function withFile<T>(bytes: Buffer, name: string, fn: (path: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'ncats-report-test-'));
  try {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return fn(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of each page (pdftotext separates pages with a form feed). */
export function pdfPages(bytes: Buffer): string[] {
  return withFile(bytes, 'r.pdf', (path) => {
    const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
    const pages = text.split('\f');
    if (pages.at(-1)?.trim() === '') pages.pop();
    return pages;
  });
}

export function pdfPageCount(bytes: Buffer): number {
  return withFile(bytes, 'r.pdf', (path) =>
    Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))?.[1]),
  );
}

/** The visible text of a WordprocessingML part: the runs' text, paragraphs on their own lines. */
export function xmlText(xml: string): string {
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<w:tab\/>/g, '\t')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'");
}

/** Every XML part of a .docx by name (word/document.xml, word/header1.xml ...). */
export function docxParts(bytes: Buffer): Record<string, string> {
  return withFile(bytes, 'r.docx', (path) => {
    const names = execFileSync('unzip', ['-Z1', path], { encoding: 'utf8' }).trim().split('\n');
    return Object.fromEntries(
      names
        .filter((n) => n.startsWith('word/') && n.endsWith('.xml'))
        .map((n) => [n, execFileSync('unzip', ['-p', path, n], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })]),
    );
  });
}
