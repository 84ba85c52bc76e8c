/**
 * The Word file's spacing, read from its XML: headings have space before (more than after) and
 * are kept with the next paragraph and whole, a table's caption stays with its table, body text
 * has one consistent gap after it, and a table's header row repeats on every page.
 */
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../../../main/core/reports/docx';
import type { Block, ReportDocument } from '../../../../main/core/reports/model';
import { UNZIP, docxParts } from './read-back';

const blocks: Block[] = [
  { kind: 'heading', level: 1, text: 'Reason for the consultation' },
  { kind: 'paragraph', text: 'First paragraph of the reason.' },
  { kind: 'paragraph', text: 'Second paragraph of the reason.' },
  { kind: 'heading', level: 2, text: 'Addendum 1' },
  { kind: 'paragraph', text: 'The addendum.' },
  {
    kind: 'table',
    caption: 'Who attended.',
    columns: [
      { header: 'Name', weight: 1 },
      { header: 'Agency', weight: 2 },
    ],
    rows: [{ cells: ['Priya Shah', 'Leeds Children’s Services'] }],
    empty: 'Nobody.',
  },
];

const doc: ReportDocument = {
  title: 'Spacing test',
  caseReference: 'NC-2025-0042',
  producedBy: 'Ada Admin',
  producedAt: '01/12/2026 at 09:30',
  blocks,
};

/** Each `<w:p>` of the body whose text contains `text`, as XML. */
function paragraphWith(xml: string, text: string): string {
  const found = xml.match(/<w:p>.*?<\/w:p>|<w:p [^>]*>.*?<\/w:p>/gs)?.find((p) => p.includes(`>${text}<`));
  if (!found) throw new Error(`No paragraph with "${text}"`);
  return found;
}

function spacing(paragraph: string): { before: number; after: number } {
  const tag = /<w:spacing [^>]*\/>/.exec(paragraph)?.[0] ?? '';
  const attr = (name: string) => Number(new RegExp(`w:${name}="(\\d+)"`).exec(tag)?.[1] ?? 0);
  return { before: attr('before'), after: attr('after') };
}

describe.skipIf(!UNZIP)('Word spacing (skipped without unzip)', () => {
  it('spaces headings before and after, and keeps them with the next paragraph', async () => {
    const xml = docxParts(await renderDocx(doc))['word/document.xml'] ?? '';
    for (const heading of ['Reason for the consultation', 'Addendum 1']) {
      const p = paragraphWith(xml, heading);
      expect(p).toMatch(/<w:keepNext\/>/);
      expect(p).toMatch(/<w:keepLines\/>/);
      const { before, after } = spacing(p);
      expect(before).toBeGreaterThan(after);
      expect(after).toBeGreaterThan(0);
    }
    expect(spacing(paragraphWith(xml, 'Reason for the consultation')).before).toBeGreaterThan(
      spacing(paragraphWith(xml, 'Addendum 1')).before,
    );
    // Body text: the same gap after every paragraph, and not kept with the next.
    const bodies = ['First paragraph of the reason.', 'Second paragraph of the reason.', 'The addendum.'].map((t) =>
      paragraphWith(xml, t),
    );
    expect(new Set(bodies.map((p) => spacing(p).after)).size).toBe(1);
    expect(spacing(bodies[0] ?? '').after).toBeGreaterThan(0);
    for (const p of bodies) expect(p).not.toMatch(/<w:keepNext\/>/);
    // The caption stays with its table; the header row repeats on each page.
    expect(paragraphWith(xml, 'Who attended.')).toMatch(/<w:keepNext\/>/);
    expect(xml).toMatch(/<w:tblHeader\/>/);
  });
});
