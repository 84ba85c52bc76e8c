/**
 * summary.pdf: a readable account of what the bundle holds, for a reader without the app (for
 * example someone who opened a passphrase bundle with the age command-line tool). Laid out as a
 * report document and drawn by the report engine's PDF renderer, so it carries the same page
 * furniture as every report: OFFICIAL-SENSITIVE, the case reference and "Page N of M".
 */
import { ukDate, ukProducedAt } from '../reports/format';
import type { Block } from '../reports/model';
import { renderPdf } from '../reports/pdf';
import type { BundleModule, BundleRecord } from './registry';

/** Re-exported for the bundle modules' summaries, which format their dates with it. */
export { ukDate };

export interface SummaryInput {
  caseReference: string;
  senderName: string;
  senderService: string;
  senderFingerprint: string;
  created: string;
  basis: string;
  bundleId: string;
  modules: { module: BundleModule; records: readonly BundleRecord[] }[];
  documents: { id: string; size: number }[];
}

export function summaryBlocks(input: SummaryInput): Block[] {
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: 'OFFICIAL-SENSITIVE: personal health information about a child. Keep it on encrypted media and share it only on a lawful basis.',
    },
    { kind: 'heading', level: 1, text: 'About this bundle' },
    { kind: 'paragraph', text: `Sent by ${input.senderName}, ${input.senderService}, on ${ukDate(input.created)}.` },
    { kind: 'paragraph', text: `Sender's key fingerprint: ${input.senderFingerprint}` },
    { kind: 'paragraph', text: `Bundle id: ${input.bundleId}` },
    { kind: 'paragraph', text: `Basis for sharing: ${input.basis}` },
  ];
  for (const { module, records } of input.modules) {
    const sections = module.summarise?.(records) ?? [{ heading: `${module.name} (${records.length})`, lines: [] }];
    for (const section of sections) {
      blocks.push({ kind: 'heading', level: 1, text: section.heading });
      for (const line of section.lines) blocks.push({ kind: 'paragraph', text: line });
    }
  }
  if (input.documents.length > 0) {
    blocks.push({ kind: 'heading', level: 1, text: `Documents (${input.documents.length})` });
    blocks.push({
      kind: 'paragraph',
      text: 'The files are in the documents folder of the archive, named by their id.',
    });
  }
  return blocks;
}

export function buildSummaryPdf(input: SummaryInput): Promise<Buffer> {
  return renderPdf({
    title: `Case ${input.caseReference}: summary of a case bundle`,
    caseReference: input.caseReference,
    producedBy: `${input.senderName}, ${input.senderService}`,
    producedAt: ukProducedAt(new Date(input.created)),
    blocks: summaryBlocks(input),
  });
}
