/**
 * The registry of report kinds. A module contributes its reports from its own folder with one
 * `registerReportKind` call (as modules add chronology sources), and the export, the byte route
 * and the CLI find them here by id. The chronology registers itself in chronology-report.ts.
 */
import type { Db } from '../db/connection';
import { AppError } from '../errors';
import type { ReportContent } from './model';

/** What a report kind is given to read from (inside the export's transaction). */
export interface ReportContext {
  db: Db;
  caseId: string;
  /** Today in England (`yyyy-mm-dd`): what is "upcoming" and what has happened. */
  today: string;
  /** The display name of the person producing it. */
  producedBy: string;
  /** When it is produced. */
  now: Date;
}

export interface ReportKind {
  /** Lower-case letters and dashes: the route's file name and the CLI's --kind, e.g. "chronology". */
  id: string;
  /** What people call it, e.g. "Chronology". */
  title: string;
  /**
   * Read the records (synchronously, in the export's transaction) and lay the report out. The
   * engine adds the title, who produced it and when, and the page furniture.
   */
  build(ctx: ReportContext): ReportContent;
}

export const REPORT_FORMATS = ['pdf', 'docx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const kinds = new Map<string, ReportKind>();

/** Add a report kind (once, when its module loads). A second kind with the same id is a bug. */
export function registerReportKind(kind: ReportKind): void {
  if (!/^[a-z]+(-[a-z]+)*$/.test(kind.id))
    throw new Error(`Report kind id "${kind.id}" must be lower-case words joined by dashes.`);
  if (kinds.has(kind.id)) throw new Error(`Report kind "${kind.id}" is registered twice.`);
  kinds.set(kind.id, kind);
}

export function reportKinds(): ReportKind[] {
  return [...kinds.values()];
}

/** The kind with this id, or INVALID_INPUT naming the ones there are. */
export function requireReportKind(id: string): ReportKind {
  const kind = kinds.get(id);
  if (!kind) {
    const known =
      reportKinds()
        .map((k) => k.id)
        .join(', ') || 'none';
    throw new AppError('INVALID_INPUT', `There is no report called "${id}". The reports are: ${known}.`);
  }
  return kind;
}

function isReportFormat(format: string): format is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(format);
}

export function requireReportFormat(format: string): ReportFormat {
  if (!isReportFormat(format)) {
    throw new AppError('INVALID_INPUT', `A report can be made as pdf or docx (Word), not "${format}".`);
  }
  return format;
}
