/**
 * The documents of the case in the subject access request, from a real vault through the real
 * report: a schedule of every live document (title, date, type, disclosed or withheld and why);
 * a document marked as holding third-party information is withheld, its title and its chronology
 * entry too, and the reviewer's copy logs it and lists the files to supply separately.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import '../../../../../main/core/core';
import { importDocument } from '../../../../../main/core/documents/documents.service';
import { exportReport } from '../../../../../main/core/reports/report-export';
import {
  DOCUMENT_SUPPLIED,
  DOCUMENT_WITHHELD_TITLE,
  DOCUMENT_WITHHELD_WHY,
} from '../../../../../main/core/reports/subject-access/documents-schedule';
import type { DocumentView } from '../../../../../preload/contract';
import { makeVault, type TestVault } from '../../cases/fixtures';
import { POPPLER } from '../read-back';
import { pdfRawText } from './raw-text';
import { writeSarCase, type SarCase } from './sar-case';

let t: TestVault;
let g: SarCase;
let report: DocumentView;
beforeEach(async () => {
  t = await makeVault('2025-06-15T10:00:00Z');
  g = writeSarCase(t.vault);
  const add = (filename: string, title: string, thirdParty: boolean) =>
    importDocument(
      t.vault,
      { caseId: g.a.caseId, filename, title, thirdParty },
      Readable.from([Buffer.from(`${title} content`)]),
    );
  report = await add('school-report.pdf', 'SCHOOL-REPORT for Sam', false);
  await add('statement.txt', 'POLICE-STATEMENT of the sibling', true);
  await add('letter.txt', 'Letter about Poppy', false);
});
afterEach(() => t.cleanup());

/** Set NCATS_REPORT_OUT to a folder to keep the PDFs and look at them (pdftoppm renders them to PNG). */
const keep = (name: string, bytes: Buffer) => {
  if (process.env.NCATS_REPORT_OUT) writeFileSync(join(process.env.NCATS_REPORT_OUT, name), bytes);
};
const oneLine = (s: string) => s.replace(/-\s+/g, '-').replace(/\s+/g, ' ');
const sar = async (reviewerCopy = false) => {
  const r = await exportReport(t.vault, {
    caseId: g.a.caseId,
    kind: 'subject-access',
    format: 'pdf',
    ...(reviewerCopy ? { reviewerCopy } : {}),
  });
  keep(`sar-documents${reviewerCopy ? '-reviewer' : ''}.pdf`, r.bytes);
  return oneLine(pdfRawText(r.bytes));
};
const lastDetail = () =>
  JSON.parse(
    (
      t.vault.db
        .prepare("SELECT detail FROM audit_log WHERE action = 'report.subject_access' ORDER BY seq DESC LIMIT 1")
        .get() as { detail: string }
    ).detail,
  ) as Record<string, unknown>;

describe.skipIf(!POPPLER)('documents in the subject access request', () => {
  it('the requester’s copy schedules every document and withholds the marked one, title and chronology entry', async () => {
    const text = await sar();
    expect(text).toContain('Documents (3)');
    expect(text).toMatch(
      /D1 SCHOOL-REPORT for Sam \d\d\/\d\d\/\d{4} \d\d:\d\d PDF Disclosed: a copy of the file is supplied separately/,
    );
    expect(text).toContain(`D2 ${DOCUMENT_WITHHELD_TITLE}`);
    expect(text).toContain(DOCUMENT_WITHHELD_WHY);
    expect(text).toContain(DOCUMENT_SUPPLIED);
    expect(text).toContain('Letter about [name redacted]');
    expect(text).not.toContain('POLICE-STATEMENT');
    expect(text).not.toContain('Poppy');
    expect(text).not.toContain('Files to supply');
    expect(lastDetail()).toMatchObject({ copy: 'requester', documents: 3, documentsWithheld: 1 });
  });

  it('the reviewer’s copy lists the files to supply and logs the withheld document', async () => {
    const text = await sar(true);
    expect(text).toContain('Files to supply with the requester’s copy (reviewer only)');
    expect(text).toContain(`D1 SCHOOL-REPORT for Sam school-report.pdf ${report.sha256.slice(0, 16)}`);
    expect(text).toContain(
      `${DOCUMENT_WITHHELD_WHY} THIRD-PARTY INFORMATION D2: POLICE-STATEMENT of the sibling (statement.txt)`,
    );
    const supply = text.slice(text.indexOf('Files to supply'), text.indexOf('Redaction log'));
    expect(supply).not.toContain('statement.txt');
  });
});
