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
  /**
   * For a kind with a `subject`: the record the report is of (one of the case's, already
   * checked by the engine; the newest when none was asked for). Absent for a whole-case kind.
   */
  recordId?: string;
  /**
   * For a kind that `takes.person`: the person of the case the report is for (a carer's own
   * subject access request) rather than the young person. Checked by the kind.
   */
  personId?: string;
  /** For a kind that `takes.reviewerCopy`: the reviewer's copy (with what was redacted) is asked for. */
  reviewerCopy?: boolean;
}

/** One record a report can be of, as a person picks it: "Consultation on 10/06/2025". */
export interface ReportSubjectChoice {
  id: string;
  label: string;
}

/** What a kind that reports on one record of a case (one consultation, say) says about it. */
export interface ReportSubject {
  /** What one record is called, in lower case: "consultation". */
  noun: string;
  /**
   * The case's records the report can be of, newest first (the first is the one printed when no
   * record is asked for). Read inside the export's transaction.
   */
  choices(db: Db, caseId: string): ReportSubjectChoice[];
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
  /**
   * Present when the report is of one record of the case rather than the whole case: the route
   * (`?record=<id>`) and the CLI (`--record ID`) may then name the record, and the engine
   * refuses one that is not among `choices`. Absent: asking for a record is refused.
   */
  subject?: ReportSubject;
  /**
   * What else the kind takes besides the case (the subject access request: a person, and a
   * reviewer's copy). Absent: the engine refuses `personId` and `reviewerCopy`.
   */
  takes?: { person?: boolean; reviewerCopy?: boolean };
  /**
   * The audit action of an export of this kind, when it is not `report.export` (a subject access
   * request is audited under its own name, with the build's `auditDetail`).
   */
  auditAction?: string;
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

/** Refuses a person or a reviewer's copy asked of a kind that takes neither. */
export function checkReportOptions(kind: ReportKind, options: { personId?: string; reviewerCopy?: boolean }): void {
  const title = kind.title.toLowerCase();
  if (options.personId !== undefined && !kind.takes?.person)
    throw new AppError('INVALID_INPUT', `The ${title} is not made for one person: leave out the person.`);
  if (options.reviewerCopy && !kind.takes?.reviewerCopy)
    throw new AppError('INVALID_INPUT', `The ${title} has no reviewer’s copy.`);
}

/**
 * The record a report is of: the one asked for, when it is one of the case's, or the newest.
 * Refuses a record for a whole-case kind, and an unknown record or one of another case (without
 * saying which: the words are the same either way), listing the case's own.
 */
export function resolveReportRecord(
  kind: ReportKind,
  db: Db,
  caseId: string,
  recordId: string | undefined,
): ReportSubjectChoice | null {
  const subject = kind.subject;
  if (!subject) {
    if (recordId === undefined) return null;
    throw new AppError(
      'INVALID_INPUT',
      `The ${kind.title.toLowerCase()} is of the whole case: it is not of one record.`,
    );
  }
  const choices = subject.choices(db, caseId);
  if (choices.length === 0) throw new AppError('NOT_FOUND', `This case has no ${subject.noun} to report on yet.`);
  if (recordId === undefined) return choices[0] ?? null;
  const chosen = choices.find((c) => c.id === recordId);
  if (chosen) return chosen;
  const listed = choices.map((c) => `${c.label} (${c.id})`).join('; ');
  throw new AppError(
    'NOT_FOUND',
    `There is no ${subject.noun} ${recordId} in this case. Its ${subject.noun}s are: ${listed}.`,
  );
}
