/**
 * The report document model: what every report kind builds from the records and both renderers
 * (pdf.ts, docx.ts) draw. It holds text only, already formatted for people (UK dates, labels),
 * so a renderer never needs to know which report it is drawing.
 */

/** The UK government security classification every page of every report carries. */
export const MARKING = 'OFFICIAL-SENSITIVE';

/** The words that mark third-party information (never colour alone). */
export const THIRD_PARTY_LABEL = 'Third-party information';

/** A table cell: plain text, or text that holds information about someone other than the young person. */
export type Cell = string | { text: string; thirdParty: true };

export interface TableColumn {
  header: string;
  /** Relative width: columns share the page width in proportion to these. */
  weight: number;
}

export interface TableRow {
  cells: readonly Cell[];
}

export type Block =
  /**
   * Level 1 starts a section; level 2 a part of one. `newPage`: the section starts a page of its
   * own (a part meant to be read, or taken out, apart from what comes before it).
   */
  | { kind: 'heading'; text: string; level: 1 | 2; newPage?: boolean }
  /** `note`: smaller, for explanations a reader may skip. `thirdParty`: marked as such. */
  | { kind: 'paragraph'; text: string; style?: 'normal' | 'note'; thirdParty?: boolean }
  /** Labelled facts ("Date of birth: 14/03/2010"), drawn as a two-column list. */
  | { kind: 'keyValues'; items: readonly { key: string; value: string }[] }
  /** A table whose header row repeats on every page; `empty` is shown when there are no rows. */
  | { kind: 'table'; caption: string; columns: readonly TableColumn[]; rows: readonly TableRow[]; empty: string };

/** What a report kind lays out from the records. */
export interface ReportContent {
  /** The case reference printed on every page. */
  caseReference: string;
  blocks: readonly Block[];
  /** Replaces the kind's title on page one and every page header (a reviewer's copy says so). */
  title?: string;
  /** Figures the kind adds to its export's audit row (a subject access request's redaction counts). */
  auditDetail?: Readonly<Record<string, string | number | boolean>>;
}

/** One report: its content and its page furniture. */
export interface ReportDocument extends ReportContent {
  /** Shown at the top of page one and in every page header, e.g. "Chronology". */
  title: string;
  /** Who produced it (display name) and when, already formatted ("01/12/2026 at 09:30"). */
  producedBy: string;
  producedAt: string;
}

export function cellText(cell: Cell): string {
  return typeof cell === 'string' ? cell : cell.text;
}

export function isThirdPartyCell(cell: Cell): boolean {
  return typeof cell !== 'string' && cell.thirdParty;
}

/** "Produced by Ada Admin on 01/12/2026 at 09:30": under the title and in every footer. */
export function producedLine(doc: ReportDocument): string {
  return `Produced by ${doc.producedBy} on ${doc.producedAt}`;
}
