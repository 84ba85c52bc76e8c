/**
 * A report of one consultation: the report context's record (route `?record=`, CLI `--record`)
 * chooses which of the case's consultations is printed; without it, the most recent. A record
 * of another case, or an unknown one, is refused in the same words, and the export's audit row
 * names the record printed.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import '../../../../main/core/core';
import { createConsultation } from '../../../../main/core/consultations/consultations.service';
import { exportReport, readReport } from '../../../../main/core/reports/report-export';
import { requireReportKind } from '../../../../main/core/reports/registry';
import { makeVault, type TestVault } from '../cases/fixtures';
import { POPPLER, UNZIP, docxParts, pdfPages, xmlText } from '../reports/read-back';
import { consultation, networkCase, type NetworkCase } from './fixtures';

let t: TestVault;
let n: NetworkCase;
let olderId: string;
let newerId: string;
let otherCaseConsultationId: string;

beforeEach(async () => {
  t = await makeVault('2025-06-15T10:00:00Z');
  n = await networkCase(t.vault);
  olderId = createConsultation(
    t.vault,
    n.caseId,
    consultation(n, { meetingDate: '2025-03-04', discussion: 'The first consultation, about the school referral.' }),
  ).id;
  newerId = createConsultation(
    t.vault,
    n.caseId,
    consultation(n, { meetingDate: '2025-06-10', discussion: 'The second consultation, about contact at home.' }),
  ).id;
  const other = await networkCase(t.vault);
  otherCaseConsultationId = createConsultation(t.vault, other.caseId, consultation(other)).id;
});
afterEach(() => t.cleanup());

function lastExportDetail(): Record<string, unknown> {
  const row = t.vault.db
    .prepare("SELECT detail FROM audit_log WHERE action = 'report.export' ORDER BY seq DESC LIMIT 1")
    .get() as { detail: string };
  return JSON.parse(row.detail) as Record<string, unknown>;
}

function exportCount(): number {
  return (
    t.vault.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'report.export'").get() as { n: number }
  ).n;
}

describe('the consultation report of one consultation', () => {
  it.skipIf(!POPPLER)('as PDF: the chosen (older) consultation, and not the latest', async () => {
    const report = await exportReport(t.vault, {
      caseId: n.caseId,
      kind: 'consultation',
      format: 'pdf',
      recordId: olderId,
    });
    const text = pdfPages(report.bytes).join('\n').replace(/\s+/g, ' ');
    expect(text).toContain('04/03/2025');
    expect(text).toContain('The first consultation, about the school referral.');
    expect(text).not.toContain('10/06/2025');
    expect(text).not.toContain('The second consultation');
  });

  it.skipIf(!UNZIP)('as Word: the chosen consultation too', async () => {
    const report = await exportReport(t.vault, {
      caseId: n.caseId,
      kind: 'consultation',
      format: 'docx',
      recordId: olderId,
    });
    const body = xmlText(docxParts(report.bytes)['word/document.xml'] ?? '');
    expect(body).toContain('04/03/2025');
    expect(body).not.toContain('The second consultation');
  });

  it('two consultations exported on the same day get different file names, each naming its consultation', async () => {
    const older = await exportReport(t.vault, {
      caseId: n.caseId,
      kind: 'consultation',
      format: 'docx',
      recordId: olderId,
    });
    const newer = await exportReport(t.vault, {
      caseId: n.caseId,
      kind: 'consultation',
      format: 'docx',
      recordId: newerId,
    });
    expect(older.fileName).toBe(`${n.reference} consultation on 04-03-2025 exported 15-06-2025.docx`);
    expect(newer.fileName).toBe(`${n.reference} consultation on 10-06-2025 exported 15-06-2025.docx`);
  });

  it('without a record, the most recent; the audit row names the record printed either way', () => {
    const latest = readReport(t.vault, n.caseId, 'consultation', 'pdf');
    expect(JSON.stringify(latest.blocks)).toContain('The second consultation');
    expect(lastExportDetail()).toMatchObject({
      kind: 'consultation',
      recordId: newerId,
      record: 'Consultation on 10/06/2025',
    });
    readReport(t.vault, n.caseId, 'consultation', 'docx', olderId);
    expect(lastExportDetail()).toMatchObject({
      kind: 'consultation',
      format: 'docx',
      recordId: olderId,
      record: 'Consultation on 04/03/2025',
    });
  });

  it('refuses a consultation of another case and an unknown one in the same words, listing the case’s own', () => {
    const before = exportCount();
    for (const recordId of [otherCaseConsultationId, '00000000-0000-4000-8000-000000000000']) {
      let refused: unknown;
      try {
        readReport(t.vault, n.caseId, 'consultation', 'pdf', recordId);
      } catch (err) {
        refused = err;
      }
      expect(refused).toMatchObject({ code: 'NOT_FOUND' });
      const message = (refused as Error).message;
      expect(message).toContain(`There is no consultation ${recordId} in this case.`);
      expect(message).toContain(`Consultation on 10/06/2025 (${newerId})`);
      expect(message).toContain(`Consultation on 04/03/2025 (${olderId})`);
    }
    // Nothing left the vault, so nothing was audited as an export.
    expect(exportCount()).toBe(before);
  });

  it('refuses a record for a whole-case report; a kind says whether it takes one', () => {
    expect(() => readReport(t.vault, n.caseId, 'chronology', 'pdf', olderId)).toThrow(
      'The chronology is of the whole case: it is not of one record.',
    );
    expect(requireReportKind('consultation').subject?.noun).toBe('consultation');
    expect(requireReportKind('chronology').subject).toBeUndefined();
  });

  it('lists the choices newest first, each named by its meeting date', () => {
    expect(requireReportKind('consultation').subject?.choices(t.vault.db, n.caseId)).toEqual([
      { id: newerId, label: 'Consultation on 10/06/2025' },
      { id: olderId, label: 'Consultation on 04/03/2025' },
    ]);
  });
});
