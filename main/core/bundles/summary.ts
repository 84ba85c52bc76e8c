/**
 * summary.pdf: a readable account of what the bundle holds, for a reader without the app (for
 * example someone who opened a passphrase bundle with the age command-line tool).
 */
import { renderPdf, type PdfBlock } from './pdf-writer';
import type { BundleModule, BundleRecord } from './registry';

/** `dd/mm/yyyy` (UK style) of an ISO date or date-time; the text itself when it is not one. */
export function ukDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

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

export function buildSummaryPdf(input: SummaryInput): Buffer {
  const blocks: PdfBlock[] = [
    { kind: 'title', text: `Case ${input.caseReference}: summary of a case bundle` },
    {
      kind: 'text',
      text: 'OFFICIAL-SENSITIVE: personal health information about a child. Keep it on encrypted media and share it only on a lawful basis.',
    },
    { kind: 'heading', text: 'About this bundle' },
    { kind: 'text', text: `Sent by ${input.senderName}, ${input.senderService}, on ${ukDate(input.created)}.` },
    { kind: 'text', text: `Sender's key fingerprint: ${input.senderFingerprint}` },
    { kind: 'text', text: `Bundle id: ${input.bundleId}` },
    { kind: 'text', text: `Basis for sharing: ${input.basis}` },
  ];
  for (const { module, records } of input.modules) {
    const sections = module.summarise?.(records) ?? [{ heading: `${module.name} (${records.length})`, lines: [] }];
    for (const section of sections) {
      blocks.push({ kind: 'heading', text: section.heading });
      for (const line of section.lines) blocks.push({ kind: 'text', text: line });
    }
  }
  if (input.documents.length > 0) {
    blocks.push({ kind: 'heading', text: `Documents (${input.documents.length})` });
    blocks.push({ kind: 'text', text: 'The files are in the documents folder of the archive, named by their id.' });
  }
  return renderPdf(blocks, `Case ${input.caseReference} - bundle ${input.bundleId.slice(0, 8)}`);
}
