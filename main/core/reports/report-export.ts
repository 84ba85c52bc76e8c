/**
 * Producing a report: read the case through the report kind and write the `report.export`
 * audit row in one transaction (a report is a copy of case data leaving the vault), then draw
 * it as PDF or Word in memory. No byte is written to disk here: the caller streams the Buffer
 * to the place the user chose (the save dialog, or the CLI's --out file).
 */
import { today as todayIn, requireCase } from '../cases/cases.service';
import { userDisplayName } from '../cases/cases.repo';
import type { OpenVault } from '../vault/vault';
import { renderDocx } from './docx';
import { ukProducedAt } from './format';
import type { ReportDocument } from './model';
import { renderPdf } from './pdf';
import {
  checkReportOptions,
  requireReportFormat,
  requireReportKind,
  resolveReportRecord,
  type ReportFormat,
} from './registry';
// The built-in kinds register themselves when loaded.
import './chronology-report';
import './subject-access/subject-access-report';

export interface ReportRequest {
  caseId: string;
  /** A registered kind's id, e.g. "chronology". */
  kind: string;
  format: ReportFormat | string;
  /**
   * The record the report is of, for a kind that reports on one (a consultation's id): refused
   * when it is not one of the case's. Absent: the newest.
   */
  recordId?: string;
  /** For a kind that takes one (the subject access request): the person it is for. */
  personId?: string;
  /** For a kind that has one (the subject access request): the reviewer's copy. */
  reviewerCopy?: boolean;
}

/** What a kind may take besides the case and the record. */
export type ReportOptions = Pick<ReportRequest, 'personId' | 'reviewerCopy'>;

export interface RenderedReport {
  bytes: Buffer;
  /**
   * What the save dialog suggests: "NC-2025-0012 chronology 01-12-2026.pdf", or for a report of
   * one record its label too ("NC-2025-0012 consultation on 12-03-2026 exported 01-12-2026.pdf"),
   * so that two consultations exported on the same day do not get the same name.
   */
  fileName: string;
  mediaType: string;
  caseReference: string;
}

export const MEDIA_TYPES: Record<ReportFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** Read and audit; returns the document to draw. Exported for tests of the layout. */
export function readReport(
  vault: OpenVault,
  caseId: string,
  kindId: string,
  format: ReportFormat,
  recordId?: string,
  options: ReportOptions = {},
): ReportDocument & { recordLabel: string | null } {
  const kind = requireReportKind(kindId);
  checkReportOptions(kind, options);
  return vault.db
    .transaction(() => {
      requireCase(vault.db, caseId);
      const record = resolveReportRecord(kind, vault.db, caseId, recordId);
      const now = vault.now();
      const producedBy = userDisplayName(vault.db, vault.user.id) ?? vault.user.username;
      const content = kind.build({
        db: vault.db,
        caseId,
        today: todayIn(vault),
        producedBy,
        now,
        ...(record ? { recordId: record.id } : {}),
        ...(options.personId !== undefined ? { personId: options.personId } : {}),
        ...(options.reviewerCopy ? { reviewerCopy: true } : {}),
      });
      vault.audit({
        action: kind.auditAction ?? 'report.export',
        entityType: 'case',
        entityId: caseId,
        caseId,
        // The record printed is named even when none was asked for (the newest), so the trail
        // says which consultation left the vault.
        detail: {
          kind: kind.id,
          format,
          caseReference: content.caseReference,
          ...(record ? { recordId: record.id, record: record.label } : {}),
          ...content.auditDetail,
        },
      });
      const { auditDetail: _audited, ...drawn } = content;
      return {
        ...drawn,
        title: content.title ?? kind.title,
        producedBy,
        producedAt: ukProducedAt(now),
        recordLabel: record?.label ?? null,
      };
    })
    .immediate();
}

export async function exportReport(vault: OpenVault, request: ReportRequest): Promise<RenderedReport> {
  const format = requireReportFormat(request.format);
  const doc = readReport(vault, request.caseId, request.kind, format, request.recordId, {
    ...(request.personId !== undefined ? { personId: request.personId } : {}),
    ...(request.reviewerCopy ? { reviewerCopy: true } : {}),
  });
  const bytes = format === 'pdf' ? await renderPdf(doc) : await renderDocx(doc);
  const date = todayIn(vault).split('-').reverse().join('-');
  const name = doc.recordLabel
    ? `${doc.caseReference} ${fileNamePart(doc.recordLabel)} exported ${date}`
    : `${doc.caseReference} ${request.kind}${request.reviewerCopy ? ' reviewer copy' : ''} ${date}`;
  return {
    bytes,
    fileName: `${name}.${format}`,
    mediaType: MEDIA_TYPES[format],
    caseReference: doc.caseReference,
  };
}

/**
 * A record's label made safe for a file name on every system the file may travel to: dates
 * "12/03/2026" become "12-03-2026", characters Windows refuses become spaces, and the words lower
 * case to read on after the case reference ("Consultation on ..." -> "consultation on ...").
 */
export function fileNamePart(label: string): string {
  const printable = [...label].map((c) => (c.charCodeAt(0) < 32 ? ' ' : c)).join('');
  return printable
    .replace(/\//g, '-')
    .replace(/[\\:*?"<>|]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}
