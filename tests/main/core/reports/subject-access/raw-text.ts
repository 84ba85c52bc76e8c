/**
 * A PDF's text in the order it was drawn (`pdftotext -raw`), so a table cell's lines come one
 * after another instead of beside the other columns (as `-layout` gives them): a redacted word
 * split over two lines of a cell would otherwise slip past a "does not contain" check.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function pdfRawText(bytes: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'ncats-sar-test-'));
  try {
    const path = join(dir, 'r.pdf');
    writeFileSync(path, bytes);
    return execFileSync('pdftotext', ['-raw', path, '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
