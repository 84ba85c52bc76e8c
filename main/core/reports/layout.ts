/**
 * What both renderers (pdf.ts, docx.ts) work out the same way from a report: the words of the
 * page furniture, the mark on third-party content, and each table column's share of the page.
 * Worked out once here, so the PDF and the Word file of one report cannot drift apart.
 */
import {
  THIRD_PARTY_LABEL,
  isThirdPartyCell,
  producedLine,
  type ReportDocument,
  type TableColumn,
  type TableRow,
} from './model';

/** The words above third-party content, in capitals so they stand out without colour. */
export const THIRD_PARTY_MARK = THIRD_PARTY_LABEL.toUpperCase();

export interface PageWords {
  /** "Case NC-2026-0001": in every header. */
  reference: string;
  /** The file's own title property: "Chronology: Case NC-2026-0001". */
  fileTitle: string;
  /** "Case NC-2026-0001. Produced by Ada Admin on 01/12/2026 at 09:30": under the title and in every footer. */
  produced: string;
}

export function pageWords(doc: ReportDocument): PageWords {
  const reference = `Case ${doc.caseReference}`;
  return { reference, fileTitle: `${doc.title}: ${reference}`, produced: `${reference}. ${producedLine(doc)}` };
}

/** Each column's width: its share of `usable`, in proportion to its weight. */
export function columnShares(columns: readonly TableColumn[], usable: number): number[] {
  const total = columns.reduce((n, c) => n + c.weight, 0);
  return columns.map((c) => (c.weight / total) * usable);
}

/** A row with any third-party cell is shaded as a whole; the cell itself carries the words. */
export function rowHasThirdParty(row: TableRow): boolean {
  return row.cells.some(isThirdPartyCell);
}
